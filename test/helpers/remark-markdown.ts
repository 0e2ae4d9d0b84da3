// Markdown as remark (micromark, with remark-gfm and remark-frontmatter) reads it: the oracle the
// Markdown front end (lezer, rules/parse/markdown.ts) is compared with in
// test/differential/markdown-remark.test.ts, and the reader the long-run joining of the MDX path
// is checked with. The packages are called directly here; remark's tree is read into prose by the
// same code that reads MDX (rules/parse/mdast-prose.ts).
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { joinLongRuns, LONG_RUN } from '../../rules/parse/long-runs.js';
import { proseFromMdast } from '../../rules/parse/mdx.js';
import type { ProseDocument } from '../../rules/types.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** `source` read by remark as Markdown; runs of `longRun` plain lines or more are joined first (as for MDX). */
export function remarkMarkdown(source: string, file: string, longRun = LONG_RUN): ProseDocument {
  const joined = joinLongRuns(source, longRun);
  const input = joined?.text ?? source;
  const tree = processor.parse(input) as Root;
  return proseFromMdast(source, file, 'markdown', tree, { input, joined: joined && { source, at: joined.at } });
}

/** Source offsets [start, end) of the raw HTML blocks remark finds in `source` (Markdown). */
export function rawHtmlRanges(source: string): Array<[number, number]> {
  const tree = processor.parse(source) as Root;
  const out: Array<[number, number]> = [];
  const visit = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }): void => {
    if (node.type === 'html' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) out.push([node.position.start.offset, node.position.end.offset]);
    for (const c of node.children ?? []) visit(c as typeof node);
  };
  visit(tree as unknown as Parameters<typeof visit>[0]);
  return out;
}
