// Markdown syntax as the front end reads it: @lezer/markdown (CommonMark, exact from/to for every
// node, linear time) configured to read GFM and front matter the way micromark (remark) reads them,
// so that copy reads the same whichever of the two a user knows. What lezer does differently out of
// the box is bridged here:
//   - lezer reads `[x]` as a link whatever the definitions; micromark only when `x` is defined (or
//     a footnote `[^x]` when that footnote is defined), so definitions are collected first;
//   - no front matter or footnotes in lezer: small extensions below;
//   - GFM as micromark reads it: `~one tilde~` strikethrough, literal autolinks (its tokenizer
//     ported), tables without a pipe in the header;
//   - micromark's quirks, where they show in real copy or random documents: emphasis next to `~`,
//     the rule of three, lazy lines, interrupting after indented code or an unclosed `---`;
//   - lezer sees only LF line endings: CRLF is parsed as LF and offsets are mapped back.
// The behaviour is pinned by test/fixtures/markdown/front-end (rules/parse/markdown.test.ts), and
// test/differential/markdown-remark.test.ts compares it with remark reading the same Markdown.
// Some bridges wrap lezer's own parsers, read from its (non-public) fields; those tests catch a lezer
// upgrade that changes them. Parsing is synchronous, so the per-parse module state is safe.
import { Strikethrough, Table, TaskList, parser as commonmark, type BlockContext, type InlineContext, type Line, type MarkdownConfig } from '@lezer/markdown';
import { unicodeRegExp } from '../text/unicode-regexp.js';
import { isBadgeUrl } from './badges.js';

export type Tree = ReturnType<typeof commonmark.parse>;
export type SyntaxNode = Tree['topNode'];

// lezer's parsers that some extensions below wrap (read from the configured parser: not public API).
type BlockFn = (cx: BlockContext, line: Line) => boolean | null;
const blockInternals = commonmark as unknown as { blockParsers: Array<BlockFn | undefined>; blockNames: string[] };

// ---------------------------------------------------------------------------------------------
// Extensions and bridges.

/** End of the front matter of the text being parsed (0: none); set by parseMarkdownSyntax before each parse. */
let frontMatterTo = 0;

const FrontMatter: MarkdownConfig = {
  defineNodes: [{ name: 'FrontMatter', block: true }],
  parseBlock: [
    {
      name: 'FrontMatter',
      parse(cx: BlockContext, line: Line): boolean {
        if (cx.lineStart !== 0 || frontMatterTo === 0 || line.pos !== 0) return false;
        while (cx.lineStart + line.text.length < frontMatterTo && cx.nextLine()) {
          /* consume the lines of the front matter */
        }
        cx.addElement(cx.elt('FrontMatter', 0, Math.min(frontMatterTo, cx.lineStart + line.text.length)));
        cx.nextLine();
        return true;
      },
      before: 'LinkReference',
    },
  ],
};

/** As micromark-extension-frontmatter: `---` (YAML) or `+++` (TOML) on line 1 and a closing fence. */
function findFrontMatter(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\n/.exec(text);
  if (!open) return 0;
  // Line by line at LF only (a /m regex would also end lines at U+2028, which Markdown does not).
  const fence = /^(?:---|\+\+\+)[ \t]*$/;
  for (let at = open[0].length; at <= text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const line = text.slice(at, nl);
    if (line.startsWith(open[1]!) && fence.test(line)) return nl;
    at = nl + 1;
  }
  return 0;
}

/** `[^label]:` as micromark-extension-gfm-footnote reads it; returns the length, or -1. */
function footnoteDefinitionStart(text: string, at: number): number {
  if (text.charCodeAt(at) !== 91 || text.charCodeAt(at + 1) !== 94) return -1;
  const end = footnoteLabelEnd(text, at + 2);
  if (end < 0 || text.charCodeAt(end + 1) !== 58 /* : */) return -1;
  return end + 2 - at;
}

/** Index of the `]` closing a footnote label whose text starts at `from`, or -1 (no blank, `[`, or too long). */
function footnoteLabelEnd(text: string, from: number): number {
  let size = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (size > 999 || c === 91 || c === 32 || c === 9 || c === 10 || c === 13) return -1;
    if (c === 93) return size === 0 ? -1 : i;
    if (c === 92 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d === 91 || d === 92 || d === 93) {
        i++;
        size++;
      }
    }
    size++;
  }
  return -1;
}

const Footnotes: MarkdownConfig = {
  defineNodes: [
    {
      name: 'FootnoteDefinition',
      block: true,
      // Continued by a blank line or by a line indented four columns (micromark's rule).
      composite(_cx: BlockContext, line: Line, _value: number): boolean {
        if (line.next === -1) return true;
        if (line.indent < line.baseIndent + 4) return false;
        line.moveBaseColumn(line.baseIndent + 4);
        return true;
      },
    },
    { name: 'FootnoteLabel' },
    { name: 'FootnoteReference' },
  ],
  parseBlock: [
    {
      name: 'FootnoteDefinition',
      parse(cx: BlockContext, line: Line): boolean | null {
        if (noContainers(cx)) return false;
        const n = footnoteDefinitionStart(line.text, line.pos);
        if (n < 0 || line.indent - line.baseIndent > 3) return false;
        const start = cx.lineStart + line.pos;
        cx.startComposite('FootnoteDefinition', line.pos);
        line.addMarker(cx.elt('FootnoteLabel', start, start + n));
        // Blanks after the colon are eaten: content after them never becomes indented code.
        line.moveBase(line.skipSpace(line.pos + n));
        return null; // a container was opened: the rest of the line is its content
      },
      // A footnote definition is a container: it interrupts a paragraph, as a block quote does.
      endLeaf(_cx: BlockContext, line: Line): boolean {
        return line.indent - line.baseIndent < 4 && footnoteDefinitionStart(line.text, line.pos) >= 0;
      },
      before: 'Blockquote',
    },
  ],
};

// GFM strikethrough as micromark reads it: a run of one or two tildes (lezer: two only), an opener
// closed by a run of the same length, longer runs are text. Same flanking rules as lezer's.
const Tilde1 = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };
const Tilde2 = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };
const PUNCT = unicodeRegExp(String.raw`[\p{P}\p{S}]`);
const TildeStrikethrough: MarkdownConfig = {
  parseInline: [
    {
      name: 'Strikethrough',
      parse(cx: InlineContext, next: number, pos: number): number {
        if (next !== 126 || cx.char(pos - 1) === 126) return -1;
        let end = pos + 1;
        while (cx.char(end) === 126) end++;
        if (end - pos > 2) return end;
        const before = cx.slice(pos - 1, pos);
        const after = cx.slice(end, end + 1);
        const sBefore = /\s|^$/.test(before);
        const sAfter = /\s|^$/.test(after);
        const pBefore = PUNCT.test(before);
        const pAfter = PUNCT.test(after);
        return cx.addDelimiter(end - pos === 1 ? Tilde1 : Tilde2, pos, end, !sAfter && (!pAfter || sBefore || pBefore), !sBefore && (!pBefore || sAfter || pAfter));
      },
      after: 'Emphasis',
    },
  ],
};

/** A lazy line: it does not continue every open block quote and list item (lezer internals). */
const isLazy = (cx: BlockContext, line: Line): boolean => (line as unknown as { depth: number }).depth < (cx as unknown as { stack: unknown[] }).stack.length;

// GFM tables as micromark reads them. lezer's Table extension (adapted here) wants a `|` in the
// header line and in the delimiter row; micromark takes `the` over `| --- |` and `a` over `:---`.
const DELIMITER_ROW = /^[>\s]*\|?(\s*:?-+:?\s*\|)+(\s*:?-+:?\s*)?$/;
const DELIMITER_ROW_ONE_CELL = /^[>\s]*\|?\s*:?-+:?\s*\|?\s*$/;
/** A delimiter row; one cell needs a `|` or a `:` (a bare `---` is a setext underline or a rule). */
const isDelimiterRow = (s: string): boolean => DELIMITER_ROW.test(s) || (DELIMITER_ROW_ONE_CELL.test(s) && /[|:]/.test(s));
type Elt = ReturnType<BlockContext['elt']>;

/** Cells of one table row (lezer's parseRow); pushes their elements onto `elts` when given. */
function parseRow(cx: BlockContext, line: string, startI = 0, elts?: Elt[], offset = 0): number {
  let count = 0;
  let first = true;
  let cellStart = -1;
  let cellEnd = -1;
  let esc = false;
  const parseCell = (): void => {
    elts!.push(cx.elt('TableCell', offset + cellStart, offset + cellEnd, cx.parser.parseInline(line.slice(cellStart, cellEnd), offset + cellStart)));
  };
  for (let i = startI; i < line.length; i++) {
    const next = line.charCodeAt(i);
    if (next === 124 && !esc) {
      if (!first || cellStart > -1) count++;
      first = false;
      if (elts) {
        if (cellStart > -1) parseCell();
        elts.push(cx.elt('TableDelimiter', i + offset, i + offset + 1));
      }
      cellStart = cellEnd = -1;
    } else if (esc || (next !== 32 && next !== 9)) {
      if (cellStart < 0) cellStart = i;
      cellEnd = i + 1;
    }
    esc = !esc && next === 92;
  }
  if (cellStart > -1) {
    count++;
    if (elts) parseCell();
  }
  return count;
}

class TableParser {
  /** null: before the second line; false: no table; else the rows so far. */
  rows: Elt[] | null | false = null;
  nextLine(cx: BlockContext, line: Line, leaf: { start: number; content: string }): boolean {
    if (this.rows === null) {
      this.rows = false;
      const lineText = line.text.slice(line.pos);
      // (A delimiter row on a lazy line is paragraph text, in micromark.)
      if (!isLazy(cx, line) && line.indent - line.baseIndent < 4 && (line.next === 45 || line.next === 58 || line.next === 124) && isDelimiterRow(lineText)) {
        const firstRow: Elt[] = [];
        const firstCount = parseRow(cx, leaf.content, 0, firstRow, leaf.start);
        if (firstCount === parseRow(cx, lineText, 0))
          this.rows = [cx.elt('TableHeader', leaf.start, leaf.start + leaf.content.length, firstRow), cx.elt('TableDelimiter', cx.lineStart + line.pos, cx.lineStart + line.text.length)];
      }
    } else if (this.rows) {
      const content: Elt[] = [];
      parseRow(cx, line.text, line.pos, content, cx.lineStart);
      this.rows.push(cx.elt('TableRow', cx.lineStart + line.pos, cx.lineStart + line.text.length, content));
    }
    return false;
  }
  finish(cx: BlockContext, leaf: Parameters<BlockContext['addLeafElement']>[0]): boolean {
    if (!this.rows) return false;
    cx.addLeafElement(leaf, cx.elt('Table', leaf.start, leaf.start + leaf.content.length, this.rows));
    return true;
  }
}

// Lines under a table are its rows: lezer let a `===` there make a setext heading of the whole
// table. Its setext parser must stay the one it knows (a `---` after a paragraph is an underline,
// not a rule, only then), so its class is patched: it passes on a leaf that is a table. Only leaves
// holding this file's TableParser are affected.
{
  type SetextParser = { nextLine(cx: BlockContext, line: Line, leaf: { parsers: unknown[] }): boolean };
  const leafParsers = (commonmark as unknown as { leafBlockParsers: Array<((...a: unknown[]) => SetextParser | null) | undefined> }).leafBlockParsers;
  const proto = Object.getPrototypeOf(leafParsers[blockInternals.blockNames.indexOf('SetextHeading')]!()) as SetextParser;
  const nextLine = proto.nextLine;
  proto.nextLine = function (cx, line, leaf) {
    if (leaf.parsers.some((q) => q instanceof TableParser && q.rows)) return false;
    return nextLine.call(this, cx, line, leaf);
  };
}

const MicromarkTable: MarkdownConfig = {
  parseBlock: [
    {
      name: 'Table',
      leaf: () => new TableParser(),
      endLeaf(cx: BlockContext, line: Line, leaf): boolean {
        // A table ends at a lazy line or a thematic break (lezer kept `---` as a row: it waited
        // for a setext underline, which a table never has).
        if (leaf.parsers.some((p) => p instanceof TableParser && p.rows)) return isLazy(cx, line) || /^(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}$/.test(line.text.slice(line.pos));
        // (A header row on a lazy line is paragraph text, in micromark.)
        // A setext underline stays one (`**\n=\n|-`).
        if (line.next === -1 || isLazy(cx, line) || ((line.next === 61 || line.next === 45) && /^(?:=+|-+)[ \t]*$/.test(line.text.slice(line.pos)))) return false;
        const next = cx.peekLine();
        // (Every delimiter row holds a `-`: most lines under a paragraph line are no table.)
        if (!next.includes('-')) return false;
        if (/^(?: {4}|\t)/.test(next.slice(line.basePos))) return false; // indented: paragraph text
        return isDelimiterRow(next) && parseRow(cx, line.text, line.basePos) === parseRow(cx, next, line.basePos);
      },
    },
  ],
};

// GFM literal autolinks (www.x, https://x, a@b.c) exactly as micromark-extension-gfm-autolink-literal
// tokenizes them (lezer's own GFM Autolink ends URLs differently and needs a dot in every host).
/** The inline context last seen, and which literal autolinks its text may hold (1 e-mail, 2 http, 4 www). */
let autolinkCx: InlineContext | undefined;
let autolinkKinds = 0;
/** lezer asks the inline parsers at every character: what a block's text can hold is looked up once. */
function autolinkKindsOf(cx: InlineContext): number {
  if (cx !== autolinkCx) {
    const text = (cx as unknown as { text: string }).text;
    autolinkCx = cx;
    autolinkKinds = (text.includes('@') ? 1 : 0) | (/http/i.test(text) ? 2 : 0) | (/www\./i.test(text) ? 4 : 0);
  }
  return autolinkKinds;
}

/**
 * ASCII characters at which no inline parser of fullParser starts anything: 1 always, 2 (atext)
 * unless LiteralAutolink may start there. The others: `\` Escape/HardBreak, `&` Entity, `` ` ``
 * InlineCode, `<` HTMLTag/Autolink, `*` `_` Emphasis, `[` `!` `]` links and images, `~`
 * strikethrough, and a space followed by a space (HardBreak).
 */
const PLAIN = new Uint8Array(128);
for (let c = 0; c < 128; c++) PLAIN[c] = /[\w+.-]/.test(String.fromCharCode(c)) ? 2 : 1; // (isAtext, defined below)
for (const c of '\\&`<*_[!]~') PLAIN[c.charCodeAt(0)] = 0;

/**
 * lezer asks every inline parser at every character, and most characters of copy start nothing.
 * Asked first, this steps over a run of characters where every other parser would return -1 (it
 * makes no node), so they are asked only where something may start. Exact by construction: see PLAIN.
 */
const PlainRun: MarkdownConfig = {
  parseInline: [
    {
      name: 'PlainRun',
      parse(cx: InlineContext, _next: number, pos: number): number {
        const { text, offset } = cx as unknown as { text: string; offset: number };
        const words = autolinkKindsOf(cx) === 0;
        const end = cx.end - offset;
        let i = pos - offset;
        for (; i < end; i++) {
          const c = text.charCodeAt(i);
          if (c >= 128) continue;
          const kind = PLAIN[c]!;
          if (kind === 1) {
            if (c === 32 && text.charCodeAt(i + 1) === 32) break;
            continue;
          }
          if (kind === 0) break;
          if (words) continue;
          // An atext char starts no literal autolink inside a word (LiteralAutolink's own tests on
          // the char before: e-mail and www after no atext, http after no letter).
          const prev = text.charCodeAt(i - 1);
          if (isAsciiAlpha(prev) || (isAtext(prev) && c !== 104 && c !== 72)) continue;
          break;
        }
        return i > pos - offset ? i + offset : -1;
      },
      before: 'Escape',
    },
  ],
};
const LiteralAutolink: MarkdownConfig = {
  parseInline: [
    {
      name: 'LiteralAutolink',
      parse(cx: InlineContext, next: number, pos: number): number {
        if (!isAtext(next)) return -1;
        const text = (cx as unknown as { text: string; offset: number }).text;
        if (autolinkKindsOf(cx) === 0) return -1;
        const prev = cx.char(pos - 1);
        const offset = (cx as unknown as { offset: number }).offset;
        const i = pos - offset;
        const end = cx.end - offset;
        let to = -1;
        if (autolinkKinds & 1 && !(prev === 47 || isAtext(prev))) to = emailEnd(text, i, end);
        if (to < 0 && autolinkKinds & 2 && (next === 104 || next === 72) && !isAsciiAlpha(prev)) to = protocolEnd(text, i, end);
        if (to < 0 && autolinkKinds & 4 && (next === 119 || next === 87) && previousWww(prev)) to = wwwEnd(text, i, end);
        if (to < 0 || insideOpenLabel(cx)) return -1;
        return cx.addElement(cx.elt('URL', pos, to + offset));
      },
      before: 'Emphasis',
    },
  ],
};

// lezer reads every `[text]` as a link (it is built for highlighting, where definitions are unknown);
// micromark only a defined reference. A `[T]` that is no link must not become one, or it would also
// disable the link around it (`[atomic.Pointer[T]](/pkg)`): this `]` parser asks the definitions first.
type InlineFn = (cx: InlineContext, next: number, pos: number) => number;
const internals = commonmark as unknown as { inlineParsers: InlineFn[]; inlineNames: string[] };
const innerLinkEnd = internals.inlineParsers[internals.inlineNames.indexOf('LinkEnd')]!;
/** The definitions of the document being parsed; set by parseMarkdownSyntax. */
let currentDefs: Definitions = { links: new Set(), footnotes: new Set(), badges: new Set() };

/** Whether `(destination "title")` at `at` (the `(`) is a valid inline link tail (CommonMark). */
function inlineLinkTail(cx: InlineContext, at: number): boolean {
  const ws = (c: number): boolean => c === 32 || c === 9 || c === 10;
  let i = at + 1;
  while (ws(cx.char(i))) i++;
  if (cx.char(i) === 60 /* < */) {
    for (i++; ; i++) {
      const c = cx.char(i);
      if (c < 0 || c === 10 || c === 60) return false;
      if (c === 92 && cx.char(i + 1) >= 0) i++;
      else if (c === 62) break;
    }
    i++;
  } else {
    let depth = 0;
    for (;;) {
      const c = cx.char(i);
      if (c < 0 || c <= 32 || c === 127) break;
      if (c === 92 && /[!-/:-@[-`{-~]/.test(String.fromCharCode(cx.char(i + 1)))) i++;
      else if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      i++;
    }
    if (depth !== 0) return false;
  }
  const beforeTitle = i;
  while (ws(cx.char(i))) i++;
  if (cx.char(i) === 41) return true;
  const q = cx.char(i);
  if (i === beforeTitle || (q !== 34 && q !== 39 && q !== 40)) return false;
  const close = q === 40 ? 41 : q;
  for (i++; ; i++) {
    const c = cx.char(i);
    if (c < 0 || (q === 40 && c === 40)) return false;
    if (c === 92 && cx.char(i + 1) >= 0) i++;
    else if (c === close) break;
  }
  i++;
  while (ws(cx.char(i))) i++;
  return cx.char(i) === 41;
}

// Emphasis flanking as micromark decides it: GFM makes `~` an attention marker, and a `*` or `_` run
// next to an attention marker may open (before it) or close (after it) whatever the character
// class (`a*~*` is emphasis). lezer's parser makes the delimiter; its sides are recomputed here.
const innerEmphasis = internals.inlineParsers[internals.inlineNames.indexOf('Emphasis')]!;
const UNICODE_WS = /\s/;
/** micromark's classifyCharacter: 1 whitespace (or nothing), 2 punctuation, 0 other. */
function classify(s: string): number {
  if (s === '' || UNICODE_WS.test(s)) return 1;
  return PUNCT.test(s) ? 2 : 0;
}
/**
 * The "rule of three" (a closer that may also open does not match an opener when their lengths sum to
 * a multiple of 3): lezer counts the whole delimiter run, micromark what is left of it after earlier
 * matches (`**a*b*&`). lezer keeps the run's length in a `size` field of its delimiter class, used
 * for nothing else; made a getter of what is left (the constructor's write goes to the no-op setter).
 */
let sizePatched = false;
function patchDelimiterSize(d: object): void {
  const proto = Object.getPrototypeOf(d) as object;
  Object.defineProperty(proto, 'size', {
    get(this: { from: number; to: number }) {
      return this.to - this.from;
    },
    set() {},
    configurable: true,
  });
  delete (d as { size?: number }).size;
  sizePatched = true;
}
const MicromarkEmphasis: MarkdownConfig = {
  parseInline: [
    {
      name: 'Emphasis',
      parse(cx: InlineContext, next: number, start: number): number {
        const end = innerEmphasis(cx, next, start);
        if (end < 0) return end;
        const parts = (cx as unknown as { parts: Array<{ side: number; from: number; to: number } | null> }).parts;
        const d = parts[parts.length - 1];
        if (!d || d.from !== start) return end;
        if (!sizePatched) patchDelimiterSize(d);
        const before = cx.slice(start - 1, start);
        const after = cx.slice(d.to, d.to + 1);
        const b = classify(before);
        const a = classify(after);
        const open = a === 0 || (a === 2 && b !== 0) || after === '~';
        const close = b === 0 || (b === 2 && a !== 0) || before === '~';
        const canOpen = next === 42 ? open : open && (b !== 0 || !close);
        const canClose = next === 42 ? close : close && (a !== 0 || !open);
        d.side = (canOpen ? 1 : 0) | (canClose ? 2 : 0);
        return end;
      },
    },
  ],
};

const ReferenceAwareLinkEnd: MarkdownConfig = {
  parseInline: [
    {
      name: 'LinkEnd',
      parse(cx: InlineContext, next: number, pos: number): number {
        if (next !== 93) return -1;
        const parts = (cx as unknown as { parts: Array<{ type?: unknown; from: number; to: number; side?: number } | null> }).parts;
        let i = parts.length - 1;
        for (; i >= 0; i--) {
          const p = parts[i];
          if (p && typeof p.type === 'object' && p.type !== null && !('resolve' in p.type)) break;
        }
        const open = parts[i];
        if (i < 0 || !open || !open.side) return innerLinkEnd(cx, next, pos);
        if (cx.char(open.to) === 94) {
          // `[^x]` (also in `![^x]`): a footnote call when that footnote is defined; it never takes
          // a following `[label]` or `(url)`.
          const label = cx.slice(open.to + 1, pos);
          if (footnoteLabelEnd(label + ']', 0) === label.length && currentDefs.footnotes.has(normalizeLabel(label))) {
            cx.takeContent(i);
            parts[i] = cx.elt('FootnoteReference', open.to - 1, pos + 1) as never;
            return pos + 1;
          }
        }
        const after = cx.char(pos + 1);
        if (after === 40 && inlineLinkTail(cx, pos + 1)) return innerLinkEnd(cx, next, pos);
        // (Most documents define no link: then no label is looked up.)
        const links = currentDefs.links;
        const own = links.size === 0 ? '' : normalizeLabel(cx.slice(open.to, pos));
        let ok = own !== '' && links.has(own);
        if (!ok && after === 91 && links.size > 0) {
          // `[text][label]`
          const close = cx.slice(pos + 2, Math.min(cx.end, pos + 1002)).search(/(?<!\\)[\[\]]/);
          if (close > 0 && cx.char(pos + 2 + close) === 93) ok = currentDefs.links.has(normalizeLabel(cx.slice(pos + 2, pos + 2 + close)));
        }
        if (ok) return innerLinkEnd(cx, next, pos);
        parts[i] = null; // not a link: the `[` is text, as is this `]`
        return -1;
      },
    },
  ],
};

/** The text being parsed; set by parseMarkdownSyntax. */
let currentText = '';
/**
 * micromark quirk: when line 1 opens front matter (`---`) that never closes, the front matter
 * construct stays current, and a concrete construct lets no container start after it: no block
 * quote, list or footnote in the rest of the document (`---\n\n> x` is a paragraph). Offset of
 * line 2 in that case, else -1; set by parseMarkdownSyntax.
 */
let noContainerAt = -1;
const noContainers = (cx: BlockContext): boolean => noContainerAt >= 0 && cx.lineStart >= noContainerAt;
/**
 * micromark quirk: an indented code block keeps micromark in "interrupting" mode on the lines after
 * it (blank ones included), so a list that may not interrupt a paragraph — an empty item, an
 * ordered list not starting at 1 — is a paragraph there (`\tcode\n\n2. x`: Go blog copy has it).
 */
function afterIndentedCode(cx: BlockContext, line: Line): boolean {
  const block = (cx as unknown as { block: { type: { name: string }; from: number; children: Array<{ type: { name: string }; length: number }>; positions: number[] } }).block;
  const n = block.children.length;
  if (n === 0 || block.type.name === 'OrderedList' || block.type.name === 'BulletList' || block.children[n - 1]!.type.name !== 'CodeBlock') return false;
  const end = block.from + block.positions[n - 1]! + block.children[n - 1]!.length;
  if (/\S/.test(currentText.slice(end, cx.lineStart))) return false;
  return cannotInterrupt(line.text.slice(line.pos));
}
/**
 * micromark quirk: on a line that interrupts a paragraph, micromark stays in interrupting mode for
 * the containers opened after the first one, so `x\n- -` and `x\n> -` hold a paragraph `-`, not an
 * empty list. Offset of the last line that interrupted a paragraph; set by the endLeaf wrapper.
 */
let interruptedAt = -1;
/** A list item that may not interrupt a paragraph: an empty one, an ordered one not numbered `1`. */
const cannotInterrupt = (rest: string): boolean => /^(?:[-+*]|\d{1,9}[.)])[ \t]*$/.test(rest) || (/^\d{1,9}[.)][ \t]/.test(rest) && !/^1[.)]/.test(rest));
const guarded = (name: string): BlockParserSpec => {
  const inner = blockInternals.blockParsers[blockInternals.blockNames.indexOf(name)]!;
  // The first char each container needs (lezer's own test, asked first: most lines start with a letter).
  const starts = name === 'Blockquote' ? (c: number) => c === 62 : name === 'BulletList' ? (c: number) => c === 45 || c === 43 || c === 42 : (c: number) => c >= 48 && c <= 57;
  return {
    name,
    parse(cx, line) {
      if (!starts(line.next) || noContainers(cx)) return false;
      if (name !== 'Blockquote') {
        if (afterIndentedCode(cx, line)) return false;
        if (interruptedAt === cx.lineStart && cannotInterrupt(line.text.slice(line.pos)) && nestedOnLine(cx, line)) return false;
      }
      return inner(cx, line);
    },
  };
};
/** Whether a container already started on this line before line.pos (its marker precedes it). */
function nestedOnLine(cx: BlockContext, line: Line): boolean {
  const block = (cx as unknown as { block: { from: number } }).block;
  return block.from >= cx.lineStart && block.from < cx.lineStart + line.pos;
}
type BlockParserSpec = { name: string; parse: BlockFn };
/** HTML block start of CommonMark kind 7 (any tag alone on its line): it may not interrupt a paragraph. */
const HTML_KIND7 = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;
const MicromarkContainers: MarkdownConfig = {
  parseBlock: [
    {
      // micromark: a lazy line (one that does not continue the open block quotes or list items) is
      // read without the paragraph's interrupt rules, so an empty list item, a list starting at 2
      // or an HTML tag line starts a block there (`> a\n-` is a quote and a list); lezer made them text.
      name: 'MicromarkLazyLine',
      endLeaf(cx: BlockContext, line: Line): boolean {
        if (!isLazy(cx, line) || noContainers(cx)) return false;
        const rest = line.text.slice(line.pos);
        return cannotInterrupt(rest) || HTML_KIND7.test(rest);
      },
    },
    guarded('Blockquote'),
    guarded('BulletList'),
    guarded('OrderedList'),
  ],
};

const fullParser = commonmark.configure([PlainRun, MicromarkContainers, MicromarkEmphasis, ReferenceAwareLinkEnd, Table, MicromarkTable, TaskList, Strikethrough, TildeStrikethrough, LiteralAutolink, FrontMatter, Footnotes]);
// The quirk above also keeps a block quote or list from interrupting a paragraph there.
{
  type EndLeaf = (cx: BlockContext, line: Line, leaf: unknown) => boolean;
  const ends = (fullParser as unknown as { endLeafBlock: EndLeaf[] }).endLeafBlock;
  const HR = /^(?:[-*_][ \t]*){3,}$/;
  const CONTAINER = /^(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|\[\^)/;
  const EMPTY_ITEM = /^(?:[-+*]|\d{1,9}[.)])[ \t]*$/;
  // One function asks them all (lezer stops at the first that ends the leaf), so the checks that
  // hold for every one of them run once per line, and only on a line whose first char can start a
  // container (`>`, `-`, `+`, `*`, a digit, `[`): paragraph lines start with a letter.
  const inners = ends.slice();
  const veto = (cx: BlockContext, line: Line): boolean => {
    const c = line.next;
    if (!(c === 62 || c === 45 || c === 43 || c === 42 || c === 91 || (c >= 48 && c <= 57))) return false;
    const rest = line.text.slice(line.pos);
    if (noContainers(cx) && CONTAINER.test(rest) && !HR.test(rest)) return true;
    // An empty list item never interrupts a paragraph, in a container too (lezer: `* a\n  -`
    // made a list, not a setext heading).
    if (EMPTY_ITEM.test(rest) && !isLazy(cx, line)) return true;
    // Nor does an ordered list not numbered `1.` (lezer let `11.` interrupt).
    return /^\d{1,9}[.)][ \t]/.test(rest) && !/^1[.)]/.test(rest) && !isLazy(cx, line);
  };
  ends.length = 0;
  ends.push((cx, line, leaf) => {
    if (veto(cx, line)) return false;
    for (let k = 0; k < inners.length; k++) {
      if (!inners[k]!(cx, line, leaf)) continue;
      if (!isLazy(cx, line)) interruptedAt = cx.lineStart;
      return true;
    }
    return false;
  });
}
// Definitions are block structure: the first pass, which only looks for them, skips inline parsing
// (its first inline parser steps over the whole of a leaf's content and makes no node).
const blockParser = fullParser.configure([
  { parseInline: [{ name: 'SkipInline', parse: (cx: InlineContext): number => cx.end, before: 'PlainRun' }] },
  { remove: ['Escape', 'Entity', 'InlineCode', 'HTMLTag', 'Emphasis', 'HardBreak', 'Link', 'Image', 'LinkEnd', 'Strikethrough', 'LiteralAutolink'] },
]);

/** Whether a `[` or `![` before this point is still waiting for its `]` (micromark's previousUnbalanced). */
function insideOpenLabel(cx: InlineContext): boolean {
  // lezer keeps an open link start in its delimiter list until a `]` takes it out; there is no
  // public API for it, so this reads the list (a link start is a delimiter without `resolve`).
  const parts = (cx as unknown as { parts: Array<{ type?: unknown; from: number } | null> }).parts;
  for (let k = parts.length - 1; k >= 0; k--) {
    const p = parts[k];
    // (Elements have a numeric type; delimiters an object.)
    if (p && typeof p.type === 'object' && p.type !== null && !('resolve' in p.type)) {
      const c = cx.char(p.from);
      if (c === 91 || (c === 33 && cx.char(p.from + 1) === 91)) return true;
    }
  }
  return false;
}

const isAsciiAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlnum = (c: number): boolean => isAsciiAlpha(c) || (c >= 48 && c <= 57);
const isAtext = (c: number): boolean => c === 43 || c === 45 || c === 46 || c === 95 || isAsciiAlnum(c);
const UNICODE_PUNCT = PUNCT;
const UNICODE_SPACE = /\s/;
/** micromark's unicodePunctuation / unicodeWhitespace on a code (NaN and -1: none). */
const isPunct = (c: number): boolean => c >= 0 && UNICODE_PUNCT.test(String.fromCharCode(c));
const isSpace = (c: number): boolean => c >= 0 && UNICODE_SPACE.test(String.fromCharCode(c));
const isEnd = (c: number): boolean => !(c >= 0) || isSpace(c);
function previousWww(c: number): boolean {
  return !(c >= 0) || c === 40 || c === 42 || c === 95 || c === 91 || c === 93 || c === 126 || c === 32 || c === 9 || c === 10;
}

/** micromark's `trail`: trailing punctuation from i up to the end of the URL (whitespace, `<`, end). */
function isTrail(t: string, i: number, end: number): boolean {
  for (;;) {
    const c = i < end ? t.charCodeAt(i) : -1;
    if (c === 33 || c === 34 || c === 39 || c === 41 || c === 42 || c === 44 || c === 46 || c === 58 || c === 59 || c === 63 || c === 95 || c === 126) {
      i++;
      continue;
    }
    if (c === 38) {
      // `&name;` counts as trailing punctuation
      i++;
      if (!isAsciiAlpha(i < end ? t.charCodeAt(i) : -1)) return false;
      while (i < end && isAsciiAlpha(t.charCodeAt(i))) i++;
      if (t.charCodeAt(i) !== 59 || i >= end) return false;
      i++;
      continue;
    }
    if (c === 93) {
      i++;
      const d = i < end ? t.charCodeAt(i) : -1;
      if (d === -1 || d === 40 || d === 91 || isSpace(d)) return true;
      continue;
    }
    return c === 60 || isEnd(c);
  }
}

/** micromark's domain: returns its end, or -1. */
function domainEnd(t: string, i: number, end: number): number {
  let underscoreLast = false;
  let underscoreLastLast = false;
  let seen = false;
  for (;;) {
    const c = i < end ? t.charCodeAt(i) : -1;
    if (c === 46 || c === 95) {
      if (isTrail(t, i, end)) break;
      if (c === 95) underscoreLast = true;
      else {
        underscoreLastLast = underscoreLast;
        underscoreLast = false;
      }
      i++;
      continue;
    }
    if (isEnd(c) || (c !== 45 && isPunct(c))) break;
    seen = true;
    i++;
  }
  return underscoreLast || underscoreLastLast || !seen ? -1 : i;
}

/** micromark's path: never fails. */
function pathEnd(t: string, i: number, end: number): number {
  let open = 0;
  let close = 0;
  for (;;) {
    const c = i < end ? t.charCodeAt(i) : -1;
    if (c === 40) {
      open++;
      i++;
      continue;
    }
    if (c === 41 && close < open) {
      close++;
      i++;
      continue;
    }
    if (c === 33 || c === 34 || c === 38 || c === 39 || c === 41 || c === 42 || c === 44 || c === 46 || c === 58 || c === 59 || c === 60 || c === 63 || c === 93 || c === 95 || c === 126) {
      if (isTrail(t, i, end)) return i;
      if (c === 41) close++;
      i++;
      continue;
    }
    if (isEnd(c)) return i;
    i++;
  }
}

function wwwEnd(t: string, i: number, end: number): number {
  for (let k = 0; k < 3; k++) if ((t.charCodeAt(i + k) | 32) !== 119 || i + k >= end) return -1;
  if (t.charCodeAt(i + 3) !== 46 || i + 4 >= end) return -1;
  const d = domainEnd(t, i, end);
  return d < 0 ? -1 : pathEnd(t, d, end);
}

function protocolEnd(t: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 5 && isAsciiAlpha(t.charCodeAt(j))) j++;
  const proto = t.slice(i, j).toLowerCase();
  if ((proto !== 'http' && proto !== 'https') || t.charCodeAt(j) !== 58 || t.charCodeAt(j + 1) !== 47 || t.charCodeAt(j + 2) !== 47 || j + 2 >= end) return -1;
  j += 3;
  const c = j < end ? t.charCodeAt(j) : -1;
  if (c < 0 || c < 32 || c === 127 || isEnd(c) || isPunct(c)) return -1;
  const d = domainEnd(t, j, end);
  return d < 0 ? -1 : pathEnd(t, d, end);
}

function emailEnd(t: string, i: number, end: number): number {
  let j = i;
  while (j < end && isAtext(t.charCodeAt(j))) j++;
  if (t.charCodeAt(j) !== 64 || j >= end) return -1;
  j++;
  let data = false;
  let dot = false;
  for (;;) {
    const c = j < end ? t.charCodeAt(j) : -1;
    if (c === 46) {
      const d = j + 1 < end ? t.charCodeAt(j + 1) : -1;
      if (!isAsciiAlnum(d)) break;
      dot = true;
      j++;
      continue;
    }
    if (c === 45 || c === 95 || isAsciiAlnum(c)) {
      data = true;
      j++;
      continue;
    }
    break;
  }
  return data && dot && isAsciiAlpha(t.charCodeAt(j - 1)) ? j : -1;
}


// ---------------------------------------------------------------------------------------------
// Parse.

/** A Markdown source as lezer read it. */
export interface MarkdownSyntax {
  tree: Tree;
  /** What lezer parsed: the source without a BOM, CRLF as LF, NUL as U+FFFD. */
  text: string;
  defs: Definitions;
  /** Offset in the source (minus the BOM) of each offset in `text`, when CRLFs were dropped. */
  back: Int32Array | undefined;
  /** 1 when the source starts with a BOM. */
  bom: number;
}

/** Parse Markdown with lezer, configured as above. */
export function parseMarkdownSyntax(source: string): MarkdownSyntax {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let text = bom ? source.slice(1) : source;
  // lezer splits lines at LF only. CRLF → LF (positions mapped back); a lone CR → LF in place.
  let back: Int32Array | undefined;
  if (text.includes('\r')) {
    if (text.includes('\r\n')) {
      back = new Int32Array(text.length + 1);
      let out = '';
      let n = 0;
      let from = 0;
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) {
          out += text.slice(from, i);
          // every char from `from` to i maps to itself minus the CRs dropped so far
          for (let k = from; k < i; k++) back[n++] = k;
          from = i + 1;
        }
      }
      out += text.slice(from);
      for (let k = from; k <= text.length; k++) back[n++] = k;
      back = back.subarray(0, n);
      text = out;
    }
    text = text.replace(/\r/g, '\n');
  }
  if (text.includes('\0')) text = text.replace(/\0/g, '\uFFFD');
  frontMatterTo = findFrontMatter(text);
  const fence = frontMatterTo === 0 ? /^(?:---|\+\+\+)[ \t]*\n/.exec(text) : null;
  noContainerAt = fence ? fence[0].length : -1;
  currentText = text;
  const defs = text.includes(']:') ? collectDefinitions(blockParser.parse(text), text) : NO_DEFS;
  currentDefs = defs;
  interruptedAt = -1;
  const tree = fullParser.parse(text);
  return { tree, text, defs, back, bom };
}

export interface Definitions {
  links: Set<string>;
  footnotes: Set<string>;
  /** The link labels whose destination is a status badge (`[npm-image]: https://img.shields.io/…`). */
  badges: Set<string>;
}
const NO_DEFS: Definitions = { links: new Set(), footnotes: new Set(), badges: new Set() };

/** As micromark-util-normalize-identifier. */
export function normalizeLabel(s: string): string {
  return s
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

/** Link and footnote definitions anywhere in the document (both are global). */
function collectDefinitions(tree: Tree, text: string): Definitions {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  const badges = new Set<string>();
  const visit = (node: SyntaxNode): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      const name = c.name;
      if (name === 'LinkReference') {
        const label = c.getChild('LinkLabel');
        if (label) {
          const id = normalizeLabel(text.slice(label.from + 1, label.to - 1));
          // The first definition of a label is the one that counts.
          const url = links.has(id) ? null : c.getChild('URL');
          links.add(id);
          if (url && isBadgeUrl(text.slice(url.from, url.to))) badges.add(id);
        }
      } else if (name === 'FootnoteDefinition') {
        const n = footnoteDefinitionStart(text, c.from);
        if (n > 0) footnotes.add(normalizeLabel(text.slice(c.from + 2, c.from + n - 2)));
        visit(c);
      } else if (name === 'Blockquote' || name === 'BulletList' || name === 'OrderedList' || name === 'ListItem') visit(c);
    }
  };
  visit(tree.topNode);
  return { links, footnotes, badges };
}
