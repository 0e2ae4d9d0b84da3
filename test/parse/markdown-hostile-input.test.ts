// Large pathological Markdown and MDX never crash the parsers, and every prose char still maps back
// to its source outside code, HTML, URLs and other non-prose. Deep nesting and long runs of markup
// take seconds in remark (MDX, and the remark-based oracle of forbiddenRanges), so these run with
// the full suite; the small odd inputs are in rules/parse/markdown.test.ts.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../rules/parse/markdown.js';
import { parseMdx } from '../../rules/parse/mdx.js';
import { forbiddenRanges } from '../helpers/forbidden-ranges.js';
import { proseProblems } from '../helpers/prose-invariants.js';

describe('Markdown and MDX parsers: large pathological input', () => {
  const odd = ['*'.repeat(5000), '>'.repeat(2000) + ' x', '- '.repeat(500) + 'x', '[a]('.repeat(300), '| a |\n|-|\n|' + ' b |'.repeat(200)];
  it.each(odd.map((s) => [JSON.stringify(s).slice(0, 40), s]))('%s', (_n, s) => {
    for (const mdx of [false, true]) {
      const doc = mdx ? parseMdx(s, 'odd.mdx') : parseMarkdown(s, 'odd.md');
      expect(proseProblems(doc, forbiddenRanges(s, { mdx }))).toEqual([]);
    }
  }, 120_000);
});
