// Reuse of block-scope rules' reports between two lints of the same document (the language server
// re-lints on every keystroke, and one keystroke changes one block). A rule whose meta.scope is
// 'block' reports about a block from that block alone, so its reports are kept per block, keyed by
// everything the rule can read about it, stored relative to the block's first source offset, and
// replayed at the block's new place. Only blocks never seen before run through the rule. The CLI
// never passes a cache; its results are the reference (test/lsp/incremental.test.ts compares).
import type { Block, Fix, Guide, ProseDocument, Report, Rule } from './types.js';
import { linkContext } from './match/links.js';
import { codeCommands } from './match/code-commands.js';
import { companyNames } from './match/names.js';

/** How far past a block's last character rules may look in the source (an entity's `;`, see sourceSpan). */
const TAIL = 34;

interface RuleEntry {
  context: string;
  blocks: Map<string, Kept>;
}

/** A block's reports, and the last lint that used them (the others are dropped after each run). */
interface Kept {
  reports: Report[];
  lint: number;
}

/** A block's key and where in it the source around the block starts (see keyOf). */
interface KeyMemo {
  key: string;
  first: boolean;
  length: number;
  span: number;
  around: number;
}

export class BlockCache {
  private guide: Guide | undefined;
  private docKey = '';
  readonly rules = new Map<string, RuleEntry>();
  /** Blocks whose reports were replayed / computed in the last lint, summed over rules. */
  stats = { reused: 0, computed: 0 };
  /** Counts lints; a kept entry not used by the current one is dropped. */
  lints = 0;
  /**
   * Each block's key, computed once per block object: a keystroke re-lints a document whose blocks
   * are mostly the same objects (shifted in place), and building every block's key again made a
   * copy of the whole text per keystroke (the language server's main garbage on a long document).
   */
  private readonly keys = new WeakMap<Block, KeyMemo>();

  /** Start one lint of `doc`; a different guide, path or format starts from nothing. */
  begin(doc: ProseDocument, guide: Guide): CachedRun {
    const docKey = `${doc.format}\u0000${doc.path}`;
    if (guide !== this.guide || docKey !== this.docKey) {
      this.rules.clear();
      this.guide = guide;
      this.docKey = docKey;
    }
    this.stats = { reused: 0, computed: 0 };
    this.lints++;
    return new CachedRun(this, doc, guide);
  }

  /**
   * blockKey(doc, b), from the memo when `b` was keyed before and still reads the same: the key
   * holds the block's own fields (never changed after parsing), its map relative to its first
   * offset (blocks only move as a whole: test/lsp/incremental.test.ts), whether it starts the
   * document, and the source around it, which is compared in place.
   */
  keyOf(doc: ProseDocument, b: Block): string {
    const n = b.map.length;
    if (n === 0 || n !== b.text.length) return '';
    const a = b.map[0]!;
    const m = this.keys.get(b);
    if (m && m.length === n && m.first === (a === 0) && m.span === b.map[n - 1]! - a && sameAround(doc.source, a, b.map[n - 1]!, n, m)) return m.key;
    const key = blockKey(doc, b);
    // The source around the block is the key's second-to-last field (the block text is the last).
    const aroundEnd = key.length - b.text.length - 1;
    const aroundLength = Math.min(doc.source.length, b.map[n - 1]! + TAIL) - Math.max(0, a - 1);
    this.keys.set(b, { key, first: a === 0, length: n, span: b.map[n - 1]! - a, around: aroundEnd - aroundLength });
    return key;
  }
}

/** Whether the source around a block (as blockKey slices it) equals the part of the memo's key that holds it. */
function sameAround(source: string, a: number, last: number, n: number, m: KeyMemo): boolean {
  const lo = Math.max(0, a - 1);
  const hi = Math.min(source.length, last + TAIL);
  const end = m.key.length - n - 1; // the separator before the last field, the block text (n units)
  if (m.around + (hi - lo) !== end || m.key.charCodeAt(end) !== 0) return false;
  for (let i = lo, j = m.around; i < hi; i++, j++) if (source.charCodeAt(i) !== m.key.charCodeAt(j)) return false;
  return true;
}

export class CachedRun {
  private keys: string[] | undefined;
  private readonly next = new Map<string, RuleEntry>();

  constructor(
    private readonly cache: BlockCache,
    private readonly doc: ProseDocument,
    private readonly guide: Guide,
  ) {}

  /** Run a block-scope rule: replay what is known, check only the other blocks. */
  run(rule: Rule, report: (r: Report) => void): void {
    const { doc, guide } = this;
    const keys = (this.keys ??= doc.blocks.map((b) => this.cache.keyOf(doc, b)));
    const context = rule.blockContext?.(doc, guide) ?? '';
    const prev = this.cache.rules.get(rule.meta.id);
    // The previous lint's map is updated in place (a new one per lint re-inserted every block).
    const entry: RuleEntry = prev && prev.context === context ? prev : { context, blocks: new Map() };
    this.next.set(rule.meta.id, entry);
    const lint = this.cache.lints;
    const missing: Block[] = [];
    const missingKeys: string[] = [];
    doc.blocks.forEach((block, i) => {
      const key = keys[i]!;
      const hit = key ? entry.blocks.get(key) : undefined;
      if (hit) {
        hit.lint = lint;
        const base = block.map[0]!;
        for (const r of hit.reports) report(shifted(r, base));
        this.cache.stats.reused++;
      } else {
        missing.push(block);
        missingKeys.push(key);
      }
    });
    try {
      this.check(rule, report, missing, missingKeys, entry, lint);
    } finally {
      // Keep what this lint used or made: the cache holds one document's blocks. (A key fully
      // determines its reports, so an entry left behind by a failed check would still be right.)
      entry.blocks.forEach((kept, key) => kept.lint !== lint && entry.blocks.delete(key));
    }
  }

  private check(rule: Rule, report: (r: Report) => void, missing: Block[], missingKeys: string[], entry: RuleEntry, lint: number): void {
    const { doc, guide } = this;
    if (missing.length === 0) return;
    this.cache.stats.computed += missing.length;
    const got: Report[] = [];
    rule.check({
      doc: { ...doc, blocks: missing },
      guide,
      report(r) {
        got.push(r);
        report(r);
      },
    });
    // Give every report to the one block it starts in; if any cannot be placed, keep nothing (the
    // reports above are already out, so the result is right either way: only reuse is lost).
    const per = attribute(missing, got);
    if (!per) return;
    missing.forEach((block, j) => {
      const key = missingKeys[j]!;
      if (!key) return;
      const base = block.map[0]!;
      const lo = base - 1;
      const hi = block.map[block.map.length - 1]! + TAIL;
      const list = per[j]!;
      if (!list.every((r) => within(r, lo, hi))) return;
      entry.blocks.set(key, { reports: list.map((r) => shifted(r, -base)), lint });
    });
  }

  /** Keep only the rules this lint ran. */
  end(): void {
    this.cache.rules.clear();
    for (const [id, e] of this.next) this.cache.rules.set(id, e);
  }
}

/** Everything a block-scope rule may read about a block, as one string ('' = do not cache). */
export function blockKey(doc: ProseDocument, b: Block): string {
  const n = b.map.length;
  if (n === 0 || n !== b.text.length) return '';
  const a = b.map[0]!;
  let deltas = '';
  for (let i = 1; i < n; i++) {
    const d = b.map[i]! - b.map[i - 1]!;
    if (d !== 1) deltas += `${i}:${d},`;
  }
  const marks = b.marks.map((m) => `${m.kind}@${m.at}`).join(',');
  // A quotation may come from the blocks around it (an attribution, an interview's other turns).
  const regions = b.regions?.map((g) => `${g.kind}@${g.start}-${g.end}`).join(',') ?? '';
  const around = doc.source.slice(Math.max(0, a - 1), b.map[n - 1]! + TAIL);
  // A link's target may lie farther out (term rules read it: see match/links.ts).
  return [b.kind, b.depth ?? '', b.field ?? '', b.post ?? '', a === 0 ? 'first' : '', marks, regions, deltas, linkContext(doc, b), commandContext(doc, b), companyContext(doc), around, b.text].join('\u0000');
}

function shifted(r: Report, by: number): Report {
  const out: Report = { ...r, start: r.start + by, end: r.end + by };
  if (r.fixes) out.fixes = r.fixes.map((f): Fix => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) }));
  return out;
}

function within(r: Report, lo: number, hi: number): boolean {
  const ok = (x: number) => x >= lo && x <= hi;
  return ok(r.start) && ok(r.end) && (r.fixes ?? []).every((f) => f.edits.every((e) => ok(e.start) && ok(e.end)));
}

/** Reports per block (same order as `blocks`), or undefined when one starts in no block or several. */
function attribute(blocks: Block[], reports: Report[]): Report[][] | undefined {
  const per: Report[][] = blocks.map(() => []);
  if (reports.length === 0) return per;
  if (blocks.length === 1) {
    per[0]!.push(...reports);
    return per;
  }
  // Blocks by first offset, with the running maximum of their last offsets: the blocks that can
  // hold an offset are found by a binary search and a short walk back.
  const order = blocks.map((_, i) => i).sort((x, y) => blocks[x]!.map[0]! - blocks[y]!.map[0]!);
  const starts = order.map((i) => blocks[i]!.map[0]!);
  const maxEnd: number[] = [];
  for (const i of order) {
    const m = blocks[i]!.map;
    maxEnd.push(Math.max(m[m.length - 1]!, maxEnd[maxEnd.length - 1] ?? -1));
  }
  for (const r of reports) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= r.start) lo = mid + 1;
      else hi = mid;
    }
    let owner = -1;
    for (let k = lo - 1; k >= 0 && maxEnd[k]! >= r.start; k--) {
      const b = blocks[order[k]!]!;
      if (b.map[b.map.length - 1]! < r.start || !b.map.includes(r.start)) continue;
      if (owner !== -1) return undefined;
      owner = order[k]!;
    }
    if (owner === -1) return undefined;
    per[owner]!.push(r);
  }
  return per;
}

/** The commands the document shows as code, for a block whose lowercase words they may explain (see code-commands). */
function commandContext(doc: ProseDocument, b: Block): string {
  return /[a-z]/.test(b.text) ? codeCommands(doc).digest : '';
}

/** The company names the document gives ("Awesome Co"), for a block that may use one (see banned). */
function companyContext(doc: ProseDocument): string {
  const names = companyNames(doc);
  return names.size === 0 ? '' : [...names].sort().join(',');
}
