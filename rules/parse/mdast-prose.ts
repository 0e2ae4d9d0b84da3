// remark's tree (mdast) → prose blocks, written to a ProseBuilder. It reads whole MDX documents
// (mdx.ts), and in the Markdown front end (markdown.ts) the few inline nodes that are built as mdast:
// links and images, and a leaf block that GFM's literal-autolink transform (remark-gfm's own code)
// rewrites. mdast positions are offsets into the text remark read, which drops a leading BOM.
import type { Nodes, Parents } from 'mdast';
import type { BlockKind } from '../types.js';
import { isBadgeUrl } from './badges.js';
import { BlockBuilder } from './builder.js';
import { parseDirective } from './directives.js';
import { decodeEntityAt } from './html.js';
import { MAX_NESTING, type ProseBuilder } from './prose-builder.js';
import { FollowingQuotes, quoteBlock, type Sibling } from './quotations.js';

/** JSX props whose string values are copy, on any component (a guide may add more: `copy.props`). */
export const COPY_PROPS: readonly string[] = ['title', 'alt', 'label', 'description', 'caption'];
/** Components that hold someone else's words: <Testimonial>, <Quote>, <PullQuote>, <BlockQuote>… */
const QUOTE_COMPONENT = /(?:^|\.)(?:[A-Z]\w*)?(?:Testimonial|Quote|Quotation)s?$|^(?:blockquote|q)$/;

type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

/** The container a paragraph is in: it names the paragraph's block kind. */
export type Container = 'paragraph' | 'list-item' | 'blockquote' | 'footnote';

export class MdastReader {
  private readonly out: ProseBuilder;
  private readonly source: string;
  /** micromark drops a leading BOM, so its offsets are one short of ours. */
  private readonly shift: number;

  private readonly props: ReadonlySet<string>;
  /** The identifiers of definitions whose destination is a status badge. */
  private badges: Set<string> | undefined;

  /** `source`: the text the builder's offsets are in (with its BOM, if any); `props`: JSX props that are copy besides the default ones. */
  constructor(out: ProseBuilder, source: string, props: readonly string[] = []) {
    this.out = out;
    this.source = source;
    this.shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.props = new Set([...COPY_PROPS, ...props]);
  }

  /** The string values of a JSX element's copy props, each a block of its own (pushed after the blocks read so far). */
  private propBlocks(node: JsxElement): void {
    for (const a of node.attributes) {
      if (a.type !== 'mdxJsxAttribute' || typeof a.value !== 'string' || !a.position || !this.props.has(a.name)) continue;
      const s = this.startOf(a);
      const e = this.endOf(a);
      const eq = this.source.indexOf('=', s);
      if (eq < 0 || eq >= e) continue;
      let q = eq + 1;
      while (q < e && /\s/.test(this.source[q]!)) q++;
      const quote = this.source[q];
      if ((quote !== '"' && quote !== "'") || this.source[e - 1] !== quote) continue;
      const b = new BlockBuilder();
      for (let i = q + 1; i < e - 1; ) {
        const ent = this.source[i] === '&' ? decodeEntityAt(this.source, i, e - 1) : undefined;
        if (ent) {
          for (let k = 0; k < ent.text.length; k++) b.push(ent.text[k]!, i + Math.min(k, ent.length - 1));
          i += ent.length;
          continue;
        }
        b.push(this.source[i]!, i);
        i++;
      }
      const block = b.take(a.name === 'alt' ? 'alt' : 'attribute');
      if (block) this.out.blocks.push(block);
    }
  }

  /** A quotation component: every block read since `from` is someone else's words. */
  private quoted(node: JsxElement, from: number): void {
    if (!node.name || !QUOTE_COMPONENT.test(node.name)) return;
    for (let k = from; k < this.out.blocks.length; k++) quoteBlock(this.out.blocks[k]!);
  }

  private startOf(n: { position?: { start: { offset?: number } } }): number {
    return (n.position?.start.offset ?? 0) + this.shift;
  }
  private endOf(n: { position?: { end: { offset?: number } } }): number {
    return (n.position?.end.offset ?? 0) + this.shift;
  }

  private depth = 0;

  /** `nests`: a level of nesting (a list item, a block quote, a component); a list itself is not one more. */
  children(parent: Parents, container: Container, nests = true): void {
    if (parent.type === 'root' && !this.badges) this.badges = badgeDefinitions(parent);
    if (nests && this.depth >= MAX_NESTING) {
      if (this.out.tooDeepAt < 0) this.out.tooDeepAt = this.startOf(parent);
      return;
    }
    if (nests) this.depth++;
    const follow = new FollowingQuotes(this.out.blocks);
    for (const child of parent.children as Nodes[]) {
      const first = this.out.blocks.length;
      const before = follow.before(first);
      this.flow(child, container);
      follow.read(siblingKind(child), first, before);
    }
    if (nests) this.depth--;
  }

  /** Block-level nodes. */
  private flow(node: Nodes, container: Container): void {
    switch (node.type) {
      case 'heading':
        this.block(node, 'heading', node.depth);
        return;
      case 'paragraph':
        this.block(node, container);
        return;
      case 'blockquote':
        this.children(node, 'blockquote');
        return;
      case 'list':
        this.children(node, container, false);
        return;
      case 'listItem':
        this.children(node, 'list-item');
        return;
      case 'footnoteDefinition':
        this.children(node, 'footnote');
        return;
      case 'table':
        for (const row of node.children) for (const cell of row.children) this.block(cell, 'table-cell');
        return;
      case 'html':
        this.htmlDirectives(node);
        return;
      case 'mdxFlowExpression':
        this.mdxDirective(node);
        return;
      case 'mdxJsxFlowElement': {
        // Markdown inside a component (<Callout>…</Callout>) is copy; of its attributes, the copy props are.
        const from = this.out.blocks.length;
        this.propBlocks(node);
        this.children(node, container);
        this.quoted(node, from);
        return;
      }
      default:
        // code, yaml, toml, definition, thematicBreak, mdxjsEsm: never prose.
        return;
    }
  }

  private block(node: Parents, kind: BlockKind, depth?: number): void {
    this.out.begin();
    this.inline(node);
    this.out.end(kind, depth);
  }

  /** A leaf block's content as mdast (its nodes may lack positions: GFM's transform made them). */
  phrasing(parent: Parents): void {
    this.inline(parent);
  }

  private inline(parent: Parents): void {
    this.placeOrphans(parent);
    for (const node of parent.children as Nodes[]) this.phrase(node);
  }

  /** One inline (phrasing) node. */
  phrase(node: Nodes): void {
    switch (node.type) {
      case 'text':
        this.out.text(node.value, this.startOf(node), this.endOf(node));
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        this.inline(node);
        break;
      case 'link':
      case 'linkReference': {
        const at = this.startOf(node);
        const first = this.source.charCodeAt(at);
        if (node.type === 'link' && first !== 0x5b /* [ */) {
          // `<https://…>`, a bare URL or e-mail address (GFM): the text is the address itself.
          this.out.separator(at, 'url');
          if (!node.url.startsWith('mailto:')) this.out.mark('link');
        } else if (node.children.length && URL_TEXT.test(plainText(node))) {
          // [https://linkerd.io](https://linkerd.io): the text is an address too.
          this.out.separator(this.startOf(node.children[0]!), 'url');
          this.out.mark('link');
        } else {
          this.inline(node);
          this.out.mark('link');
        }
        break;
      }
      case 'break':
        this.out.lineBreak(this.startOf(node), this.endOf(node));
        break;
      case 'inlineCode':
        this.out.separator(this.startOf(node), 'code');
        break;
      case 'html':
        this.out.separator(this.startOf(node), 'html');
        this.htmlDirectives(node);
        break;
      case 'footnoteReference':
        this.out.separator(this.startOf(node), 'footnote');
        break;
      case 'image':
      case 'imageReference':
        this.out.separator(this.startOf(node), 'url');
        if (!(node.type === 'image' ? isBadgeUrl(node.url) : this.badges?.has(node.identifier))) this.out.alt(node.alt ?? '', this.startOf(node), this.endOf(node));
        break;
      case 'mdxTextExpression':
        this.out.separator(this.startOf(node), 'code');
        this.mdxDirective(node);
        break;
      case 'mdxJsxTextElement': {
        // The tags are not prose (their copy props are blocks of their own); the children (<b>best</b>) are.
        this.propBlocks(node);
        const s = this.startOf(node);
        this.out.separator(s, 'html');
        if (node.children.length) {
          this.inline(node);
          const last = node.children[node.children.length - 1]!;
          const close = this.endOf(last);
          if (close < this.endOf(node)) this.out.separator(close, 'html');
        }
        break;
      }
      default:
        break;
    }
  }

  /**
   * GFM's e-mail autolinks are made by a tree transform that leaves some nodes (an address that is
   * a whole emphasis, `_a@b.example_`) without a position: find them in the source after the
   * previous sibling. Positions stay in micromark's offsets (before the BOM shift).
   */
  private placeOrphans(parent: Parents): void {
    const kids = parent.children as Nodes[];
    let cursor = parent.position?.start.offset ?? 0;
    const limit = parent.position?.end.offset ?? this.source.length - this.shift;
    for (let k = 0; k < kids.length; k++) {
      const node = kids[k]!;
      if (!node.position) {
        const t = plainText(node);
        const found = t ? this.source.indexOf(t, cursor + this.shift) - this.shift : -1;
        if (found >= cursor && found + t.length <= limit) setPosition(node, found, found + t.length);
        else {
          // Not verbatim in the source (`a&#64;b.example`): it lies before the next placed sibling.
          let next = limit;
          for (let m = k + 1; m < kids.length; m++) {
            const off = kids[m]!.position?.start.offset;
            if (off !== undefined) {
              next = off;
              break;
            }
          }
          setPosition(node, cursor, node.type === 'text' ? next : cursor);
          continue;
        }
      }
      cursor = node.position!.end.offset ?? cursor;
    }
  }

  private htmlDirectives(node: Nodes): void {
    this.out.html(this.startOf(node), this.endOf(node));
  }

  /** `{/* brandlint-disable … *\/}` in MDX. */
  private mdxDirective(node: Nodes): void {
    const value = (node as { value?: string }).value ?? '';
    const m = /^\s*\/\*([^]*)\*\/\s*$/.exec(value);
    if (!m) return;
    const d = parseDirective(m[1]!, this.startOf(node), this.endOf(node));
    if (d) this.out.directives.push(d);
  }
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Give a positionless node (and its positionless children) the span [s, e). */
function setPosition(node: Nodes, s: number, e: number): void {
  node.position = { start: { line: 0, column: 0, offset: s }, end: { line: 0, column: 0, offset: e } };
  if ('children' in node) for (const c of node.children as Nodes[]) if (!c.position) setPosition(c, s, e);
}

const URL_TEXT = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*\s*$/i;

/** An mdast block node as FollowingQuotes sees it. */
function siblingKind(node: Nodes): Sibling {
  switch (node.type) {
    case 'blockquote':
      return 'blockquote';
    case 'paragraph':
      return 'paragraph';
    case 'heading':
    case 'thematicBreak':
      return 'break';
    case 'html':
      // A comment is nothing between two blocks; other raw HTML breaks the copy.
      return /^\s*<!--[\s\S]*-->\s*$/.test(node.value) ? 'none' : 'break';
    case 'definition':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
      return 'none';
    default:
      return 'other';
  }
}

/** The identifiers of the document's definitions that point at a status badge (the first definition of an identifier counts). */
function badgeDefinitions(root: Parents): Set<string> {
  const seen = new Set<string>();
  const out = new Set<string>();
  const visit = (p: Parents): void => {
    for (const c of p.children) {
      if (c.type === 'definition') {
        if (!seen.has(c.identifier) && isBadgeUrl(c.url)) out.add(c.identifier);
        seen.add(c.identifier);
      } else if ('children' in c && (c.type === 'list' || c.type === 'listItem' || c.type === 'blockquote' || c.type === 'footnoteDefinition')) visit(c);
    }
  };
  visit(root);
  return out;
}
