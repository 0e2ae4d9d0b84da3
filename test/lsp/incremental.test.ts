// The language server's incremental lint (chunked Markdown parse + per-block report cache) must
// give exactly what a full lint gives: random edit sequences over corpus documents, each step
// compared with lintText on the same text. Timings are never asserted.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText, loadGuide, type Block, type Guide } from '../../rules/index.js';
import { DocumentLinter, frontMatterEnd, isBoundary, nextBoundary } from '../../server/incremental.js';
import { apostrophes } from '../../rules/checks/contractions/contractions.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const present = existsSync(path.join(CORPUS, 'marketing-copy'));
// INCREMENTAL_RUNS=10 multiplies the runs for a longer search.
const X = Math.max(1, Number(process.env.INCREMENTAL_RUNS) || 1);

function load(file: string): Guide {
  const r = loadGuide(file);
  if (!r.ok) throw new Error(`guide ${file}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.guide;
}

function walk(dir: string, re: RegExp, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, re, out);
    else if (re.test(e.name)) out.push(p);
  }
  return out;
}

/** Every k-th file by size, so small, typical and the largest documents all take part. */
function spread(files: string[], n: number): string[] {
  const sorted = [...files].sort((a, b) => statSync(a).size - statSync(b).size || (a < b ? -1 : 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sorted[Math.min(sorted.length - 1, Math.floor(((i + 0.5) * sorted.length) / n))]!);
  out.push(sorted[sorted.length - 1]!);
  return [...new Set(out)];
}

// What editing Markdown copy types: prose, the guide's phrases, and every construct that can reach
// past a blank line (fences, HTML blocks and comments, front matter, definitions, indentation).
const SNIPPETS = [
  'We utilize GitHub.',
  ' utilize ',
  'Git Hub',
  'world-class',
  'It was decided by the team. ',
  'DO NOT MISS THIS!!! ',
  'colour',
  'do not',
  "don't",
  'don\u2019t',
  '\n',
  '\n\n',
  '\n\n\n',
  '```\n',
  '\n```js\n',
  '~~~',
  '<!--',
  '-->',
  '<!-- brandlint-disable -->',
  '<!-- brandlint-disable-next-line banned -->\n',
  '<!-- brandlint-enable -->',
  '<pre>\n\n',
  '</pre>',
  '<div>\n\n',
  '---\n',
  '\n---\n',
  '    ',
  '- ',
  '1. ',
  '> ',
  '# ',
  '===\n',
  '| a | b |\n| --- | --- |\n',
  '[x]: https://example.com\n',
  '[^1]: note\n',
  '[link](https://example.com)',
  '`code`',
  '&amp;',
  '\\',
  '*',
  '_',
  '{{ name }}',
  '\r\n',
  '\uFEFF',
  '😀',
  // Quotations that blocks around them tell: an attribution, a handle line, a transcript's turns.
  '\n\nAs Jane put it:\n\n> It was decided by the team.\n\n',
  'Alice wrote:\n\n',
  '\n\n@jane:\n\n',
  '\n\n**Jan Doe**: it was decided by the team.\n\n',
  'with Jan Doe ',
  '<blockquote>\n\n',
  '</blockquote>\n\n',
  '\n— Jane Doe\n',
  // A sponsors section reaches every block up to the next heading of its depth.
  '\n\n## Sponsors\n\n',
  '\n\n### Backers\n\n',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(200)),
  text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 }), fc.constant('')),
});

function apply(text: string, e: { at: number; del: number; text: string }): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + e.del));
}

function check(file: string, start: string, edits: Array<{ at: number; del: number; text: string }>, guide: Guide, languageId?: string): void {
  const linter = new DocumentLinter();
  let text = start;
  const steps = [start, ...edits];
  for (const step of steps) {
    if (typeof step !== 'string') text = apply(text, step);
    const inc = linter.lint(file, text, guide, { languageId });
    const full = lintText(file, text, guide, { languageId });
    expect(inc.skipped).toBe(full.skipped);
    const shape = (b: Block) => [b.kind, b.text, [...b.map], b.regions ?? []];
    expect(inc.doc?.blocks.map(shape)).toEqual(full.doc?.blocks.map(shape));
    expect(inc.doc?.directives).toEqual(full.doc?.directives);
    expect(inc.findings).toEqual(full.findings);
  }
}

describe('boundaries', () => {
  it('a boundary is a column-0 line after a blank line, whatever the line endings', () => {
    const s = 'a\n\nb\n  \nc\n d\n\n e\r\n\r\nf\r\rg';
    const found = [...s].map((_, i) => i).filter((i) => isBoundary(s, i));
    expect(found.map((i) => s[i])).toEqual(['b', 'c', 'f', 'g']);
    expect(nextBoundary(s, 0, s.length)).toBe(s.indexOf('b'));
    expect(nextBoundary(s, s.indexOf('c') + 1, s.length)).toBe(s.indexOf('f'));
  });
});

describe('cheap document-wide values', () => {
  it('apostrophes() counts what /\\p{L}A\\p{L}/gu matches', () => {
    const piece = fc.oneof(fc.constantFrom("'", '\u2019', 'a', 'É', '𝒜', '\ud835', '\udc9c', ' ', '1', 'ß', '\u0301'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(apostrophes(s, "'")).toBe(s.match(/\p{L}'\p{L}/gu)?.length ?? 0);
        expect(apostrophes(s, '\u2019')).toBe(s.match(/\p{L}\u2019\p{L}/gu)?.length ?? 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('frontMatterEnd covers the closing fence of front matter', () => {
    expect(frontMatterEnd('---\na: 1\n---\n\nx')).toBe(13);
    expect(frontMatterEnd('+++\na = 1\n+++\nx')).toBe(14);
    expect(frontMatterEnd('---\nunclosed\n\ntext')).toBe(18);
    expect(frontMatterEnd('text\n---\n')).toBe(0);
  });
});

describe('incremental lint equals a full lint', () => {
  const samples = load(path.join(ROOT, 'samples/brand.yaml'));
  const bench = load(path.join(ROOT, 'bench/brand.yaml'));

  it('on the samples, with random edits', () => {
    const docs = walk(path.join(ROOT, 'samples'), /\.(md|mdx|html|hbs|mjml|txt|tweet|post)$/).filter((f) => !/\.(expected|fixed)\./.test(f));
    expect(docs.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.array(edit, { maxLength: 8 }), (file, edits) => {
        check(file, readFileSync(file, 'utf8'), edits, samples);
      }),
      { numRuns: 60 * X },
    );
  }, 60_000 * X);

  it('on hand-made documents that open and close fences, comments and HTML blocks', () => {
    const file = path.join(ROOT, 'samples/blog/edit.md');
    const para = (i: number) => `Paragraph ${i}: we utilize Git Hub and it was decided by the team.`;
    const body = Array.from({ length: 60 }, (_, i) => para(i)).join('\n\n') + '\n';
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        check(file, `---\ntitle: We utilize it\n---\n\n${body}`, edits, samples);
      }),
      { numRuns: 40 * X },
    );
  }, 60_000 * X);

  describe.skipIf(!present)('on the corpus (skipped: ../shared/corpus is absent)', () => {
    it('Markdown, small to largest, with the benchmark guide (hundreds of terms, tone on)', () => {
      const files = spread(walk(path.join(CORPUS, 'marketing-copy'), /\.md$/), 10);
      const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
      fc.assert(
        fc.property(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 5 }), (file, edits) => {
          check(file, texts.get(file)!, edits, bench);
        }),
        { numRuns: 30 * X },
      );
    }, 120_000 * X);

    it('email templates and social drafts (whole parse, per-block reuse)', () => {
      const files = [
        ...spread(walk(path.join(CORPUS, 'email-templates'), /\.(html|hbs|mjml)$/), 4),
        ...spread(walk(path.join(CORPUS, 'social-posts'), /\.(md|txt|tweet)$/), 4),
      ];
      fc.assert(
        fc.property(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 4 }), (file, edits) => {
          check(file, readFileSync(file, 'utf8'), edits, bench);
        }),
        { numRuns: 20 * X },
      );
    }, 60_000 * X);
  });
});

describe('a link read by the term rules is part of the key of its block', () => {
  it('editing only the far end of a link address changes whether its text names the target', () => {
    const guide = load(path.join(ROOT, 'samples/brand.yaml'));
    const file = path.join(ROOT, 'samples/blog/links.md');
    const paras = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} is plain.`);
    const url = 'https://github.com/an-organisation-with-a-long-name/github';
    let text = `# Title\n\n${paras.join('\n\n')}\n\nThanks to [github](${url})\n`;
    const linter = new DocumentLinter();
    expect(linter.lint(file, text, guide).findings.filter((f) => f.rule === 'term')).toEqual([]);
    text = text.replace(url, url.replace(/github$/, 'tools'));
    const res = linter.lint(file, text, guide);
    expect(res.findings).toEqual(lintText(file, text, guide).findings);
    expect(res.findings.filter((f) => f.rule === 'term').map((f) => f.text)).toEqual(['github']);
  });
});

describe('quotations told by the blocks around them', () => {
  const guide = load(path.join(ROOT, 'samples/brand.yaml'));
  const file = path.join(ROOT, 'samples/blog/quotes.md');
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} is plain and short.`).join('\n\n');
  const passive = (f: { rule: string }) => f.rule === 'passive-voice';

  it('an attribution, a handle line and a transcript read across chunks and follow edits', () => {
    // Each construct sits where a chunk of the first parse ends (CHUNK characters of filler).
    const parts = [
      filler(110),
      'As Jane put it:',
      '> It was decided by the team.',
      filler(110),
      '@jane:',
      'It was decided by the team.',
      filler(110),
      '**Jan Doe**: it was decided by the team.',
      filler(110),
      '**Ann Lee**: it was decided by the board.',
      'We spoke with Jan Doe and Ann Lee.',
    ];
    let text = `# Title\n\n${parts.join('\n\n')}\n`;
    const linter = new DocumentLinter();
    const first = linter.lint(file, text, guide);
    expect(first.findings).toEqual(lintText(file, text, guide).findings);
    expect(first.findings.filter(passive)).toEqual([]);
    // Edits that take each quotation's cause away, one at a time: the quoted words become copy.
    for (const [from, to] of [
      ['As Jane put it:', 'As we put it.'],
      ['@jane:', 'Jane.'],
      ['We spoke with Jan Doe and Ann Lee.', 'We spoke.'],
    ] as const) {
      text = text.replace(from, to);
      const res = linter.lint(file, text, guide);
      expect(res.findings).toEqual(lintText(file, text, guide).findings);
      expect(res.findings.filter(passive).length).toBeGreaterThan(0);
    }
  });
});

describe('sponsors across chunks', () => {
  const guide = load(path.join(ROOT, 'samples/brand.yaml'));
  const file = path.join(ROOT, 'samples/blog/sponsors.md');
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} is plain and short.`).join('\n\n');
  const passive = (f: { rule: string }) => f.rule === 'passive-voice';
  it('a sponsors section spans chunks, ends at its next heading and follows edits', () => {
    let text = `# Title\n\n## Sponsors\n\n${filler(110)}\n\nIt was decided by the team.\n\n${filler(110)}\n\nIt was made by the team.\n\n## Usage\n\nIt was built by the team.\n`;
    const linter = new DocumentLinter();
    const first = linter.lint(file, text, guide);
    expect(first.findings).toEqual(lintText(file, text, guide).findings);
    expect(first.findings.filter(passive).map((f) => f.text)).toEqual(['was built']);
    text = text.replace('## Sponsors', '## Supported platforms');
    const res = linter.lint(file, text, guide);
    expect(res.findings).toEqual(lintText(file, text, guide).findings);
    expect(res.findings.filter(passive).length).toBe(3);
  });
});

describe('the incremental path does less work', () => {
  it('a keystroke in a long document re-parses one chunk and reuses the other blocks', () => {
    const guide = load(path.join(ROOT, 'samples/brand.yaml'));
    const file = path.join(ROOT, 'samples/blog/long.md');
    const paras = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} says we utilize Git Hub, which was decided by the team.`);
    let text = `# Title\n\n${paras.join('\n\n')}\n`;
    const linter = new DocumentLinter();
    linter.lint(file, text, guide);
    expect(linter.parser.stats.mode).toBe('full');
    const at = text.indexOf('Paragraph 150 ') + 10;
    text = text.slice(0, at) + 'x' + text.slice(at);
    const res = linter.lint(file, text, guide);
    expect(linter.parser.stats.mode).toBe('edit');
    expect(linter.parser.stats.parsed).toBeLessThan(text.length / 5);
    expect(linter.cache.stats.computed).toBeLessThan(linter.cache.stats.reused / 50);
    expect(res.findings).toEqual(lintText(file, text, guide).findings);
  });
});
