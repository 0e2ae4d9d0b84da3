// TEMPORARY: replaced by the remark-based parser (issue 2). Plain paragraphs until then.
import type { ProseDocument } from '../types.js';
import { plainBlocks } from './plain.js';
import { htmlCommentDirectives } from './directives.js';

export function parseMarkdown(source: string, path: string, opts: { mdx: boolean }): ProseDocument {
  return { path, format: opts.mdx ? 'mdx' : 'markdown', source, blocks: plainBlocks(source), directives: htmlCommentDirectives(source) };
}
