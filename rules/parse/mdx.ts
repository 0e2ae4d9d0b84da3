// MDX copy → prose blocks. MDX is read by remark (micromark with remark-mdx, remark-gfm and
// remark-frontmatter), the only MDX parser there is; its tree is read by mdast-prose.ts. An .mdx
// that remark-mdx refuses (it is strict: an HTML comment, a stray `<` or `{`) is read as Markdown by
// remark, its `{/* … */}` comments still directives. Plain Markdown never comes here: it goes
// through the lezer front end (markdown.ts).
import type { Root } from 'mdast';
import type { ProseDocument } from '../types.js';
import { htmlCommentDirectives } from './directives.js';
import { plainBlocks } from './plain.js';
import { joinLongRuns, LONG_RUN, type JoinedRuns } from './long-runs.js';
import { MdastReader } from './mdast-prose.js';
import { finishDocument, ProseBuilder, type CopyOptions } from './prose-builder.js';
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

export function parseMdx(source: string, path: string, opts: MdxOptions = {}): ProseDocument {
  // What micromark reads: the source, or the source with long runs of lines joined (same length).
  const joined = joinLongRuns(source, opts.longRun ?? LONG_RUN);
  const input = joined?.text ?? source;
  let tree: Root | undefined;
  let asMarkdown = false;
  try {
    tree = mdx().parse(input);
  } catch {
    asMarkdown = true;
  }
  try {
    tree ??= markdown().parse(input);
  } catch {
    // micromark does not throw on Markdown, but a crash here must not take the linter down.
    return { path, format: 'mdx', source, blocks: plainBlocks(source), directives: htmlCommentDirectives(source) };
  }
  return proseFromMdast(source, path, 'mdx', tree, { input, joined: joined && { source, at: joined.at }, mdxComments: asMarkdown, copy: opts });
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
  const reader = new MdastReader(builder, input);
  return finishDocument(source, path, format, builder, () => reader.children(tree, 'paragraph'), opts.copy);
}
