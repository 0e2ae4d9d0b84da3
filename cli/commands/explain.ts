// `brandlint explain TERM-OR-RULE`: what the guide says about a word, phrase or rule, where it says
// it (file:line) and why. Matching goes through the same phrase matchers as linting, so "utilized"
// finds the `utilize` entry and "github" finds the GitHub term.
import path from 'node:path';
import {
  ruleById,
  RULES,
  parseDocument,
  type BannedEntry,
  type ClaimEntry,
  type EntryCommon,
  type Guide,
  type SourceRef,
  type TermEntry,
} from '../../rules/index.js';
import { bannedMatcher, claimMatcher, patternHits, phraseHits, termMatcher } from '../../rules/match/brand.js';
import { closest } from '../../rules/guide/suggest.js';
import { laterFirst } from '../../rules/checks/banned/banned.js';
import { packageRoot } from '../../rules/guide/package-root.js';
import { ruleLevel } from '../../rules/lint.js';
import { displayPath } from '../files.js';
import { EXIT, UsageError, writeAll, type CliIo } from '../io.js';
import { loadAndReport, resolveGuidePath, strictArgs } from './check-guide.js';

export const EXPLAIN_HELP = `Usage: brandlint explain TERM-OR-RULE [options]

Show what the guide says about a word, a phrase or a rule id (banned, passive-voice, …):
the entries that apply, where they are written (file:line), the reason and the link.

Options:
  -g, --guide FILE    the guide to read (default: the nearest brand.yaml, walking up)
  -h, --help          show this help

Exit codes: 0 the guide says something about it, 1 it says nothing, 2 usage or guide error.
`;

type Kind = 'terms' | 'banned' | 'claims';
interface Hit {
  kind: Kind;
  entry: TermEntry | BannedEntry | ClaimEntry;
  /** The words of the query that matched. */
  matched: string;
}

/** Every entry whose phrases (or pattern) match somewhere in the query, in guide order, once each. */
export function entriesFor(guide: Guide, query: string): Hit[] {
  const doc = parseDocument('explain.md', query, 'markdown', guide);
  const hits: Hit[] = [];
  const seen = new Set<object>();
  const add = (kind: Kind, entry: TermEntry | BannedEntry | ClaimEntry, matched: string) => {
    if (seen.has(entry)) return;
    seen.add(entry);
    hits.push({ kind, entry, matched });
  };
  for (const h of phraseHits(doc, termMatcher(guide.terms))) add('terms', h.payload.term, h.block.text.slice(h.start, h.end));
  // The entry linting uses where several list the phrase: the later one (laterFirst).
  for (const h of [...phraseHits(doc, bannedMatcher(laterFirst(guide.banned))), ...patternHits(doc, guide.banned)]) add('banned', h.payload.entry, h.block.text.slice(h.start, h.end));
  for (const h of [...phraseHits(doc, claimMatcher(laterFirst(guide.claims))), ...patternHits(doc, guide.claims)]) add('claims', h.payload.entry, h.block.text.slice(h.start, h.end));
  const order = (e: EntryCommon) => [e.ref.file, e.ref.line] as const;
  return hits.sort((a, b) => {
    const [fa, la] = order(a.entry);
    const [fb, lb] = order(b.entry);
    return fa === fb ? la - lb : fa < fb ? -1 : 1;
  });
}

function where(cwd: string, ref: SourceRef | undefined): string {
  if (!ref) return '';
  const packs = path.join(packageRoot(), 'packs') + path.sep;
  const file = ref.file.startsWith(packs) ? `brandlint:${path.basename(ref.file, '.yaml')}` : displayPath(cwd, ref.file);
  return `${file}:${ref.line}:${ref.column}`;
}

const quote = (s: string) => `"${s}"`;

function describeEntry(cwd: string, h: Hit): string[] {
  const e = h.entry;
  const out: string[] = [];
  const level = e.level ? ` (${e.level})` : '';
  if (h.kind === 'terms') {
    const t = e as TermEntry;
    out.push(`term ${quote(t.use)}${level}  ${where(cwd, e.ref)}`);
    out.push(`  Write it ${quote(t.use)}${t.trademark ? `, with ${t.trademark} on its first mention in a document` : ''}.`);
    if (t.not.length) out.push(`  Not: ${t.not.map(quote).join(', ')} (nor other capitalisations).`);
  } else {
    const b = e as BannedEntry | ClaimEntry;
    const what = b.pattern !== undefined ? `pattern /${b.pattern}/` : b.phrases.map(quote).join(', ');
    out.push(`${h.kind === 'banned' ? 'banned' : 'claim'} ${what}${level}  ${where(cwd, e.ref)}`);
    if (h.kind === 'banned') {
      const use = (b as BannedEntry).use;
      out.push(use.length ? `  Use ${use.map(quote).join(' or ')} instead (a quick fix).` : '  Avoid it; the guide gives no replacement.');
    } else {
      const c = b as ClaimEntry;
      out.push(
        c.needs === 'citation'
          ? '  Needs a citation in the same sentence: a link, a footnote, or a marker such as * or †.'
          : c.needs === 'disclaimer'
            ? `  Needs the disclaimer ${quote(c.disclaimer ?? '')} somewhere in the document.`
            : '  Always flagged: the brand does not make this claim.',
      );
    }
  }
  if (h.matched.toLowerCase() !== (h.kind === 'terms' ? (e as TermEntry).use : '').toLowerCase()) out.push(`  Matched: ${quote(h.matched)}`);
  if (e.because) out.push(`  Why: ${e.because}`);
  if (e.docs) out.push(`  Docs: ${e.docs}`);
  if (e.examples?.bad?.length) out.push(`  Bad: ${e.examples.bad.map(quote).join('  ')}`);
  if (e.examples?.good?.length) out.push(`  Good: ${e.examples.good.map(quote).join('  ')}`);
  return out;
}

function describeRule(cwd: string, guide: Guide, id: string): string[] {
  const rule = ruleById(id)!;
  const m = rule.meta;
  const out = [`rule ${m.id} (${m.category}${m.fixable ? ', fixable' : ''})`, `  ${m.description}`];
  const level = ruleLevel(rule, guide);
  if (m.category === 'tone') {
    const t = guide.tone[m.id];
    if (t) {
      const opts = Object.entries(t.options).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
      out.push(`  In this guide: ${t.level}${opts.length ? ` { ${opts.join(', ')} }` : ''}  ${where(cwd, t.ref)}`);
    } else out.push(`  In this guide: off (add \`${m.id}: warning\` under tone: to turn it on).`);
  } else {
    const n = m.category === 'terms' ? guide.terms.length : m.category === 'banned' ? guide.banned.length : m.category === 'claims' ? guide.claims.length : undefined;
    out.push(`  In this guide: ${level}${n !== undefined ? `, ${n} entr${n === 1 ? 'y' : 'ies'} under ${m.category}:` : ''} (entries may set their own level).`);
  }
  out.push(`  Docs: ${m.docs}`);
  out.push(`  Silence it for one line: <!-- brandlint-disable-next-line ${m.id} -->`);
  return out;
}

export async function explainCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = strictArgs(argv, { guide: { type: 'string', short: 'g' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    await writeAll(io.stdout, EXPLAIN_HELP);
    return EXIT.clean;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('explain needs a word, a phrase or a rule id, e.g. brandlint explain utilize');
  const file = resolveGuidePath(io, values.guide as string | undefined);
  const { guide } = loadAndReport(io, file);
  if (!guide) return EXIT.usage;

  const { found, text } = explainText(io.cwd, guide, query);
  await writeAll(io.stdout, text);
  return found ? EXIT.clean : EXIT.findings;
}

/**
 * What the guide says about a word, phrase or rule id, as `brandlint explain` prints it (paths
 * relative to `cwd`); `found` is false when it says nothing (the text then names the closest guess).
 */
export function explainText(cwd: string, guide: Guide, query: string): { found: boolean; text: string } {
  const blocks: string[][] = [];
  if (ruleById(query.toLowerCase())) blocks.push(describeRule(cwd, guide, query.toLowerCase()));
  const hits = entriesFor(guide, query);
  for (const h of hits) blocks.push(describeEntry(cwd, h));
  const allowed = guide.allow.filter((a) => a.toLowerCase() === query.toLowerCase());
  if (allowed.length) blocks.push([`allowed ${quote(allowed[0]!)}  ${displayPath(cwd, guide.path)}`, '  Listed under allow: never flagged by any rule.']);

  if (blocks.length === 0) {
    const names = [
      ...RULES.map((r) => r.meta.id),
      ...guide.terms.map((t) => t.use),
      ...guide.banned.flatMap((b) => b.phrases),
      ...guide.claims.flatMap((c) => c.phrases),
    ];
    const guess = closest(query, names);
    return { found: false, text: `${displayPath(cwd, guide.path)} says nothing about ${quote(query)}.${guess ? ` Did you mean ${quote(guess)}?` : ''}\n` };
  }
  return { found: true, text: blocks.map((b) => b.join('\n')).join('\n\n') + '\n' };
}
