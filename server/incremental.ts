// Keystroke-sized work for the language server: a Markdown document is parsed in chunks that
// end at safe boundaries, so an edit re-parses only the chunk(s) it touches; the rules reuse
// their reports for unchanged blocks (rules/block-cache.ts). Results equal a full lint: the
// differential test (test/lsp/incremental.test.ts) compares them on random edit sequences.
//
// Why a chunk can be parsed alone: CommonMark reads blocks line by line, left to right. At a
// line that starts in column 0 after a blank line, nothing before can continue unless a fenced
// code block, an HTML block (comment, <pre>…) or front matter is still open. So each chunk is
// parsed with a probe line "x" appended after it: if the probe comes back as a paragraph of its
// own, nothing was left open, and the rest of the document parses as if the chunk were not there.
// Link and footnote definitions are global (a `[x]: …` anywhere changes references everywhere):
// documents that have any `]:` are parsed whole, as are formats other than Markdown.
import {
  formatOf,
  guideFor,
  isIgnored,
  lintDocument,
  parseDocument,
  markdownOptions,
  RULES,
  type Block,
  type Directive,
  type Finding,
  type Format,
  type Guide,
  type LintResult,
  type ProseDocument,
  type Region,
} from '../rules/index.js';
import { BlockCache } from '../rules/block-cache.js';
import { addRegion, isQuoted, reachesForward, speakerRegions, sponsorBlocks } from '../rules/parse/quotations.js';

/**
 * Target chunk lengths in UTF-16 units. A document is first parsed in big chunks (fewer parser
 * runs, each has a fixed cost); an edited region is re-chunked small, so the next keystrokes there
 * re-parse about a paragraph (micromark makes ~1 KB of garbage per character parsed).
 */
export const CHUNK = 4000;
export const EDIT_CHUNK = 700;
const PROBE = 'x';
/** How many boundaries after a failed one a chunk tries before it doubles. */
const NEAR_TRIES = 2;

interface Chunk {
  start: number;
  end: number;
  blocks: Block[];
  directives: Directive[];
  frontMatter?: Record<string, unknown>;
}

export interface ParseStats {
  /** Characters given to the Markdown parser by the last parse. */
  parsed: number;
  /** 'whole': not chunked; 'full': every chunk parsed; 'edit': only the edited region. */
  mode: 'whole' | 'full' | 'edit';
}

export class IncrementalParser {
  private text: string | undefined;
  private key = '';
  private chunks: Chunk[] = [];
  stats: ParseStats = { parsed: 0, mode: 'whole' };

  parse(file: string, source: string, format: Format, guide: Guide): ProseDocument {
    const key = `${format}\u0000${file}`;
    // Chunks are parsed without the guide: a guide that changes what is copy gets whole parses.
    if (format !== 'markdown' || source.includes(']:') || Object.keys(markdownOptions(file, guide)).length > 0) {
      this.text = undefined;
      this.chunks = [];
      this.stats = { parsed: source.length, mode: 'whole' };
      return parseDocument(file, source, format, guide);
    }
    this.stats = { parsed: 0, mode: 'full' };
    if (this.text === undefined || key !== this.key) this.chunks = this.chunkRange(file, source, 0, source.length);
    else if (this.text !== source) this.update(file, this.text, source);
    this.text = source;
    this.key = key;
    const doc: ProseDocument = { path: file, format, source, blocks: [], directives: [] };
    for (const c of this.chunks) {
      for (const b of c.blocks) doc.blocks.push(b);
      for (const d of c.directives) doc.directives.push(d);
    }
    const fm = this.chunks[0]?.frontMatter;
    if (fm) doc.frontMatter = fm;
    // An interview's turns and a sponsors section are known from the whole document: marked on
    // copies of the chunks' blocks, which stay as parsed.
    const copied = new Set<number>();
    const mark = (i: number, kind: Region['kind'], start: number, end: number): void => {
      if (!copied.has(i)) {
        const b = doc.blocks[i]!;
        doc.blocks[i] = { ...b, regions: b.regions ? [...b.regions] : [] };
        copied.add(i);
      }
      addRegion(doc.blocks[i]!, kind, start, end);
    };
    for (const [i, start, end] of speakerRegions(doc)) mark(i, 'quotation', start, end);
    for (const i of sponsorBlocks(doc)) mark(i, 'sponsor', 0, doc.blocks[i]!.text.length);
    return doc;
  }

  /** Re-parse the chunks an edit touched; shift the ones after it. */
  private update(file: string, old: string, source: string): void {
    const max = Math.min(old.length, source.length);
    const a = commonPrefix(old, source, max);
    const suf = commonSuffix(old, source, max - a);
    const oldEnd = old.length - suf;
    const delta = source.length - old.length;
    const chunks = this.chunks;
    if (chunks.length === 0) {
      this.chunks = this.chunkRange(file, source, 0, source.length);
      return;
    }
    const lo = chunkAt(chunks, Math.max(a - 1, 0));
    let hi = chunkAt(chunks, Math.min(oldEnd, old.length - 1));
    this.stats.mode = 'edit';
    for (;;) {
      const start = chunks[lo]!.start;
      let end = hi === chunks.length - 1 ? source.length : chunks[hi]!.end + delta;
      // The region must end where a chunk may end in the new text, and its probe must pass.
      if (end < source.length && !isBoundary(source, end)) {
        hi = Math.min(chunks.length - 1, hi + 1);
        continue;
      }
      const region = this.chunkRange(file, source, start, end, end < source.length, EDIT_CHUNK);
      if (!region) {
        hi = Math.min(chunks.length - 1, hi + Math.max(1, hi - lo + 1));
        end = source.length;
        continue;
      }
      for (let k = hi + 1; k < chunks.length; k++) shiftChunk(chunks[k]!, delta);
      this.chunks = [...chunks.slice(0, lo), ...region, ...chunks.slice(hi + 1)];
      // Front matter is the one construct that looks ahead (an opening `---` is front matter
      // only if a closing one follows): the first chunk must hold it whole.
      if (frontMatterEnd(source) > this.chunks[0]!.end) this.chunks = this.chunkRange(file, source, 0, source.length);
      return;
    }
  }

  /**
   * Parse source[from, to) as chunks of about CHUNK characters. With `strict`, the range's own end
   * must pass the probe (returns undefined when it does not); the end of the text needs none.
   */
  private chunkRange(file: string, source: string, from: number, to: number, strict?: false): Chunk[];
  private chunkRange(file: string, source: string, from: number, to: number, strict: boolean, size?: number): Chunk[] | undefined;
  private chunkRange(file: string, source: string, from: number, to: number, strict = false, size = CHUNK): Chunk[] | undefined {
    const out: Chunk[] = [];
    let start = from;
    while (start < to || (start === from && to === from)) {
      let step = start === 0 ? Math.max(size, frontMatterEnd(source)) : size;
      let chunk: Chunk | undefined;
      // Where the probe fails: before the quotation that reached it when one did (the attribution
      // that starts it), else the next few boundaries, then ever farther (a fence or comment left
      // open may run long). Each try parses the chunk again.
      let near = NEAR_TRIES;
      const cut = { at: -1 };
      for (let end = nextBoundary(source, start + step, to); ; ) {
        const probe = end < source.length;
        cut.at = -1;
        chunk = this.parseChunk(file, source, start, end, probe, cut);
        if (chunk || end >= to) break;
        if (cut.at > start) end = cut.at;
        else if (near-- > 0) end = nextBoundary(source, end + 1, to);
        else {
          step = Math.max(step * 2, end - start);
          end = nextBoundary(source, start + step, to);
        }
      }
      if (!chunk) {
        // The range's end itself leaves something open.
        if (strict) return undefined;
        chunk = this.parseChunk(file, source, start, to, false)!;
      }
      out.push(chunk);
      if (chunk.end <= start) break;
      start = chunk.end;
    }
    return out;
  }

  /**
   * One chunk, or undefined when the probe after it shows something left open. When what reached
   * the probe is a quotation, `cut.at` is the last boundary before the run of blocks it spans (0
   * when there is none).
   */
  private parseChunk(file: string, source: string, start: number, end: number, probe: boolean, cut?: { at: number }): Chunk | undefined {
    const pre = start === 0 ? '' : '\n'; // a chunk's first line must not be read as front matter
    const text = pre + source.slice(start, end) + (probe ? PROBE : '');
    this.stats.parsed += text.length;
    const doc = parseDocument(file, text, 'markdown', undefined, false);
    const probeAt = pre.length + (end - start);
    const blocks = doc.blocks.filter((b) => b.map.length > 0 && b.map[0]! < probeAt);
    if (probe) {
      // Nothing left open: the probe is a paragraph of its own, and no quotation reaches it (an
      // open <blockquote>, a handle line's turn) or may reach past it (an attribution before it).
      const p = doc.blocks.find((b) => b.map[0] === probeAt);
      if (!p || p.text !== PROBE || p.kind !== 'paragraph') return undefined;
      const last = blocks[blocks.length - 1];
      if (p.regions?.length || (last && reachesForward(last))) {
        if (cut) {
          let i = blocks.length - 1;
          while (i >= 0 && (reachesForward(blocks[i]!) || isQuoted(blocks[i]!))) i--;
          const from = blocks[i + 1];
          if (from) cut.at = prevBoundary(source, from.map[0]! + start - pre.length, start);
        }
        return undefined;
      }
    }
    const offset = start - pre.length;
    for (const b of blocks) for (let i = 0; i < b.map.length; i++) b.map[i]! += offset;
    const directives = doc.directives.filter((d) => d.start < probeAt);
    for (const d of directives) {
      d.start += offset;
      d.end += offset;
    }
    const chunk: Chunk = { start, end, blocks, directives };
    if (start === 0 && doc.frontMatter) chunk.frontMatter = doc.frontMatter;
    return chunk;
  }
}

/**
 * Where front matter may end: past the first line after the first that starts like its opening
 * fence (`---` or `+++`), when the text starts with one; 0 otherwise. Generous on purpose.
 */
export function frontMatterEnd(s: string): number {
  const open = /^\uFEFF?(---|\+\+\+)/.exec(s);
  if (!open) return 0;
  const close = open[1] === '---' ? /(?:\r\n?|\n)---/g : /(?:\r\n?|\n)\+\+\+/g;
  const m = close.exec(s);
  if (!m) return s.length;
  const eol = /[\r\n]/g;
  eol.lastIndex = m.index + m[0].length;
  const e = eol.exec(s);
  return e ? e.index + 1 : s.length;
}

// The edit's place: a char loop over both texts cost ~2 ms a keystroke on a 5,000-word document
// (each update makes the text a new cons string, and charCodeAt on it is slow); equal runs of
// slices are compared natively, coarse to fine, ending one character at a time.
const RUNS = [1024, 64, 8, 1];

/** Length of the longest common prefix of `x` and `y`, at most `max`. */
export function commonPrefix(x: string, y: string, max: number): number {
  let n = 0;
  for (const step of RUNS) while (n + step <= max && x.slice(n, n + step) === y.slice(n, n + step)) n += step;
  return n;
}

/** Length of the longest common suffix of `x` and `y`, at most `max`. */
export function commonSuffix(x: string, y: string, max: number): number {
  let n = 0;
  for (const step of RUNS) while (n + step <= max && x.slice(x.length - n - step, x.length - n) === y.slice(y.length - n - step, y.length - n)) n += step;
  return n;
}

function shiftChunk(c: Chunk, delta: number): void {
  if (delta === 0) return;
  c.start += delta;
  c.end += delta;
  // In place: the blocks keep their identity, so per-block caches (tokens, sentences) stay warm.
  for (const b of c.blocks) for (let i = 0; i < b.map.length; i++) b.map[i]! += delta;
  for (const d of c.directives) {
    d.start += delta;
    d.end += delta;
  }
}

/** Index of the chunk holding offset x (the last chunk for x past the end). */
function chunkAt(chunks: Chunk[], x: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid]!.start <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09;
const isEol = (c: number) => c === 0x0a || c === 0x0d;

/** A line starts at x, in column 0 with a non-blank character, right after a blank line. */
export function isBoundary(s: string, x: number): boolean {
  if (x <= 0 || x >= s.length) return false;
  const c = s.charCodeAt(x);
  if (isSpace(c) || isEol(c)) return false;
  let i = x - 1;
  if (!isEol(s.charCodeAt(i))) return false;
  // Skip the line ending before x (\n, \r or \r\n), then the previous line must be blank.
  if (s.charCodeAt(i) === 0x0a && i > 0 && s.charCodeAt(i - 1) === 0x0d) i--;
  i--;
  while (i >= 0 && isSpace(s.charCodeAt(i))) i--;
  return i >= 0 && isEol(s.charCodeAt(i));
}

/** The last boundary at or before `at` and after `min`; 0 when there is none. */
function prevBoundary(s: string, at: number, min: number): number {
  for (let x = at; x > min; x--) {
    const c = s.charCodeAt(x - 1);
    if ((c === 0x0a || c === 0x0d) && isBoundary(s, x)) return x;
  }
  return 0;
}

/** The first boundary at or after `from`, or `to` when there is none before it. */
export function nextBoundary(s: string, from: number, to: number): number {
  if (from >= to) return to;
  let x = from;
  while (x < to) {
    if (isBoundary(s, x)) return x;
    // Jump to the next line start.
    let j = x;
    while (j < to && !isEol(s.charCodeAt(j))) j++;
    if (j < to && s.charCodeAt(j) === 0x0d && s.charCodeAt(j + 1) === 0x0a) j++;
    x = j + 1;
  }
  return to;
}

const guideMemo = new WeakMap<Guide, Map<string, Guide>>();
/** guideFor, once per guide and file: the same object every time keeps the rules' matchers and the block cache warm. */
function memoGuideFor(root: Guide, file: string): Guide {
  let m = guideMemo.get(root);
  if (!m) guideMemo.set(root, (m = new Map()));
  let g = m.get(file);
  if (!g) m.set(file, (g = guideFor(root, file)));
  return g;
}

/**
 * lintText for one open document, keeping what the last lint learnt: the same findings as
 * lintText(file, source, guide, { languageId }), for a fraction of the work after a small edit.
 */
export class DocumentLinter {
  readonly parser = new IncrementalParser();
  readonly cache = new BlockCache();

  lint(file: string, source: string, rootGuide: Guide, opts: { languageId?: string } = {}): LintResult {
    if (isIgnored(rootGuide, file)) return { path: file, findings: [], skipped: 'ignored by the guide' };
    const format = formatOf(file, rootGuide, opts.languageId);
    if (!format) return { path: file, findings: [], skipped: 'not a copy format brandlint reads' };
    const guide = memoGuideFor(rootGuide, file);
    const doc = this.parser.parse(file, source, format, guide);
    const findings: Finding[] = lintDocument(doc, guide, RULES, { blockCache: this.cache });
    return { path: file, findings, doc };
  }
}
