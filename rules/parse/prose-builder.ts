// Prose blocks as a Markdown or MDX reader finds them: one leaf block at a time (begin() … end()),
// its text pieces each aligned with the source char by char, so every char of a block has an exact
// source offset. Non-prose inline content (code, HTML, URLs, footnote references, images, MDX)
// becomes one SEPARATOR so no phrase matches across it, with a Mark saying what it was. The
// Markdown front end (markdown.ts, lezer) and the MDX reader (mdx.ts, remark) both write here.
import { SEPARATOR, type Block, type BlockKind, type Directive, type Mark, type ProseDocument } from '../types.js';
import { htmlCommentDirectives, parseDirective } from './directives.js';
import { decodeEntityMatch, ENTITY_SOURCE } from './entities.js';
import { frontMatterBlocks, readFrontMatter } from './frontmatter.js';
import { unjoin, type JoinedRuns } from './long-runs.js';

/** Front-matter fields, then the tree's blocks (`walk` feeds them to the builder), then template tags that span blocks. */
/** What the guide makes copy in a Markdown or MDX file beyond its text. */
export interface CopyOptions {
  /** Front-matter keys and paths that are copy (the guide's `copy.front-matter`; else the default list). */
  frontMatter?: readonly string[];
  /** The file is an email: its front-matter subject and preheader are copy, with their own length rules. */
  email?: boolean;
  /** JSX prop names that are copy, besides the default ones (MDX). */
  props?: readonly string[];
}

export function finishDocument(
  source: string,
  path: string,
  format: 'markdown' | 'mdx',
  builder: ProseBuilder,
  walk: () => void,
  copy: CopyOptions = {},
): ProseDocument {
  const fm = readFrontMatter(source);
  if (fm) builder.blocks.push(...frontMatterBlocks(source, fm, copy.frontMatter, copy.email ?? false));
  walk();
  const multi = multiLineTags(source);
  const blocks = multi.length ? builder.blocks.map((b) => maskSourceRanges(b, multi)) : builder.blocks;
  const doc: ProseDocument = { path, format, source, blocks, directives: builder.directives };
  if (builder.tooDeepAt >= 0) {
    // The rest of the line where reading stopped: the nested part left unread.
    const eol = source.indexOf('\n', builder.tooDeepAt);
    (doc.notices ??= []).push({ start: builder.tooDeepAt, end: eol < 0 ? source.length : eol, message: nestingNotice() });
  }
  if (fm) doc.frontMatter = fm.data;
  if (copy.email) {
    const subject = blocks.find((b) => b.field === 'subject');
    const preheader = blocks.find((b) => b.field === 'preheader');
    if (subject) doc.subject = subject;
    if (preheader) doc.preheader = preheader;
  }
  return doc;
}

export const nestingNotice = () =>
  `lists and block quotes nested more than ${MAX_NESTING} levels deep: the copy nested deeper than this is not checked (everything after it is)`;

/** Entries of one map arena at most (256 KB): a big file's blocks take several. */
const ARENA_MAX = 1 << 16;

/**
 * The blocks of one document as they are read; text and map accumulate in reused buffers.
 * Offsets given to it are offsets into `source`.
 */
/**
 * Lists and block quotes nested deeper than this are not read: real copy nests a handful of levels,
 * and the readers walk containers recursively (2,000 nested `- ` exhausted the stack, and the
 * whole document was dropped). The copy after the nested part is read as usual.
 */
export const MAX_NESTING = 100;

export class ProseBuilder {
  readonly blocks: Block[] = [];
  readonly directives: Directive[] = [];
  /** Where reading stopped at MAX_NESTING (the first place only), as a source offset. */
  tooDeepAt = -1;
  private readonly source: string;
  private pieces: string[] = [];
  private map = new Int32Array(1024);
  private len = 0;
  /** Where finished blocks' maps are carved from (carve()). */
  private arena = new Int32Array(0);
  private arenaAt = 0;
  private marks: Mark[] = [];
  /** Offset of the next `brandlint-` at or after the last HTML node looked at; -1 when none. */
  private nextDirective = -2;
  /** Alt-text blocks met inside the current block, emitted right after it. */
  private pending: Block[] = [];
  /** Directives found and the directive search's place when the current block began (rollback). */
  private begunDirectives = 0;
  private begunNextDirective = -2;

  /** Reading an .mdx that remark-mdx refused, as Markdown. */
  private readonly mdxComments: boolean;

  /** The real source and where joinLongRuns blanked its line endings, when it did. */
  private readonly joined: JoinedRuns | undefined;

  constructor(source: string, mdxComments = false, joined?: JoinedRuns) {
    this.source = source;
    this.mdxComments = mdxComments;
    this.joined = joined;
  }

  /** A leaf block starts: its text, map and marks accumulate until end(). */
  begin(): void {
    this.len = 0;
    this.pieces.length = 0;
    this.marks = [];
    this.begunDirectives = this.directives.length;
    this.begunNextDirective = this.nextDirective;
  }

  rollback(): void {
    this.directives.length = this.begunDirectives;
    this.nextDirective = this.begunNextDirective;
    this.pending = [];
    this.begin();
  }

  /** The leaf block begun last ends: a block of `kind` when it holds prose, then its images' alt texts. */
  end(kind: BlockKind, depth?: number): void {
    let text = this.pieces.length === 1 ? flat(this.pieces[0]!) : this.pieces.join('');
    // The block's map: this.map[0, len) until something makes one of its own (`own`).
    let len = this.len;
    let own: Int32Array | undefined;
    if (this.joined) {
      const scratch = this.map.subarray(0, len);
      let map: Int32Array;
      ({ text, map, marks: this.marks } = unjoin({ text, map: scratch, marks: this.marks }, this.joined));
      if (map !== scratch) own = map;
    }
    if (kind === 'heading' && text.endsWith('}')) {
      // A heading id/class attribute (`## Usage {#usage}`, Hugo, kramdown, Pandoc) is not prose.
      const m = HEADING_ATTRIBUTES.exec(text);
      if (m) {
        text = flat(text.slice(0, m.index));
        if (own) own = own.slice(0, m.index);
        else len = Math.min(len, m.index);
        this.marks = this.marks.filter((mk) => mk.at <= m.index);
      }
    }
    if (hasProse(text)) {
      const map = own ?? this.carve(len);
      const b: Block = maskTemplates({ kind, text, map, marks: this.marks }, this.mdxComments);
      if (depth !== undefined) b.depth = depth;
      this.blocks.push(b);
    }
    if (this.pending.length) {
      for (const alt of this.pending) this.blocks.push(alt);
      this.pending = [];
    }
  }

  /**
   * this.map[0, len) copied into a view of a buffer shared by the document's blocks. An Int32Array
   * of its own per block (a slice) was an off-heap ArrayBuffer each beyond 16 entries: a malloc,
   * and a buffer the GC tracks and sweeps (the slice alone was ~0.9 % of a whole-core CPU profile).
   * An arena is at most the size of the source parsed (the server parses a chunk at a time), so
   * views keep little more alive than the blocks did. Views never overlap: the server shifts a
   * block's map in place.
   */
  private carve(len: number): Int32Array {
    if (this.arenaAt + len > this.arena.length) {
      this.arena = new Int32Array(Math.max(len, Math.min(this.source.length + 1, ARENA_MAX)));
      this.arenaAt = 0;
    }
    const a = this.arena;
    const m = this.map;
    const at = this.arenaAt;
    for (let k = 0; k < len; k++) a[at + k] = m[k]!;
    this.arenaAt = at + len;
    return a.subarray(at, at + len);
  }

  private grow(extra: number): void {
    if (this.len + extra <= this.map.length) return;
    let size = this.map.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Int32Array(size);
    next.set(this.map.subarray(0, this.len));
    this.map = next;
  }

  private push(at: number): void {
    this.map[this.len++] = at;
  }

  mark(kind: Mark['kind']): void {
    this.marks.push({ kind, at: this.len });
  }

  separator(at: number, kind: Mark['kind']): void {
    this.grow(1);
    this.marks.push({ kind, at: this.len });
    this.pieces.push(SEPARATOR);
    this.push(at);
  }

  /** A hard break: '\n', mapped to the line ending it ends with. */
  lineBreak(s: number, e: number): void {
    const src = this.source;
    let at = e - 1;
    while (at > s && src.charCodeAt(at) !== 10 && src.charCodeAt(at) !== 13) at--;
    this.grow(1);
    this.pieces.push('\n');
    this.push(at);
  }

  /** A text node: its value, aligned with source[s, e). */
  text(value: string, s: number, e: number): void {
    const src = this.source;
    if (this.mdxComments && value.includes('{/*')) {
      const re = /\{\/\*([^]*?)\*\/\}/g;
      const raw = src.slice(s, e);
      for (let m = re.exec(raw); m; m = re.exec(raw)) {
        const d = parseDirective(m[1]!, s + m.index, s + m.index + m[0].length);
        if (d) this.directives.push(d);
      }
    }
    this.grow(value.length);
    const cr = value.includes('\r');
    if (!cr && value.length === e - s && src.startsWith(value, s)) {
      // The common case: the source says exactly what the value says.
      this.pieces.push(value);
      for (let i = 0; i < value.length; i++) this.push(s + i);
      return;
    }
    // Line endings are '\n' in the text, mapped to the '\n' of a CRLF.
    const text = cr ? value.replace(/\r\n?/g, '\n') : value;
    this.pieces.push(text);
    this.len = align(src, text, s, e, this.map, this.len);
  }

  /** Image alt text as its own block; it sits between `![` and `]`. */
  alt(value: string, s: number, e: number): void {
    if (!hasProse(value)) return;
    const text = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
    const map = new Int32Array(text.length);
    align(this.source, text, s + 2, e, map, 0);
    const b = { text, map, marks: [] as Mark[] };
    this.pending.push({ kind: 'alt', ...(this.joined ? unjoin(b, this.joined) : b) });
  }

  /** The brandlint directives in HTML source [s, e). */
  html(s: number, e: number): void {
    // HTML nodes come in source order: one forward search for the next `brandlint-` serves them all.
    if (this.nextDirective !== -1 && this.nextDirective < s) this.nextDirective = this.source.indexOf('brandlint-', s);
    if (this.nextDirective < 0 || this.nextDirective >= e) return;
    for (const d of htmlCommentDirectives(this.source, s, e)) if (d.end <= e) this.directives.push(d);
  }
}

/**
 * `s` as a sequential string. A block's text is read char by char by many checks; a one-piece text
 * is a slice of the source or lines joined with `+=` (a sliced or cons string), which costs more
 * per char read and gives every charCodeAt site more string shapes to dispatch on. Array.join of
 * two or more non-empty pieces copies them into a new sequential string (of one piece it returns it).
 */
function flat(s: string): string {
  if (s.length < 13) return s; // V8 copies slices this short anyway
  const half = s.length >> 1;
  return [s.slice(0, half), s.slice(half)].join('');
}

/** Whether a block has anything to lint (not just separators and blanks). */
function hasProse(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0xfffc && c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 0xa0) return true;
  }
  return false;
}

const HEADING_ATTRIBUTES = /[ \t]*\{[#.][^{}\n]*\}[ \t]*$/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const ENTITY = new RegExp(ENTITY_SOURCE, 'y');

/**
 * Map each char of `text` (a decoded value) to the source char it came from, scanning source[s, e)
 * forward. Backslash escapes and entities map to their first char; line endings to the '\n' (of a
 * CRLF); the container prefix of a continuation line (`> `, list indentation) and whatever markup
 * the value dropped are skipped. Writes into map from n; returns the new length.
 */
function align(src: string, text: string, s: number, e: number, map: Int32Array, n: number): number {
  let j = s;
  let last = n > 0 ? map[n - 1]! : -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let at = -1;
    if (c === 10) {
      // Trailing blanks of the line are dropped from the value.
      while (j < e && (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9)) j++;
      while (j < e && src.charCodeAt(j) !== 10 && src.charCodeAt(j) !== 13) j++;
      if (j < e) {
        at = src.charCodeAt(j) === 13 && src.charCodeAt(j + 1) === 10 ? j + 1 : j;
        j = at + 1;
        // Continuation line: skip the indentation and blockquote markers.
        const next = text.charCodeAt(i + 1);
        while (j < e) {
          const d = src.charCodeAt(j);
          if (d === 32 || d === 9 || (d === 62 /* > */ && next !== 62)) j++;
          else break;
        }
      }
    } else {
      while (j < e) {
        const d = src.charCodeAt(j);
        if (d === 92 /* \ */ && j + 1 < e && src.charCodeAt(j + 1) === c && ASCII_PUNCT.test(src[j + 1]!)) {
          at = j;
          j += 2;
          break;
        }
        if (d === 38 /* & */) {
          ENTITY.lastIndex = j;
          const m = ENTITY.exec(src);
          if (m && m.index + m[0].length <= e) {
            const decoded = decodeEntityMatch(m);
            if (decoded && text.startsWith(decoded, i)) {
              // The first char maps to the '&'; a second one (surrogate pair, two code points) just after.
              for (let k = 0; k < decoded.length; k++) map[n++] = j + k;
              i += decoded.length - 1;
              last = map[n - 1]!;
              j += m[0].length;
              at = -2;
              break;
            }
          }
        }
        // (CommonMark reads U+0000 as U+FFFD.)
        if (d === c || (d === 0 && c === 0xfffd)) {
          at = j;
          j++;
          break;
        }
        j++; // markup or blanks the value dropped
      }
    }
    if (at === -2) continue;
    // Never map backwards, even if the source ran out (keeps map strictly increasing).
    if (at <= last) at = last + 1;
    map[n++] = at;
    last = at;
  }
  return n;
}


/**
 * Template tags in copy (`{{< shortcode >}}`, `{{ .Title }}`, `{% include %}`) are not prose: each
 * becomes one SEPARATOR mapped to its start, with a 'template' mark. So do MDX comments in an .mdx
 * that had to be read as Markdown.
 */
function maskTemplates(b: Block, mdxComments: boolean): Block {
  const { text } = b;
  if (!text.includes('{{') && !text.includes('{%') && !(mdxComments && text.includes('{/*'))) return b;
  const next = tagFinder(text, mdxComments ? PAIRS_MDX : PAIRS);
  let out = '';
  const keep: number[] = [];
  // Old index → new index, so marks (also ones inside a tag) land on the right char.
  const moved = new Int32Array(text.length + 1);
  const tags: number[] = [];
  let from = 0;
  for (let m = next(from); m; m = next(from)) {
    for (let k = from; k < m.index; k++) {
      moved[k] = keep.length;
      keep.push(k);
    }
    tags.push(keep.length);
    for (let k = m.index; k < m.end; k++) moved[k] = keep.length;
    keep.push(m.index);
    out += text.slice(from, m.index) + SEPARATOR;
    from = m.end;
  }
  if (tags.length === 0) return b;
  for (let k = from; k < text.length; k++) {
    moved[k] = keep.length;
    keep.push(k);
  }
  moved[text.length] = keep.length;
  out += text.slice(from);
  return withTemplateMarks(b, out, keep, moved, tags);
}

/**
 * The block rebuilt as `text`: `keep[k]` is the old index char k of `text` stands for, `moved` maps
 * old indices (and the old length) to new ones, `tags` are the new indices of template separators.
 */
function withTemplateMarks(b: Block, text: string, keep: number[], moved: Int32Array, tags: number[], kind: Mark['kind'] = 'template'): Block {
  const map = new Int32Array(keep.length);
  for (let k = 0; k < keep.length; k++) map[k] = b.map[keep[k]!]!;
  const marks: Mark[] = b.marks.map((mk) => ({ kind: mk.kind, at: moved[mk.at]! }));
  for (const at of tags) marks.push({ kind, at });
  marks.sort((x, y) => x.at - y.at);
  const out: Block = { ...b, text, map, marks };
  if (b.regions) {
    const regions = b.regions.map((g) => ({ kind: g.kind, start: moved[g.start]!, end: moved[g.end]! })).filter((g) => g.end > g.start);
    if (regions.length) out.regions = regions;
    else delete out.regions;
  }
  return out;
}

const PAIRS: [string, string][] = [
  ['{{', '}}'],
  ['{%', '%}'],
];
const PAIRS_MDX: [string, string][] = [...PAIRS, ['{/*', '*/}']];

/**
 * The next template tag at or after `from` (the earliest opener that closes; the first closer after
 * it ends the tag). Each closer's next position is remembered, so a text full of openers that never
 * close is scanned once, not once per opener (`/\{\{[^]*?\}\}/g` was quadratic there).
 */
function tagFinder(text: string, pairs: [string, string][]): (from: number) => { index: number; end: number } | undefined {
  const closes = new Map<string, number>();
  const closeAfter = (close: string, at: number): number => {
    const hit = closes.get(close);
    if (hit !== undefined && (hit < 0 || hit >= at)) return hit;
    const found = text.indexOf(close, at);
    closes.set(close, found);
    return found;
  };
  return (from) => {
    for (let i = text.indexOf('{', from); i >= 0; i = text.indexOf('{', i + 1)) {
      for (const [open, close] of pairs) {
        if (!text.startsWith(open, i)) continue;
        const c = closeAfter(close, i + open.length);
        if (c >= 0) return { index: i, end: c + close.length };
      }
    }
    return undefined;
  };
}

/** Longest template tag taken to span lines (Go/Hugo `{{ data `…` }}` blocks hold a few KB). */
const MAX_MULTILINE_TAG = 20_000;

/**
 * Template tags that span lines in the source (`{{projects `\n  - company: …\n`}}` on the Go
 * website): Markdown splits them into several blocks, so no one block sees both ends. A tag may
 * not cross a blank line, so a stray `{{` never swallows the paragraphs after it.
 */
function multiLineTags(source: string): Array<[number, number]> {
  if (!source.includes('{{') && !source.includes('{%')) return [];
  const out: Array<[number, number]> = [];
  const next = tagFinder(source, PAIRS);
  const blank = /\n[ \t]*\r?\n|\r[ \t]*\r/g;
  let blankAt = -2;
  const blankAfter = (at: number): number => {
    if (blankAt === -1 || blankAt >= at) return blankAt;
    blank.lastIndex = at;
    const m = blank.exec(source);
    blankAt = m ? m.index : -1;
    return blankAt;
  };
  let from = 0;
  let rawEnd = -2;
  for (let m = next(from); m; m = next(from)) {
    // A Go raw-string argument ({{raw `…`}}, {{code `…`}}) holds blank lines: it ends at `}}.
    GO_RAW.lastIndex = m.index;
    if (GO_RAW.test(source)) {
      if (rawEnd !== -1 && rawEnd < GO_RAW.lastIndex) rawEnd = source.indexOf('`}}', GO_RAW.lastIndex);
      if (rawEnd >= 0 && rawEnd + 3 - m.index <= MAX_MULTILINE_TAG) {
        out.push([m.index, rawEnd + 3]);
        from = rawEnd + 3;
        continue;
      }
    }
    const b = blankAfter(m.index);
    const inside = source.slice(m.index, Math.min(m.end, m.index + MAX_MULTILINE_TAG + 1));
    if ((b < 0 || b >= m.end) && m.end - m.index <= MAX_MULTILINE_TAG && /[\r\n]/.test(inside)) {
      out.push([m.index, m.end]);
      from = m.end;
    } else from = m.index + 2;
  }
  return out;
}
const GO_RAW = /\{\{-?[ \t]*[\w.]+[ \t]+`/y;

/** Prose chars inside one of `ranges` (source offsets, sorted) become one SEPARATOR per run, marked `kind`. */
export function maskSourceRanges(b: Block, ranges: Array<[number, number]>, kind: Mark['kind'] = 'template'): Block {
  const n = b.text.length;
  if (n === 0) return b;
  // First range that ends after the block starts.
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![1] <= b.map[0]!) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= ranges.length || ranges[lo]![0] > b.map[n - 1]!) return b;
  let r = lo;
  let out = '';
  const keep: number[] = [];
  const moved = new Int32Array(n + 1);
  const tags: number[] = [];
  let inRange = -1;
  for (let k = 0; k < n; k++) {
    const at = b.map[k]!;
    while (r < ranges.length && ranges[r]![1] <= at) r++;
    const inside = r < ranges.length && ranges[r]![0] <= at;
    if (inside && inRange === r) {
      moved[k] = keep.length - 1;
      continue;
    }
    moved[k] = keep.length;
    if (inside) {
      tags.push(keep.length);
      out += SEPARATOR;
      inRange = r;
    } else {
      out += b.text[k];
      inRange = -1;
    }
    keep.push(k);
  }
  if (tags.length === 0) return b;
  moved[n] = keep.length;
  return withTemplateMarks(b, out, keep, moved, tags, kind);
}
