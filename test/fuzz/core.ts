// What the property tests generate and what they check, shared by test/fuzz/properties.test.ts
// (about 1,000 cases per property in CI) and `npm run fuzz` (100,000 per property).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fixText, lintText, loadGuide, type Finding, type Guide } from '../../rules/index.js';
import { CORPUS, HAS_CORPUS, offsetOf, ROOT } from '../helpers/hostile.js';

/** Cases per property: BRANDLINT_FUZZ_RUNS (npm run fuzz sets 100,000), else about 1,000 for CI. */
export const RUNS = Number(process.env.BRANDLINT_FUZZ_RUNS) || 1_000;

let guide: Guide | undefined;
/** The sample guide: every brand rule, tone rules, channels for emails/** and social/**. */
export function sampleGuide(): Guide {
  if (guide) return guide;
  const r = loadGuide(path.join(ROOT, 'samples/brand.yaml'));
  if (!r.ok) throw new Error(`samples/brand.yaml does not load: ${r.problems.map((p) => p.message).join('; ')}`);
  guide = r.guide;
  return guide;
}

export interface FormatCase {
  name: string;
  /** Where the file is, so the format (and channel) is the one named. */
  file: string;
  /** Markup fragments of this format that random documents are built from. */
  markup: string[];
  /** Corpus files (relative to the corpus) whose mutations are tested. */
  seeds: (file: string) => boolean;
  /** Largest seed file, in bytes (Markdown is the slowest to parse; keep CI's run short). */
  maxSeed: number;
}

const MD_MARKUP = ['# ', '## ', '\n', '\n\n', '- ', '  - ', '1. ', '> ', '>> ', '```', '```js\n', '~~~', '`', '*', '**', '_', '[', ']', '](', ')', '![', '[^1]', '[^1]: ', '|', '| --- |', '\\', '---\n', '===\n', '    ', '<br>', '<b>', '</b>', '<!-- ', ' -->', '&amp;', '&#x1F600;', '&#0;', '&bogus;', 'title: ', 'description: '];
const MDX_MARKUP = [...MD_MARKUP, '{', '}', '{/* ', ' */}', '<Hero title="utilize">', '</Hero>', '<X />', 'import X from "x"\n', 'export const a = 1\n'];
const HTML_MARKUP = ['<p>', '</p>', '<div>', '</div>', '<ul><li>', '</li></ul>', '<a href="https://x.example/utilize">', '</a>', '<img alt="We utilize it" src="x.png">', '<title>', '</title>', '<style>', '</style>', '<script>', '</script>', '<!-- ', ' -->', '<br/>', '&nbsp;', '&amp;', '&#x1F600;', '&#55357;', '&lt;', '<', '>', '"', "'", '=', '{{', '}}', '{{name}}', '{{#if x}}', '{{/if}}', '{{{raw}}}', '{% if x %}', '{% endif %}', '*|FNAME|*', '<mj-text>', '</mj-text>', '<mj-preview>', 'Subject: ', '---\n', 'subject: ', 'preheader: '];
const SOCIAL_MARKUP = ['\n---\n', '---\n', 'platform: x\n', 'platform: linkedin\n', '#launch', '#', '@acme', '@', 'https://acme.example/utilize', 'www.acme.example', 'a@b.example', '# brandlint-disable\n', '# brandlint-disable-next-line banned\n', '# brandlint-enable\n', '\n', '\n\n', '🧵 1/3'];

export const FORMATS: FormatCase[] = [
  { name: 'markdown', file: 'copy/doc.md', markup: MD_MARKUP, seeds: (f) => f.startsWith('marketing-copy/') && f.endsWith('.md'), maxSeed: 6_000 },
  { name: 'mdx', file: 'copy/doc.mdx', markup: MDX_MARKUP, seeds: (f) => f.startsWith('marketing-copy/') && f.endsWith('.md'), maxSeed: 6_000 },
  { name: 'html', file: 'emails/doc.html', markup: HTML_MARKUP, seeds: (f) => f.startsWith('email-templates/') && /\.html?$/.test(f), maxSeed: 24_000 },
  { name: 'mjml', file: 'emails/doc.mjml', markup: HTML_MARKUP, seeds: (f) => f.startsWith('email-templates/') && f.endsWith('.mjml'), maxSeed: 24_000 },
  { name: 'handlebars', file: 'emails/doc.hbs', markup: HTML_MARKUP, seeds: (f) => f.startsWith('email-templates/') && /\.(hbs|twig|txt)$/.test(f), maxSeed: 24_000 },
  { name: 'social', file: 'social/doc.txt', markup: SOCIAL_MARKUP, seeds: (f) => f.startsWith('social-posts/') && /\.(tweet|md)$/.test(f), maxSeed: 24_000 },
];

/** Words the sample guide reacts to, in several cases and forms. */
const BRAND_WORDS = ['utilize', 'Utilized', 'UTILIZING', 'leverage', 'synergy', 'Acme Cloud', 'Acme Cloud®', 'GitHub', 'Github', 'Git Hub', 'git\nhub', 'e-mail', 'E-Mail', 'email', 'cheap', 'Cheapest', 'best', 'best practices', '#1', 'number one', 'world-class', 'fastest', 'guaranteed', 'Terms apply', 'risk-free', 'clinically proven', 'in order to', 'reach out', 'it is', 'It is', 'was written', 'very', 'colour', 'Javascript', '!', '!!!', '*', '†'];
const ODD = ['\r', '\r\n', '\t', '\u00a0', '\u200b', '\u200f', '\u202e', '\u2028', '\u0301', '\u0308', '\ufeff', '\ufffc', '\ufffd', '\u0000', '\u0007', '\ud800', '\udfff', '😀', '👩‍👩‍👧', '𝕏', '🇺🇸', 'שלום', 'مرحبا', 'é', 'ß', 'İ', 'ﬁ'];

const CORPUS_FILES: string[] = HAS_CORPUS ? listCorpus() : [];
function listCorpus(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(path.relative(CORPUS, p).split(path.sep).join('/'));
    }
  };
  for (const d of ['marketing-copy', 'email-templates', 'social-posts']) if (fs.existsSync(path.join(CORPUS, d))) walk(path.join(CORPUS, d));
  return out.sort();
}

/** Up to `max` seed texts for a format: corpus files under its maxSeed (fast enough per case), spread over the sets. */
export function seedsFor(fmt: FormatCase, max = 40): string[] {
  const all = CORPUS_FILES.filter(fmt.seeds).filter((f) => fs.statSync(path.join(CORPUS, f)).size <= fmt.maxSeed);
  const step = Math.max(1, Math.floor(all.length / max));
  return all.filter((_, i) => i % step === 0).slice(0, max).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
}

/** A random document of a format: brand words, that format's markup, odd characters and plain text. */
export function documentArb(fmt: FormatCase): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...BRAND_WORDS).map((w) => ` ${w} `) },
    { weight: 4, arbitrary: fc.constantFrom(...fmt.markup) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD) },
    { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '. ', ', ', '\n', 'We ', 'the ', 'and ') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  );
  return fc.array(piece, { maxLength: 120, size: 'medium' }).map((ps) => ps.join(''));
}

/** A corpus (or sample) file with a few random edits: inserted fragments, deletions, duplicated slices. */
export function mutatedArb(fmt: FormatCase, seeds: string[]): fc.Arbitrary<string> {
  const fragment = fc.oneof(fc.constantFrom(...BRAND_WORDS), fc.constantFrom(...fmt.markup), fc.constantFrom(...ODD), fc.string({ unit: 'binary', maxLength: 6 }));
  const mutation = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('insert', 'delete', 'duplicate', 'truncate'),
    len: fc.nat({ max: 200 }),
    text: fragment,
  });
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([i, muts]) => {
    let s = seeds[i]!;
    for (const m of muts) {
      const at = Math.floor(m.at * s.length);
      if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
      else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
      else if (m.kind === 'duplicate') s = s.slice(0, at + m.len) + s.slice(at, at + m.len) + s.slice(at + m.len);
      else s = s.slice(0, at);
    }
    return s;
  });
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const a = text.charCodeAt(offset - 1);
  const b = text.charCodeAt(offset);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

/** Every invariant the core promises about one document; throws with the first broken one. */
export function checkDocument(file: string, source: string, g: Guide = sampleGuide()): number {
  const result = lintText(file, source, g);
  for (const f of result.findings) checkFinding(source, f);
  // Fixes never overlap: the edits of every unambiguous fix (the ones --fix and fix-all apply) are
  // disjoint, so applying them in any order gives the same text.
  const edits = result.findings
    .filter((f) => f.fixes.length === 1)
    .flatMap((f) => f.fixes[0]!.edits.map((e) => ({ ...e, rule: f.rule })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < edits.length; i++) {
    const p = edits[i - 1]!;
    const e = edits[i]!;
    const same = p.start === e.start && p.end === e.end && p.text === e.text;
    if (e.start < p.end && !same) throw new Error(`fixes overlap: ${p.rule} ${p.start}-${p.end} and ${e.rule} ${e.start}-${e.end}`);
  }
  // Fixing twice: the second pass changes nothing.
  const once = fixText(file, source, g).output;
  const twice = fixText(file, once, g).output;
  if (twice !== once) throw new Error(`fix is not idempotent:\n  once:  ${JSON.stringify(once.slice(0, 300))}\n  twice: ${JSON.stringify(twice.slice(0, 300))}`);
  return result.findings.length;
}

function checkFinding(source: string, f: Finding): void {
  const where = `${f.rule} ${f.start}-${f.end}`;
  if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && 0 <= f.start && f.start <= f.end && f.end <= source.length)) {
    throw new Error(`${where}: range outside the document (length ${source.length})`);
  }
  if (splitsPair(source, f.start) || splitsPair(source, f.end)) throw new Error(`${where}: splits a surrogate pair`);
  if (source.slice(f.start, f.end) !== f.text) throw new Error(`${where}: text ${JSON.stringify(f.text)} is not the source slice`);
  // Counted independently of the core's LineIndex (\n, \r\n and a lone \r end a line, as in LSP).
  if (offsetOf(source, f.line, f.column) !== f.start || offsetOf(source, f.endLine, f.endColumn) !== f.end) {
    throw new Error(`${where}: line/column ${f.line}:${f.column}-${f.endLine}:${f.endColumn} disagree with the offsets`);
  }
  for (const fix of f.fixes) {
    for (const ed of fix.edits) {
      if (!(0 <= ed.start && ed.start <= ed.end && ed.end <= source.length)) throw new Error(`${where}: fix "${fix.title}" edits outside the document`);
      if (splitsPair(source, ed.start) || splitsPair(source, ed.end)) throw new Error(`${where}: fix "${fix.title}" splits a surrogate pair`);
    }
  }
}
