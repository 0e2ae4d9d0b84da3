// Examples as tests in the guide: an entry's `examples: {bad, good}` must behave — each bad example
// triggers that entry, each good one does not. `brandlint check-guide` prints the failures and the
// language server shows them as diagnostics on the example itself in brand.yaml.
import type { Document, LineCounter, Node, YAMLMap } from 'yaml';
import { isMap, isSeq, yaml } from './lazy-yaml.js';
import type { BannedEntry, ClaimEntry, EntryCommon, Finding, Guide, GuideProblem, Rule, SourceRef, TermEntry } from './types.js';
import { lintDocument } from './lint.js';
import { parseDocument as parseCopy } from './parse/index.js';
import { ruleById } from './checks/index.js';
import { readGuideText } from './guide/load.js';

export type EntryKind = 'terms' | 'banned' | 'claims';

/** One example run against its entry. */
export interface ExampleResult {
  kind: EntryKind;
  entry: TermEntry | BannedEntry | ClaimEntry;
  /** Where the entry is written (the guide file, line and column of the entry's mapping). */
  ref: SourceRef;
  which: 'bad' | 'good';
  index: number;
  text: string;
  pass: boolean;
  /** The findings of this entry on the example (what fired for a good one; empty for a failing bad one). */
  findings: Finding[];
  /** The example string's own place in the guide file, when it could be located. */
  at?: { line: number; column: number; endLine: number; endColumn: number };
}

export interface CheckExamplesOptions {
  /** Read a guide file (the server passes unsaved buffers). */
  read?: (file: string) => string;
}

// Rules that can report for each kind of entry (a term also answers for its trademark symbol).
const RULES_FOR: Record<EntryKind, string[]> = { terms: ['term', 'trademark'], banned: ['banned'], claims: ['claim'] };

/** Every entry of the guide that carries examples, with the section it belongs to (overrides included). */
export function entriesWithExamples(guide: Guide): Array<{ kind: EntryKind; entry: TermEntry | BannedEntry | ClaimEntry; override?: number }> {
  const out: Array<{ kind: EntryKind; entry: TermEntry | BannedEntry | ClaimEntry; override?: number }> = [];
  const take = (kind: EntryKind, list: Array<TermEntry | BannedEntry | ClaimEntry> | 'off' | undefined, override?: number) => {
    if (!Array.isArray(list)) return;
    for (const entry of list) if (entry.examples && (entry.examples.bad?.length || entry.examples.good?.length)) out.push({ kind, entry, override });
  };
  take('terms', guide.terms);
  take('banned', guide.banned);
  take('claims', guide.claims);
  guide.overrides.forEach((o, i) => {
    take('terms', o.terms, i);
    take('banned', o.banned, i);
    take('claims', o.claims, i);
  });
  return out;
}

function sameRef(a: SourceRef | undefined, b: SourceRef): boolean {
  return !!a && a.file === b.file && a.line === b.line && a.column === b.column;
}

/**
 * The guide an example runs against: the whole guide (so longest-match and allow behave as in real
 * copy), with an override's entry added to its section, and tone off (examples prove brand entries).
 */
function guideForEntry(guide: Guide, kind: EntryKind, entry: TermEntry | BannedEntry | ClaimEntry, override?: number): Guide {
  const g: Guide = { ...guide, tone: {}, overrides: [] };
  if (override !== undefined && !(g[kind] as EntryCommon[]).includes(entry)) {
    if (kind === 'terms') g.terms = [...g.terms.filter((t) => t.use.toLowerCase() !== (entry as TermEntry).use.toLowerCase()), entry as TermEntry];
    else if (kind === 'banned') g.banned = [...g.banned, entry as BannedEntry];
    else g.claims = [...g.claims, entry as ClaimEntry];
  }
  return g;
}

function entryLast(g: Guide, kind: 'banned' | 'claims', entry: TermEntry | BannedEntry | ClaimEntry): Guide {
  if (kind === 'banned') return { ...g, banned: [...g.banned.filter((e) => e !== entry), entry as BannedEntry] };
  return { ...g, claims: [...g.claims.filter((e) => e !== entry), entry as ClaimEntry] };
}

/** Run every example of every entry; one result per example. */
export function runExamples(guide: Guide, opts: CheckExamplesOptions = {}): ExampleResult[] {
  const results: ExampleResult[] = [];
  const locator = new ExampleLocator(opts.read);
  for (const { kind, entry, override } of entriesWithExamples(guide)) {
    const g = guideForEntry(guide, kind, entry, override);
    const rules = RULES_FOR[kind].map((id) => ruleById(id)).filter((r): r is Rule => r !== undefined);
    for (const which of ['bad', 'good'] as const) {
      (entry.examples?.[which] ?? []).forEach((text, index) => {
        const run = (guideFor: Guide): Finding[] => {
          try {
            // An example is a line of Markdown: the commonest copy, and links/footnotes cite claims.
            const doc = parseCopy('example.md', text, 'markdown', guideFor);
            return lintDocument(doc, guideFor, rules).filter((f) => sameRef(f.ref, entry.ref));
          } catch {
            return [];
          }
        };
        let findings = run(g);
        // Where two entries list the same phrase the later one reports it (a guide's own "fastest"
        // over the claims pack's). A bad example the entry then never sees is tried again with the
        // entry last, so each entry is proven on its own and a pack's examples do not fail in a
        // guide that repeats one of its phrases.
        if (which === 'bad' && findings.length === 0 && kind !== 'terms') findings = run(entryLast(g, kind, entry));
        const pass = which === 'bad' ? findings.length > 0 : findings.length === 0;
        results.push({ kind, entry, ref: entry.ref, which, index, text, pass, findings, at: locator.find(entry.ref, which, index) });
      });
    }
  }
  return results;
}

/** The failing examples as guide problems, placed on the example string in brand.yaml. */
export function checkExamples(guide: Guide, opts: CheckExamplesOptions = {}): GuideProblem[] {
  return runExamples(guide, opts)
    .filter((r) => !r.pass)
    .map((r) => {
      const at = r.at ?? { line: r.ref.line, column: r.ref.column, endLine: r.ref.line, endColumn: r.ref.column };
      return { file: r.ref.file, ...at, message: exampleMessage(r), level: 'error' as const };
    });
}

export function entryName(kind: EntryKind, entry: TermEntry | BannedEntry | ClaimEntry): string {
  if (kind === 'terms') return `term "${(entry as TermEntry).use}"`;
  const e = entry as BannedEntry | ClaimEntry;
  const what = e.pattern !== undefined ? `pattern "${e.pattern}"` : `"${e.phrases.join('", "')}"`;
  return `${kind === 'banned' ? 'banned' : 'claim'} ${what}`;
}

export function exampleMessage(r: ExampleResult): string {
  const name = entryName(r.kind, r.entry);
  if (r.which === 'bad') return `bad example "${r.text}" does not trigger ${name}: the entry would let this copy through`;
  const f = r.findings[0]!;
  return `good example "${r.text}" triggers ${name} (${f.rule}: ${f.message})`;
}

/** Finds the YAML node of `examples.bad[i]` under the entry mapping that starts at a ref. */
class ExampleLocator {
  private readonly files = new Map<string, { doc: Document.Parsed; lines: LineCounter; maps: Map<string, YAMLMap> } | null>();

  constructor(private readonly read: (file: string) => string = readGuideText) {}

  private load(file: string) {
    if (this.files.has(file)) return this.files.get(file)!;
    let entry: { doc: Document.Parsed; lines: LineCounter; maps: Map<string, YAMLMap> } | null = null;
    try {
      const { LineCounter, parseDocument, visit } = yaml();
      const lines = new LineCounter();
      const doc = parseDocument(this.read(file).replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: false });
      const maps = new Map<string, YAMLMap>();
      visit(doc, {
        Map(_, m) {
          if (!m.range) return;
          const p = lines.linePos(m.range[0]);
          maps.set(`${p.line}:${p.col}`, m as YAMLMap);
        },
      });
      entry = { doc, lines, maps };
    } catch {
      entry = null;
    }
    this.files.set(file, entry);
    return entry;
  }

  find(ref: SourceRef, which: 'bad' | 'good', index: number): ExampleResult['at'] {
    const f = this.load(ref.file);
    const map = f?.maps.get(`${ref.line}:${ref.column}`);
    if (!f || !map || !isMap(map)) return undefined;
    const examples = map.get('examples', true) as Node | undefined;
    if (!examples || !isMap(examples)) return undefined;
    const list = examples.get(which, true) as Node | undefined;
    // `bad: one string` is read as a list of one; point at that scalar.
    const node = list && isSeq(list) ? (list.items[index] as Node | undefined) : index === 0 ? list : undefined;
    if (!node?.range) return undefined;
    const s = f.lines.linePos(node.range[0]);
    const e = f.lines.linePos(node.range[1]);
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  }
}
