// Where a finding (or a mapped prose char) must never be in a Markdown/MDX source: code, HTML tags
// and comments (the text of a raw HTML block is copy), URLs and destinations, link/definition
// titles, autolinks and e-mail addresses, footnote references, MDX ESM/expressions/JSX tags with
// their attributes (but the values of copy props: title, alt, label…), and front matter other than
// the values of the copy keys. Computed from the mdast on its own, as an oracle for the parser and for
// findings (the integrator reuses it).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import type { Nodes, Root } from 'mdast';
import { copyFields, DEFAULT_COPY_KEYS, readFrontMatter } from '../../rules/parse/frontmatter.js';
import { readableMdx } from '../../rules/parse/mdx.js';

const md = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const mdx = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMdx).use(remarkGfm);

export type Range = [start: number, end: number];

/** Sorted, merged [start, end) ranges. */
export function forbiddenRanges(source: string, opts: { mdx: boolean }): Range[] {
  let tree: Root | undefined;
  const out: Range[] = [];
  if (opts.mdx) {
    try {
      tree = mdx.parse(source);
    } catch {
      // The parser skips what MDX cannot read (an HTML comment, an unclosed tag) and reads the
      // rest as MDX, or falls back to Markdown: the oracle reads the same text.
      const r = readableMdx(source);
      if (!r.asMarkdown) {
        tree = mdx.parse(r.input);
        for (const [s, e] of r.skipped) out.push([s, e]);
      }
    }
  }
  tree ??= md.parse(source);
  const shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const S = (n: Nodes) => n.position!.start.offset! + shift;
  const E = (n: Nodes) => n.position!.end.offset! + shift;
  const add = (s: number, e: number) => {
    if (e > s) out.push([s, e]);
  };

  const visit = (node: Nodes, parent?: Nodes): void => {
    if (!node.position) {
      // GFM's e-mail autolinks can come without a position (`_a@b.example_`): find the address
      // inside the parent; it is never prose. (Text split off around it is.)
      if (node.type !== 'link') return;
      const text = toText(node);
      // Search after the nearest earlier sibling that has a position: the same address may stand
      // earlier in the paragraph as plain text ("wordhttps://x…" is no autolink).
      let from = parent?.position ? S(parent) : 0;
      const siblings = parent && 'children' in parent ? (parent.children as Nodes[]) : [];
      let skipped = 0;
      for (let i = siblings.indexOf(node) - 1; i >= 0; i--) {
        const sib = siblings[i]!;
        if (sib.position?.end.offset !== undefined) {
          from = E(sib);
          break;
        }
        // Text split off by the transform has no position either: it stands before the address.
        skipped += sib.type === 'text' ? sib.value.length : 0;
      }
      from += skipped;
      const at = text ? source.indexOf(text, from) : -1;
      if (at >= 0 && (!parent?.position || at + text.length <= E(parent))) add(at, at + text.length);
      return;
    }
    if (node.type === 'html' && parent && FLOW_PARENTS.has(parent.type)) {
      tagRanges(source, S(node), E(node), add);
      return;
    }
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'definition':
      case 'footnoteReference':
      case 'toml':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(S(node), E(node));
        return;
      case 'yaml': {
        // All of it except the title and description values.
        const fm = readFrontMatter(source);
        let at = S(node);
        const keep = fm ? copyFields(source, fm, [...DEFAULT_COPY_KEYS]).map((c) => c.field) : [];
        for (const f of keep) {
          add(at, f.start);
          at = Math.max(at, f.end);
        }
        add(at, E(node));
        return;
      }
      case 'link': {
        const s = S(node);
        if (source[s] !== '[' || /^\s*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*\s*$/i.test(toText(node))) {
          add(s, E(node)); // autolink, bare URL, e-mail address, [https://…](…)
          return;
        }
        // `](destination "title")` after the text.
        const last = node.children[node.children.length - 1];
        const close = last ? E(last) : labelEnd(source, s + 1, E(node));
        add(close + 1, E(node));
        break;
      }
      case 'image': {
        const s = S(node);
        add(s, s + 2);
        add(labelEnd(source, s + 2, E(node)), E(node));
        return;
      }
      case 'imageReference':
        // The label is alt text; the reference part is not prose.
        add(labelEnd(source, S(node) + 2, E(node)) + 1, E(node));
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        // The tags (with their attributes); children are copy.
        const kids = node.children as Nodes[];
        if (kids.length === 0) {
          tagRanges(source, S(node), E(node), add);
          return;
        }
        tagRanges(source, S(node), S(kids[0]!), add);
        add(E(kids[kids.length - 1]!), E(node));
        break;
      }
    }
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c, node);
  };
  visit(tree);
  return merge(out);
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'mdxJsxFlowElement']);
/** Attributes and props whose values are copy. */
const COPY_ATTRIBUTE = /\b(?:alt|title|aria-label|label|description|caption)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The tags, comments and non-prose elements of HTML in [s, e), less the values of copy attributes. */
function tagRanges(source: string, s: number, e: number, add: (s: number, e: number) => void): void {
  const html = source.slice(s, e);
  for (const m of html.matchAll(/<!--[^]*?(?:-->|$)|<(script|style|pre|code|textarea)\b[^]*?(?:<\/\1\s*>|$)|<[^>]*(?:>|$)/gi)) {
    let at = s + m.index;
    const end = at + m[0].length;
    if (!m[0].startsWith('<!--') && !m[1]) {
      for (const a of m[0].matchAll(COPY_ATTRIBUTE)) {
        const value = a[1] ?? a[2]!;
        const vs = s + m.index + a.index + a[0].length - value.length - 1;
        add(at, vs);
        at = vs + value.length;
      }
    }
    add(at, end);
  }
}

function toText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(toText).join('');
  return '';
}

/** The `]` closing a link label that starts at `from` (backslash escapes, nested brackets, code spans). */
function labelEnd(src: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '`') {
      let n = 1;
      while (src[i + n] === '`') n++;
      const close = src.indexOf('`'.repeat(n), i + n);
      if (close > 0 && close < to) i = close + n - 1;
      else i += n - 1;
    } else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return to;
}

function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The range containing offset, if any (ranges sorted and merged). */
export function rangeAt(ranges: Range[], offset: number): Range | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (offset < r[0]) hi = mid - 1;
    else if (offset >= r[1]) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** Whether [start, end) overlaps any forbidden range (for checking findings). */
export function overlapsForbidden(ranges: Range[], start: number, end: number): Range | undefined {
  for (let i = start; i < end; i++) {
    const r = rangeAt(ranges, i);
    if (r) return r;
  }
  return undefined;
}
