// MDX copy → prose blocks. MDX is read by remark (micromark with remark-mdx, remark-gfm and
// remark-frontmatter), the only MDX parser there is; its tree is read by mdast-prose.ts. An .mdx
// that remark-mdx refuses (it is strict: an HTML comment, a stray `<` or `{`) is read as Markdown by
// remark, its `{/* … */}` comments still directives. Plain Markdown never comes here: it goes
// through the lezer front end (markdown.ts).
import type { Root } from 'mdast';
import type { ParseNotice, ProseDocument } from '../types.js';
import { htmlCommentDirectives } from './directives.js';
import { plainBlocks } from './plain.js';
import { joinLongRuns, LONG_RUN, type JoinedRuns } from './long-runs.js';
import { MdastReader } from './mdast-prose.js';
import { finishDocument, maskSourceRanges, ProseBuilder, type CopyOptions } from './prose-builder.js';
import { lazyModule } from '../lazy-module.js';

// unified and the remark plugins (micromark, ~0.3 MB bundled) are loaded with the first .mdx
// document: the server and the CLI read Markdown with lezer and would otherwise compile and
// initialise them at every start. A processor per dialect, built once.
const unified = lazyModule<typeof import('unified')>('unified', () => require('unified'));
const remarkParse = lazyModule<typeof import('remark-parse')>('remark-parse', () => require('remark-parse'));
const remarkGfm = lazyModule<typeof import('remark-gfm')>('remark-gfm', () => require('remark-gfm'));
const remarkFrontmatter = lazyModule<typeof import('remark-frontmatter')>('remark-frontmatter', () => require('remark-frontmatter'));
const remarkMdx = lazyModule<typeof import('remark-mdx')>('remark-mdx', () => require('remark-mdx'));
const newProcessor = (mdx: boolean) => {
  const p = unified().unified().use(remarkParse().default).use(remarkFrontmatter().default, ['yaml', 'toml']);
  return (mdx ? p.use(remarkMdx().default) : p).use(remarkGfm().default);
};
let markdownProcessor: ReturnType<typeof newProcessor> | undefined;
let mdxProcessor: ReturnType<typeof newProcessor> | undefined;
const markdown = () => (markdownProcessor ??= newProcessor(false));
const mdx = () => (mdxProcessor ??= newProcessor(true));

export interface MdxOptions extends CopyOptions {
  /** Join runs of at least this many plain lines for micromark (long-runs.ts); tests lower it. */
  longRun?: number;
}

/** How many unreadable constructs are skipped before the file is read as Markdown instead. */
const MAX_REPAIRS = 25;

export function parseMdx(source: string, path: string, opts: MdxOptions = {}): ProseDocument {
  // What micromark reads: the source, or the source with long runs of lines joined (same length).
  const joined = joinLongRuns(source, opts.longRun ?? LONG_RUN);
  const repaired = readableMdx(joined?.text ?? source);
  let { tree, input } = repaired;
  const { asMarkdown, notices, skipped } = repaired;
  if (asMarkdown) input = joined?.text ?? source;
  try {
    tree ??= markdown().parse(input);
  } catch {
    // micromark does not throw on Markdown, but a crash here must not take the linter down.
    return { path, format: 'mdx', source, blocks: plainBlocks(source), directives: htmlCommentDirectives(source), notices };
  }
  const doc = proseFromMdast(source, path, 'mdx', tree, { input, joined: joined && { source, at: joined.at }, mdxComments: asMarkdown, copy: opts });
  if (!asMarkdown && skipped.length) {
    // What was skipped is no prose: one separator per run, as any markup.
    const ranges = [...skipped].sort((a, b) => a[0] - b[0]);
    doc.blocks = doc.blocks.map((b) => maskSourceRanges(b, ranges, 'html')).filter((b) => /[\p{L}\p{N}]/u.test(b.text));
    // Directives in the skipped HTML comments still count.
    const extra = htmlCommentDirectives(source).filter((d) => skipped.some(([a, b]) => a <= d.start && d.end <= b));
    if (extra.length) doc.directives = [...doc.directives, ...extra].sort((a, b) => a.start - b.start);
  }
  if (notices.length) doc.notices = notices.sort((a, b) => a.start - b.start);
  return doc;
}

/**
 * remark-mdx is strict: one HTML comment or unclosed tag fails the whole file. What it cannot read
 * is blanked (same length, so offsets hold) and reported as a notice, and the rest is read as MDX;
 * after MAX_REPAIRS the file is to be read as Markdown (`asMarkdown`), with a notice saying so.
 */
export function readableMdx(text: string): { tree?: Root; input: string; asMarkdown: boolean; notices: ParseNotice[]; skipped: Array<[number, number]> } {
  let input = text;
  let tree: Root | undefined;
  let asMarkdown = false;
  const notices: ParseNotice[] = [];
  const skipped: Array<[number, number]> = [];
  for (let attempt = 0; !tree; attempt++) {
    try {
      tree = mdx().parse(input);
    } catch (err) {
      const bad = attempt < MAX_REPAIRS ? unreadable(err, input) : undefined;
      if (!bad || skipped.some(([a, b]) => a === bad.start && b === bad.end)) {
        // Read as Markdown after all: the notices of the repairs no longer hold.
        notices.length = 0;
        notices.push({ ...noticeSpan(input, bad?.start ?? errorOffset(err, input)), message: `MDX could not read this file (${reasonOf(err)}); it was read as Markdown.` });
        asMarkdown = true;
        break;
      }
      if (bad.comment) {
        // Every HTML comment at once (outside code): MDX has none, and a page often has several.
        for (const c of htmlComments(input)) {
          skipped.push(c);
          notices.push({ ...noticeSpan(input, c[0]), message: 'An HTML comment is not MDX (MDX comments are written {/* … */}); it was skipped.' });
          input = blank(input, c[0], c[1]);
        }
        if (!htmlComments(input).length && skipped.some(([a]) => a === bad.start)) continue;
      }
      if (!skipped.some(([a, b]) => a <= bad.start && bad.end <= b)) {
        skipped.push([bad.start, bad.end]);
        notices.push({ ...noticeSpan(input, bad.start), message: `MDX could not read this (${reasonOf(err)}); it was skipped and the rest of the file was read.` });
        input = blank(input, bad.start, bad.end);
      }
    }
  }
  return { tree, input, asMarkdown, notices, skipped };
}

interface MdxError {
  reason?: string;
  message?: string;
  place?: { offset?: number; line?: number; column?: number; start?: { offset?: number }; end?: { offset?: number } };
}

function reasonOf(err: unknown): string {
  const e = err as MdxError;
  return String(e?.reason ?? e?.message ?? err).replace(/\s+/g, ' ').slice(0, 300);
}

/** micromark's offsets leave out a BOM. */
const bomOf = (text: string) => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

function errorOffset(err: unknown, text: string): number {
  const p = (err as MdxError)?.place;
  const o = p?.start?.offset ?? p?.offset;
  return typeof o === 'number' ? Math.min(text.length, o + bomOf(text)) : 0;
}

/**
 * What remark-mdx could not read, as a source range: the opening tag that is never closed, the
 * stray closing tag, the HTML comment, or the `<` or `{` that starts what is not JSX or an expression.
 */
function unreadable(err: unknown, text: string): { start: number; end: number; comment?: boolean } | undefined {
  const e = err as MdxError;
  const reason = reasonOf(err);
  const bom = bomOf(text);
  const open = /^Expected a closing tag for `[^`]*` \((\d+):(\d+)-(\d+):(\d+)\)/.exec(reason);
  if (open) {
    const start = offsetAt(text, +open[1]!, +open[2]!);
    const end = offsetAt(text, +open[3]!, +open[4]!);
    return end > start ? { start, end } : undefined;
  }
  const p = e?.place;
  const ranged = p?.start?.offset !== undefined && p.end?.offset !== undefined && p.end.offset > p.start.offset;
  const point = ranged ? p!.start!.offset : p?.offset;
  if (typeof point !== 'number') return undefined;
  const at = Math.min(text.length, point + bom);
  // The `<` or `{` that began the construct: the nearest one at or before the error, on its line.
  for (let k = Math.min(at, text.length - 1); k >= 0 && at - k < 2000; k--) {
    const c = text[k];
    if (c === '\n' && k < at) break;
    if (c === '<') {
      if (text.startsWith('<!--', k)) {
        const close = text.indexOf('-->', k + 4);
        return { start: k, end: close < 0 ? lineEndOf(text, k) : close + 3, comment: true };
      }
      return { start: k, end: tagEnd(text, k, ranged ? p!.end!.offset! + bom : k + 1) };
    }
    if (c === '{') return { start: k, end: k + 1 };
  }
  return ranged ? { start: at, end: p!.end!.offset! + bom } : undefined;
}

/** The end of a tag that starts at `at`: past its `>` when that is on the same line, else `min`. */
function tagEnd(text: string, at: number, min: number): number {
  const line = lineEndOf(text, at);
  const gt = text.indexOf('>', at);
  return gt >= 0 && gt < line ? Math.max(min, gt + 1) : min;
}

/** HTML comments outside fenced code, as source ranges. */
function htmlComments(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let fence: string | undefined;
  let pos = 0;
  while (pos < text.length) {
    const end = lineEndOf(text, pos);
    const line = text.slice(pos, end);
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
    } else if (f) fence = f[1];
    else {
      for (let k = line.indexOf('<!--'); k >= 0; k = line.indexOf('<!--', k + 4)) {
        const close = text.indexOf('-->', pos + k + 4);
        const stop = close < 0 ? text.length : close + 3;
        out.push([pos + k, stop]);
        if (stop > end) break;
        k = stop - pos - 4;
      }
      const last = out[out.length - 1];
      if (last && last[1] > end) {
        pos = last[1];
        continue;
      }
    }
    pos = end + 1;
  }
  return out;
}

function lineEndOf(text: string, at: number): number {
  let e = at;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return e;
}

/** A notice's span: from `at` to the end of its line (at least one character). */
function noticeSpan(text: string, at: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(at, text.length));
  return { start, end: Math.max(Math.min(start + 1, text.length), lineEndOf(text, start)) };
}

/** Offset of a 1-based line and column. */
function offsetAt(text: string, line: number, column: number): number {
  let at = bomOf(text);
  for (let l = 1; l < line && at < text.length; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + column - 1);
}

/** Same-length blanks over [from, to), keeping line breaks. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to);
}

/**
 * remark's tree of a document → its prose. `input` is the text remark read (the source, or the
 * source with long runs joined: `joined` says where); `mdxComments`: an .mdx read as Markdown,
 * whose `{/* … *\/}` comments are directives, never prose.
 */
export function proseFromMdast(
  source: string,
  path: string,
  format: 'markdown' | 'mdx',
  tree: Root,
  opts: { input?: string; joined?: JoinedRuns; mdxComments?: boolean; copy?: CopyOptions } = {},
): ProseDocument {
  const input = opts.input ?? source;
  const builder = new ProseBuilder(input, opts.mdxComments ?? false, opts.joined);
  const reader = new MdastReader(builder, input, opts.copy?.props);
  return finishDocument(source, path, format, builder, () => reader.children(tree, 'paragraph'), opts.copy);
}
