// MDX that remark-mdx cannot read whole: what it cannot read is skipped with a notice, the rest is read as MDX.
import { describe, expect, it } from 'vitest';
import { parseMdx } from './mdx.js';
import { lintText } from '../lint.js';
import { makeGuide } from '../../test/helpers/guide.js';
import { SEPARATOR } from '../types.js';

const S = SEPARATOR;

describe('MDX with an HTML comment or an unclosed tag', () => {
  it('skips an HTML comment (its directive still counts) and reads the JSX children', () => {
    const src = '# Hi\n\n<!-- brandlint-disable-next-line banned -->\nWe utilize it.\n\n<Card kind="x">\n\nCard copy here.\n\n</Card>\n';
    const doc = parseMdx(src, 'p.mdx');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Hi', 'We utilize it.', 'Card copy here.']);
    expect(doc.notices?.map((n) => [src.slice(n.start, n.end), n.message])).toEqual([
      ['<!-- brandlint-disable-next-line banned -->', 'An HTML comment is not MDX (MDX comments are written {/* … */}); it was skipped.'],
    ]);
    expect(doc.directives.map((d) => d.kind)).toEqual(['disable-next-line']);
  });

  it('skips a tag that is never closed, says so at its line, and reads the rest', () => {
    const src = 'Intro.\n\n<Card title="Fast">\n\nSome text\n\nMore text.\n';
    const doc = parseMdx(src, 'p.mdx');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Intro.', 'Some text', 'More text.']);
    expect(doc.notices).toHaveLength(1);
    expect(src.slice(doc.notices![0]!.start, doc.notices![0]!.end)).toBe('<Card title="Fast">');
    expect(doc.notices![0]!.message).toMatch(/^MDX could not read this \(Expected a closing tag for `<Card>`/);
  });

  it('a stray { or < becomes a separator', () => {
    expect(parseMdx('Hello {world\n\nI <3 it\n', 'p.mdx').blocks.map((b) => b.text)).toEqual([`Hello ${S}world`, `I ${S}3 it`]);
  });

  it('the notice is a finding of rule `parse` (info) at its line, and the copy around it is linted', () => {
    const guide = makeGuide({ banned: [{ phrases: ['utilize'], use: ['use'] }] });
    const r = lintText('/x/p.mdx', 'Intro.\n\n<!-- note -->\n\n<Tip>\nWe utilize it.\n</Tip>\n', guide);
    expect(r.findings.map((f) => [f.rule, f.level, f.line, f.text])).toEqual([
      ['parse', 'info', 3, '<!-- note -->'],
      ['banned', 'warning', 6, 'utilize'],
    ]);
  });

  it('a file MDX cannot be made to read is read as Markdown, with a notice', () => {
    const src = Array.from({ length: 30 }, (_, i) => `<A${i}>\n\nText ${i}.\n`).join('\n');
    const doc = parseMdx(src, 'p.mdx');
    expect(doc.notices!.map((n) => n.message)).toEqual([expect.stringMatching(/^MDX could not read this file \(.*\); it was read as Markdown\.$/)]);
    expect(doc.blocks.some((b) => b.text === 'Text 29.')).toBe(true);
  });
});

describe('front matter and JSX props that are copy', () => {
  it('reads the default copy keys and FAQ entries; a path or an identifier is not copy', async () => {
    const { parseMarkdown } = await import('./markdown.js');
    const src = '---\ntitle: Hello world\nsummary: A short summary\ncta: /signup\nslug: hello-world\nfaq:\n  - question: What is Acme?\n    answer: "A tool."\n---\nBody.\n';
    const doc = parseMarkdown(src, 'a.md');
    expect(doc.blocks.map((b) => [b.kind, b.field ?? '', b.text])).toEqual([
      ['front-matter', 'title', 'Hello world'],
      ['front-matter', '', 'A short summary'],
      ['front-matter', '', 'What is Acme?'],
      ['front-matter', '', 'A tool.'],
      ['paragraph', '', 'Body.'],
    ]);
    const only = parseMarkdown(src, 'a.md', { frontMatter: ['faq.answer'] });
    expect(only.blocks.map((b) => b.text)).toEqual(['A tool.', 'Body.']);
  });

  it('copy props on any component, and the guide’s extra prop names', () => {
    const src = '<Hero title="Ship &amp; relax" heading="Big news" href="/x" />\n\nA <Tip caption="Cap text">t</Tip>\n';
    expect(parseMdx(src, 'p.mdx').blocks.map((b) => [b.kind, b.text])).toEqual([
      ['attribute', 'Ship & relax'], ['attribute', 'Cap text'], ['paragraph', `A ${S}t${S}`],
    ]);
    expect(parseMdx(src, 'p.mdx', { props: ['heading'] }).blocks.map((b) => b.text)).toContain('Big news');
  });
});
