// The Markdown front end: Markdown copy → prose blocks with an exact source offset for every char.
//
// One path: @lezer/markdown parses the source (markdown-syntax.ts: CommonMark + GFM + front matter,
// read the way micromark reads them), and TreeReader below walks lezer's tree straight into a
// ProseBuilder (prose-builder.ts), which aligns every decoded text value with its source. Only a
// few inline nodes are built as mdast and read by mdast-prose.ts: links and images (whether a
// link's text is an address), and a leaf block where GFM's literal-autolink transform (remark-gfm's
// own mdast-util-gfm-autolink-literal) may make links. remark reads MDX only (mdx.ts).
//
// What it gives is pinned by test/fixtures/markdown/front-end (rules/parse/markdown.test.ts);
// test/differential/markdown-remark.test.ts compares it with remark reading the same Markdown, on
// small and random documents and, where the shared corpus is present, on all of its Markdown.
import type { Nodes, Root, PhrasingContent } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Block, BlockKind, ProseDocument } from '../types.js';
import { htmlCommentDirectives } from './directives.js';
import { decodeEntity } from './entities.js';
import { MdastReader, type Container } from './mdast-prose.js';
import { isBadgeUrl } from './badges.js';
import { normalizeLabel, parseMarkdownSyntax, type Definitions, type MarkdownSyntax, type SyntaxNode } from './markdown-syntax.js';
import { plainBlocks } from './plain.js';
import { htmlFragmentBlocks, type FragmentContext } from './html.js';
import { FollowingQuotes, introducesQuote, quoteBlock, type Sibling } from './quotations.js';
import { finishDocument, MAX_NESTING, ProseBuilder, type CopyOptions } from './prose-builder.js';

export function parseMarkdown(source: string, path: string, copy: CopyOptions = {}): ProseDocument {
  let doc: MarkdownSyntax;
  try {
    doc = parseMarkdownSyntax(source);
  } catch {
    // lezer does not throw on Markdown, but a crash here must not take the linter down.
    return { path, format: 'markdown', source, blocks: plainBlocks(source), directives: htmlCommentDirectives(source) };
  }
  const builder = new ProseBuilder(source);
  const reader = new TreeReader(doc, builder, new MdastReader(builder, source));
  return finishDocument(source, path, 'markdown', builder, () => reader.walk(doc.tree.topNode), copy);
}

const AUTOLINK_TRANSFORMS = (gfmAutolinkLiteralFromMarkdown().transforms ?? []) as Array<(tree: Root) => void>;

type Pos = { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } };

const HEADING_DEPTH: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = {
  ATXHeading1: 1,
  ATXHeading2: 2,
  ATXHeading3: 3,
  ATXHeading4: 4,
  ATXHeading5: 5,
  ATXHeading6: 6,
  SetextHeading1: 1,
  SetextHeading2: 2,
};

/** Inline node names that carry no content of their own (markers); the rest of a gap is text. */
const MARKS = new Set(['EmphasisMark', 'StrikethroughMark', 'LinkMark', 'CodeMark', 'HeaderMark', 'QuoteMark', 'ListMark', 'TaskMarker', 'TableDelimiter']);

/** Where inline content goes: mdast nodes pushed onto an array, or (null) straight to the builder. */
type Out = PhrasingContent[] | null;

/**
 * A text value remark-gfm's literal-autolink transform might change: each of its expressions needs
 * an `@`, `www.` or `http(s)://`.
 */
const AUTOLINK_TEXT = /@|www\.|https?:\/\//i;

/**
 * Reads lezer's tree into the builder, one leaf block at a time, as CommonMark's document model
 * has it (mdast-util-from-markdown decodes text values the same way: escapes and entities decoded,
 * line prefixes and trailing blanks dropped). Offsets in the parsed text are mapped back to the
 * source (at()); mdast positions are the source minus a BOM (pos()), as micromark gives them.
 */
class TreeReader {
  private readonly text: string;
  private readonly defs: Definitions;
  private readonly back: Int32Array | undefined;
  private readonly bom: number;
  private readonly out: ProseBuilder;
  /** Reads the inline nodes built as mdast (links, images, autolink leaves). */
  private readonly mdast: MdastReader;
  /** The text node being built: decoded value and where it started. */
  private buf = '';
  private bufFrom = -1;
  private bufTo = -1;
  /** Offsets of the `>` markers of the leaf block being read (its continuation lines' prefixes). */
  private quotes = new Set<number>();
  /** The leaf block whose `>` markers `quotes` is to hold: collected at the first `>` met (most blocks have none). */
  private quotesOf: SyntaxNode | null = null;
  /** A text value handed to the builder may hold a GFM literal autolink: the leaf must be redone as mdast. */
  private autolink = false;

  constructor(doc: MarkdownSyntax, out: ProseBuilder, mdast: MdastReader) {
    this.text = doc.text;
    this.defs = doc.defs;
    this.back = doc.back;
    this.bom = doc.bom;
    this.out = out;
    this.mdast = mdast;
  }

  /** mdast position (micromark's offsets: the source minus a BOM). */
  private pos(from: number, to: number): Pos {
    const b = this.back;
    const s = b ? b[from]! : from;
    const e = b ? b[to]! : to;
    return { start: { line: 0, column: 0, offset: s }, end: { line: 0, column: 0, offset: e } };
  }

  /** Source offset of an offset in the parsed text. */
  private at(i: number): number {
    return (this.back ? this.back[i]! : i) + this.bom;
  }

  walk(doc: SyntaxNode): void {
    this.blocks(doc, 'paragraph');
  }

  /** A block read from the parsed text, its map moved to source offsets. */
  private shifted(b: Block): Block {
    if (!this.back && !this.bom) return b;
    for (let i = 0; i < b.map.length; i++) b.map[i] = this.at(b.map[i]!);
    return b;
  }

  private depth = 0;

  /** `nests`: a level of nesting (a list item, a block quote); a list itself is not one more. */
  private blocks(parent: SyntaxNode, container: Container, nests = true): void {
    if (nests && this.depth >= MAX_NESTING) {
      if (this.out.tooDeepAt < 0) this.out.tooDeepAt = this.at(parent.from);
      return;
    }
    if (nests) this.depth++;
    // Raw HTML blocks of this container read on from one another (a <blockquote> opened in one and
    // closed in a later one); an element left open does not reach past the container.
    const outer = this.html;
    this.html = { open: outer.open.slice(), introduced: false };
    const follow = new FollowingQuotes(this.out.blocks);
    const blocks = this.out.blocks;
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      const name = c.name;
      const first = blocks.length;
      const before = follow.before(first);
      const quoted = this.html.open.some((f) => f.quote);
      if (name === 'HTMLBlock') this.html.introduced = before !== undefined && introducesQuote(before.text);
      this.block(c, container);
      // Inside a <blockquote> (or a quoted box) that an earlier raw HTML block left open.
      if (quoted && name !== 'HTMLBlock') for (let k = first; k < blocks.length; k++) quoteBlock(blocks[k]!);
      follow.read(siblingKind(name), first, before);
    }
    this.html = outer;
    if (nests) this.depth--;
  }

  /** Raw HTML read so far in the container being read (see blocks()). */
  private html: FragmentContext = { open: [], introduced: false };

  /** Block-level nodes (the same kinds as mdast-prose.ts's flow() for MDX). */
  private block(node: SyntaxNode, container: Container): void {
    const name = node.name;
    switch (name) {
      case 'Paragraph':
        this.leaf(node, node.from, node.to, container);
        return;
      case 'Task': {
        // A task item's paragraph starts after its `[ ]`.
        const marker = node.getChild('TaskMarker');
        this.leaf(node, marker ? this.skipBlanks(marker.to, node.to) : node.from, node.to, container);
        return;
      }
      case 'ATXHeading1':
      case 'ATXHeading2':
      case 'ATXHeading3':
      case 'ATXHeading4':
      case 'ATXHeading5':
      case 'ATXHeading6': {
        const marks = node.getChildren('HeaderMark');
        const open = marks[0];
        const close = marks.length > 1 ? marks[marks.length - 1] : undefined;
        const from = open ? this.skipBlanks(open.to, node.to) : node.from;
        const to = close && close.from >= from ? close.from : node.to;
        this.leaf(node, from, to, 'heading', HEADING_DEPTH[name]);
        return;
      }
      case 'SetextHeading1':
      case 'SetextHeading2': {
        const mark = node.getChild('HeaderMark');
        let to = mark ? mark.from : node.to;
        // Content ends at the line ending before the underline.
        while (to > node.from && this.text.charCodeAt(to - 1) !== 10) to--;
        if (to > node.from) to--;
        this.leaf(node, node.from, to, 'heading', HEADING_DEPTH[name]);
        return;
      }
      case 'Blockquote':
        this.blocks(node, 'blockquote');
        return;
      case 'BulletList':
      case 'OrderedList':
        this.blocks(node, container, false);
        return;
      case 'ListItem':
        this.blocks(node, 'list-item');
        return;
      case 'FootnoteDefinition':
        this.blocks(node, 'footnote');
        return;
      case 'Table':
        for (let r = node.firstChild; r; r = r.nextSibling) {
          if (r.name !== 'TableHeader' && r.name !== 'TableRow') continue;
          for (let c = r.firstChild; c; c = c.nextSibling) if (c.name === 'TableCell') this.leaf(c, c.from, c.to, 'table-cell');
        }
        return;
      case 'HTMLBlock':
        this.out.html(this.at(node.from), this.at(node.to));
        // A raw HTML block (<div>, <p>, <h2>, <details><summary>) holds copy too.
        for (const b of htmlFragmentBlocks(this.text, node.from, node.to, this.html)) this.out.blocks.push(this.shifted(b));
        return;
      case 'CommentBlock':
      case 'ProcessingInstructionBlock':
        this.out.html(this.at(node.from), this.at(node.to));
        return;
      default:
        // code, front matter, definitions, thematic breaks: never prose.
        return;
    }
  }

  /** One leaf block (heading, paragraph, table cell) whose content is [from, to) of `node`. */
  private leaf(node: SyntaxNode, from: number, to: number, kind: BlockKind, depth?: number): void {
    const out = this.out;
    out.begin();
    this.autolink = false;
    this.inlineRange(node, from, to, null);
    if (this.autolink) {
      // Again as mdast, so remark-gfm's own transform can run on it (the nodes it makes have no
      // position: the MdastReader places them). Rare: `@`, `www.` or `http://` in text.
      out.rollback();
      const parent = { type: 'paragraph' as const, children: this.inlineRange(node, from, to, []), position: this.pos(node.from, node.to) };
      for (const transform of AUTOLINK_TRANSFORMS) transform(parent as unknown as Root);
      this.mdast.phrasing(parent);
    }
    out.end(kind, depth);
  }

  private skipBlanks(at: number, to: number): number {
    while (at < to && (this.text.charCodeAt(at) === 32 || this.text.charCodeAt(at) === 9)) at++;
    return at;
  }

  /** Phrasing content of a leaf block's range [from, to): trimmed, as micromark trims it. */
  private inlineRange<O extends Out>(parent: SyntaxNode, from: number, to: number, out: O): O {
    const t = this.text;
    while (to > from && (t.charCodeAt(to - 1) === 32 || t.charCodeAt(to - 1) === 9)) to--;
    from = this.skipBlanks(from, to);
    this.buf = '';
    this.bufFrom = -1;
    this.quotes.clear();
    this.quotesOf = parent;
    this.inlines(parent, from, to, out);
    this.flush(out);
    return out;
  }

  /** `>` markers anywhere inside a leaf block (a link or emphasis spanning lines holds some). */
  private collectQuotes(node: SyntaxNode): void {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'QuoteMark' && this.quoteIndent(c.from) < 4) this.quotes.add(c.from);
      else if (c.firstChild && c.to - c.from > 2) this.collectQuotes(c);
    }
  }

  /**
   * Columns of blank before a `>` since the line start or the previous `>`. From 4 on it is no
   * block quote marker (lezer still continued the quote there; micromark reads a lazy `>` as text).
   */
  private quoteIndent(at: number): number {
    const t = this.text;
    let col = 0;
    for (let i = at - 1; i >= 0; i--) {
      const c = t.charCodeAt(i);
      if (c === 32) col++;
      else if (c === 9) col += 4;
      else break;
    }
    return col;
  }

  /** Children of `parent` within [from, to), gaps between them as text. */
  private inlines(parent: SyntaxNode, from: number, to: number, out: Out): void {
    let at = from;
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      if (c.to <= from) continue;
      if (c.from >= to) break;
      // Markers inside the range (`>` of a continuation line) stay in the gap: gap() drops them.
      if (MARKS.has(c.name)) continue;
      if (c.from > at) this.gap(at, c.from);
      this.inline(c, out);
      at = Math.max(at, c.to);
    }
    if (at < to) this.gap(at, to);
  }

  /** Raw source [from, to) as text: line prefixes and trailing blanks of lines dropped. */
  private gap(from: number, to: number): void {
    const t = this.text;
    if (this.bufFrom < 0) this.bufFrom = from;
    this.bufTo = to;
    let i = from;
    // A gap that starts a line (after a hard break) starts after the line's container prefix.
    if (i > 0 && t.charCodeAt(i - 1) === 10) i = this.skipPrefix(i, to);
    while (i < to) {
      const nl = t.indexOf('\n', i);
      if (nl < 0 || nl >= to) {
        this.buf += t.slice(i, to);
        return;
      }
      let e = nl;
      while (e > i && (t.charCodeAt(e - 1) === 32 || t.charCodeAt(e - 1) === 9)) e--;
      this.buf += t.slice(i, e) + '\n';
      i = this.skipPrefix(nl + 1, to);
    }
  }

  /** Past the blanks and block quote markers that start a continuation line. */
  private skipPrefix(i: number, to: number): number {
    const t = this.text;
    while (i < to) {
      const c = t.charCodeAt(i);
      if (c === 62 && this.quotesOf) {
        this.collectQuotes(this.quotesOf);
        this.quotesOf = null;
      }
      if (c === 32 || c === 9 || (c === 62 && this.quotes.has(i))) i++;
      else break;
    }
    return i;
  }

  private flush(out: Out): void {
    if (this.bufFrom >= 0 && this.buf.length > 0) {
      if (out) out.push({ type: 'text', value: this.buf, position: this.pos(this.bufFrom, this.bufTo) });
      else {
        if (AUTOLINK_TEXT.test(this.buf)) this.autolink = true;
        this.out.text(this.buf, this.at(this.bufFrom), this.at(this.bufTo));
      }
    }
    this.buf = '';
    this.bufFrom = -1;
  }

  /** Append decoded text that came from source [from, to). */
  private append(value: string, from: number, to: number): void {
    if (this.bufFrom < 0) this.bufFrom = from;
    this.bufTo = to;
    this.buf += value;
  }

  private inline(node: SyntaxNode, out: Out): void {
    const t = this.text;
    const name = node.name;
    if (MARKS.has(name)) return;
    switch (name) {
      case 'Escape':
        this.append(t[node.from + 1]!, node.from, node.to);
        return;
      case 'Entity': {
        const raw = t.slice(node.from, node.to);
        this.append(decodeEntity(raw) ?? raw, node.from, node.to);
        return;
      }
      case 'HardBreak': {
        // micromark: trailing blanks with a tab in them are no hard break, just a line ending.
        let b = node.from;
        while (b > 0 && (t.charCodeAt(b - 1) === 32 || t.charCodeAt(b - 1) === 9)) b--;
        if (t.charCodeAt(node.from) === 32 && t.slice(b, node.from).includes('\t')) {
          this.buf = this.buf.replace(/[ \t]+$/, '');
          this.gap(node.from, node.to);
          return;
        }
        this.flush(out);
        if (out) out.push({ type: 'break', position: this.pos(node.from, node.to) });
        else this.out.lineBreak(this.at(node.from), this.at(node.to));
        return;
      }
      case 'Emphasis':
      case 'StrongEmphasis':
      case 'Strikethrough': {
        this.flush(out);
        const first = node.firstChild;
        const last = node.lastChild;
        const from = first && MARKS.has(first.name) ? first.to : node.from;
        const to = last && MARKS.has(last.name) && last !== first ? last.from : node.to;
        if (!out) {
          // Emphasis reads as its content.
          this.inlines(node, from, to, null);
          this.flush(null);
          return;
        }
        const kids: PhrasingContent[] = [];
        this.inlines(node, from, to, kids);
        this.flush(kids);
        const type = name === 'Emphasis' ? 'emphasis' : name === 'StrongEmphasis' ? 'strong' : 'delete';
        out.push({ type, children: kids, position: this.pos(node.from, node.to) } as PhrasingContent);
        return;
      }
      case 'InlineCode': {
        this.flush(out);
        if (out) out.push({ type: 'inlineCode', value: codeValue(t, node), position: this.pos(node.from, node.to) });
        else this.out.separator(this.at(node.from), 'code');
        return;
      }
      case 'HTMLTag':
      case 'Comment':
      case 'ProcessingInstruction':
        this.flush(out);
        if (out) out.push({ type: 'html', value: t.slice(node.from, node.to), position: this.pos(node.from, node.to) });
        else {
          this.out.separator(this.at(node.from), 'html');
          this.out.html(this.at(node.from), this.at(node.to));
        }
        return;
      case 'Autolink':
      case 'URL': {
        this.flush(out);
        const url = node.name === 'Autolink' ? (node.getChild('URL') ?? node) : node;
        const raw = t.slice(url.from, url.to);
        const href = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : raw.includes('@') ? `mailto:${raw}` : `http://${raw}`;
        if (!out) {
          // The address itself is the text (never a `[`: MdastReader's other case of a link).
          this.out.separator(this.at(node.from), 'url');
          if (!href.startsWith('mailto:')) this.out.mark('link');
          return;
        }
        out.push({ type: 'link', url: href, children: [{ type: 'text', value: raw }], position: this.pos(node.from, node.to) });
        return;
      }
      case 'Link':
      case 'Image':
        this.link(node, out);
        return;
      case 'FootnoteReference':
        this.flush(out);
        if (out) out.push({ type: 'footnoteReference', identifier: '', position: this.pos(node.from, node.to) });
        else this.out.separator(this.at(node.from), 'footnote');
        return;
      default:
        // Anything else lezer made inline is read as its source text.
        this.gap(node.from, node.to);
        return;
    }
  }

  /** Links and images, inline or by reference; a reference to nothing is text, as micromark reads it. */
  private link(node: SyntaxNode, out: Out): void {
    const t = this.text;
    const image = node.name === 'Image';
    const open = node.firstChild; // `[` or `![`
    let close: SyntaxNode | null = null; // `]`
    for (let c = open?.nextSibling ?? null; c; c = c.nextSibling) {
      if (c.name === 'LinkMark' && t.charCodeAt(c.from) === 93) {
        close = c;
        break;
      }
    }
    if (!open || !close) {
      this.gap(node.from, node.to);
      return;
    }
    const textFrom = open.to;
    const textTo = close.from;
    const after = close.nextSibling;
    let kind: 'inline' | 'full' | 'collapsed' | 'shortcut' = 'shortcut';
    let labelNode: SyntaxNode | null = null;
    if (after?.name === 'LinkMark' && t.charCodeAt(after.from) === 40) kind = 'inline';
    else if (after?.name === 'LinkLabel') {
      labelNode = after;
      kind = after.to - after.from > 2 ? 'full' : 'collapsed';
    }
    let end = node.to;
    if (kind !== 'inline') {
      const links = this.defs.links;
      const own = links.size === 0 ? '' : normalizeLabel(t.slice(textFrom, textTo));
      const full = kind === 'full' && links.size > 0 && links.has(normalizeLabel(t.slice(labelNode!.from + 1, labelNode!.to - 1)));
      const ok = full || (own !== '' && links.has(own));
      if (!ok) {
        // Not a link: its brackets are text, its content is read as usual.
        this.gap(node.from, textFrom);
        this.inlines(node, textFrom, textTo, out);
        this.gap(textTo, node.to);
        return;
      }
      if (kind === 'full' && !full) {
        // micromark: an undefined full label falls back to the shortcut `[text]`, the label is text.
        end = close.to;
      }
    }
    this.flush(out);
    if (!image && !out && !mayReadAsAddress(t, textFrom, textTo)) {
      // A link whose text is no address reads as that text, then a link mark (as MdastReader's
      // phrase() reads it): streamed to the builder, as the text around the link is, without mdast.
      // (Text inside a link is never a literal autolink: it must not send the leaf to mdast.)
      const autolink = this.autolink;
      this.inlines(node, textFrom, textTo, null);
      this.flush(null);
      this.autolink = autolink;
      this.out.mark('link');
      if (end < node.to) this.gap(end, node.to);
      return;
    }
    const kids: PhrasingContent[] = [];
    this.inlines(node, textFrom, textTo, kids);
    this.flush(kids);
    const position = this.pos(node.from, end);
    if (image) {
      const alt = this.badge(node, kind, labelNode, textFrom, textTo) ? '' : kids.map(toText).join('');
      const n: PhrasingContent = kind === 'inline' ? { type: 'image', url: '', alt, position } : { type: 'imageReference', identifier: '', referenceType: 'full', alt, position };
      if (out) out.push(n);
      else this.mdast.phrase(n);
    } else {
      const urlNode = node.getChild('URL');
      const url = urlNode ? t.slice(urlNode.from, urlNode.to) : '';
      const n: PhrasingContent = kind === 'inline' ? { type: 'link', url, children: kids, position } : { type: 'linkReference', identifier: '', referenceType: 'full', children: kids, position };
      // (MdastReader decides from the link's text whether it reads as an address.)
      if (out) out.push(n);
      else this.mdast.phrase(n);
    }
    if (end < node.to) this.gap(end, node.to);
  }

  /** Is this image a status badge: by its own address, or its reference's? */
  private badge(node: SyntaxNode, kind: 'inline' | 'full' | 'collapsed' | 'shortcut', labelNode: SyntaxNode | null, textFrom: number, textTo: number): boolean {
    const t = this.text;
    if (kind === 'inline') {
      const url = node.getChild('URL');
      return url !== null && isBadgeUrl(t.slice(url.from, url.to));
    }
    const badges = this.defs.badges;
    if (badges.size === 0) return false;
    const label = kind === 'full' && labelNode && labelNode.to - labelNode.from > 2 ? t.slice(labelNode.from + 1, labelNode.to - 1) : t.slice(textFrom, textTo);
    return badges.has(normalizeLabel(label));
  }
}

/**
 * Whether a link's text, source [from, to), may read as an address to MdastReader (its URL_TEXT needs
 * `://`, `www.` or `mailto:`): only with a `:` or a `.` in it, or an `&` (an entity may decode to one).
 */
function mayReadAsAddress(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === 58 || c === 46 || c === 38) return true;
  }
  return false;
}

/** A lezer block node as FollowingQuotes sees it. */
function siblingKind(name: string): Sibling {
  if (name === 'Blockquote') return 'blockquote';
  if (name === 'Paragraph') return 'paragraph';
  if (name === 'HTMLBlock' || name === 'HorizontalRule' || name.startsWith('ATXHeading') || name.startsWith('SetextHeading')) return 'break';
  if (name === 'CommentBlock' || name === 'LinkReference' || name === 'ProcessingInstructionBlock') return 'none';
  return 'other';
}

/** mdast-util-to-string: what an image's alt text is made of. */
function toText(node: Nodes): string {
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(toText).join('');
  return '';
}

/** A code span's value as CommonMark gives it: line endings as spaces, one padding space stripped. */
function codeValue(t: string, node: SyntaxNode): string {
  const marks = node.getChildren('CodeMark');
  const from = marks[0] ? marks[0].to : node.from;
  const to = marks.length > 1 ? marks[marks.length - 1]!.from : node.to;
  let v = t.slice(from, to).replace(/\n[ \t>]*/g, ' ');
  if (v.length > 2 && v.startsWith(' ') && v.endsWith(' ') && /[^ ]/.test(v)) v = v.slice(1, -1);
  return v;
}


