// The front matter's fast path (the guide's fast YAML reader) against `yaml`'s positioned Document: same data, same fields with the same offsets, styles and values, on every
// corpus file and on generated front matter full of the cases where the two could part.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter, type FrontMatter } from '../../rules/parse/frontmatter.js';
import { CORPUS, present, walk } from '../helpers/corpus.js';

const plain = (fm: FrontMatter | undefined) =>
  fm && { start: fm.start, end: fm.end, bodyStart: fm.bodyStart, data: fm.data, fields: [...fm.fields] };

function same(source: string): void {
  expect(plain(readFrontMatter(source))).toEqual(plain(readFrontMatter(source, 'yaml')));
}

describe.skipIf(!present)('front matter: fast reader = yaml on every corpus file', () => {
  it('every file of the corpus with front matter', () => {
    let withFields = 0;
    for (const file of walk(CORPUS, /\.(md|mdx|markdown|html|mjml|hbs|txt|tweet)$/)) {
      const source = readFileSync(file, 'utf8');
      if (!/^\ufeff?---/.test(source)) continue;
      try {
        same(source);
      } catch (e) {
        throw new Error(`${path.relative(CORPUS, file)}: ${(e as Error).message}`);
      }
      if ((readFrontMatter(source)?.fields.size ?? 0) > 0) withFields++;
    }
    expect(withFields).toBeGreaterThan(500);
  }, 300_000);
});

if (!present) describe('front matter on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

describe('front matter: fast reader = yaml on tricky cases', () => {
  const cases = [
    'title: Hello world\n',
    'title: Hello world   \n',
    'title: Hello # a comment\n',
    'title: Hello#not a comment\n',
    'title: "Quoted: with colon"\n',
    "title: 'It''s single'\n",
    'title: "Esc \\"aped\\" \\\\ and \\t tab"\n',
    'title: "unterminated\n',
    'title:\n',
    'title: ~\n',
    'title: null\n',
    'year: 2024\n',
    'ratio: 1.50\n',
    'flag: true\n',
    'date: 2024-01-02\n',
    'tags: [a, b]\n',
    'tags:\n  - a\n  - b\n',
    'author:\n  name: Ann\n',
    'description: >\n  folded\n  text\n',
    'description: |\n  literal\n',
    'title: multi\n  line plain\n',
    'title: a\ntitle: b\n',
    '__proto__: x\n',
    '2024: numeric key\n',
    'title: "x" # comment\n',
    "title: 'x' # comment\n",
    'title: tab\there\n',
    '# only a comment\n',
    '',
    'title: Hello\r\nsummary: World\r\n',
    'title: &a anchor\nother: *a\n',
    'title: !tag tagged\n',
    'title: "café — “quotes”"\n',
    'title: x: y\n',
    'empty: ""\n',
    "empty: ''\n",
    // Multi-line plain and literal scalars (fieldsFolded), beside entries fastYaml reads.
    'summary: A discussion of testing\n  and an exploration.\n  Based on a talk.\nby:\n- Damien\n',
    'summary:\n  Go 1.24 brings generic\n  type aliases.\ndate: 2025-02-11\n',
    'summary:\n  true\n',
    'summary:\n  12\n',
    'summary: a\n\n  b\n\n\n  c\n\n',
    'summary: a   \n     b  \n',
    'summary: a\n  b: c\n',
    'summary: a\n  b #c\n',
    'summary: a\n  - b\n',
    'summary: a\n- b\n',
    'summary: “quoted”\n  text\n',
    'summary: a\n  "b"\n',
    'summary: a\n  b:\n',
    'summary: a\n  b\nsummary: c\n  d\n',
    'null: a\n  b\n',
    'True: a\n  b\n',
    'author:\n  name: Ann\nsummary: a\n  b\n',
    'quote: |\n  Line one,\n  line two.\n\n  Para two.\ntemplate: true\n',
    'quote: |-\n  Line one\n   more indented\n\n \n',
    'quote: |\n\n  after a blank\n',
    'quote: |\n    deep\n  shallow\n',
    'quote: |\n  a\n     \n  b\n',
    'quote: |+\n  kept\n\n',
    'quote: |2\n  x\n',
    'quote: |\n',
    'quote: | # c\n  x\n',
    'quote: >\n  folded\n  text\n',
    'a: |-\n  x\nb: y\n  z\nc: [d, e]\n',
  ];
  it.each(cases)('%j', (yaml) => {
    same(`---\n${yaml}---\n\n# Body\n`);
    same(`\ufeff---\n${yaml}---\nBody`);
  });

  it('generated key/value lines', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/);
    const piece = fc.constantFrom(
      'Hello', 'world', ' ', '  ', ':', ': ', '#', ' #', '"', "'", "''", '\\', '\\"', '-', '- ', '[', ']', '{', '}', ',',
      '1', '0', '1.5', 'true', 'null', '~', '&', '*', '!', '|', '>', '%', '@', '`', 'é', '—', '\t',
    );
    const value = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
    const quoted = fc.oneof(value.map((v) => `"${v}"`), value.map((v) => `'${v}'`), value);
    const line = fc.tuple(word, quoted, fc.constantFrom('', ' ', '  # note')).map(([k, v, tail]) => `${k}: ${v}${tail}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        same(`---${eol}${lines.join(eol)}${eol}---${eol}Body${eol}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('generated multi-line plain and literal scalars', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/);
    const piece = fc.constantFrom(
      'Hello', 'world', ' ', '  ', ':', ': ', '#', ' #', '"', "'", '\\', '-', '- ', '[', ']', '{', ',',
      '1', '1.5', 'true', 'null', '~', '&', '*', '!', '|', '|-', '>', '%', '@', '`', 'é', '“', '—',
    );
    const text = fc.array(piece, { maxLength: 5 }).map((xs) => xs.join(''));
    // A continuation line: its indentation, its text (or a blank line of some spaces).
    const cont = fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '-'), text).map(([ind, t]) => ind + t);
    const entry = fc.oneof(
      fc.tuple(word, text, fc.array(cont, { maxLength: 4 })).map(([k, v, more]) => [`${k}: ${v}`, ...more].join('\n')),
      fc.tuple(word, fc.constantFrom('|', '|-', '|+', '>'), fc.array(cont, { maxLength: 4 })).map(([k, h, more]) => [`${k}: ${h}`, ...more].join('\n')),
      fc.tuple(word, text).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(word, text).map(([k, v]) => `${k}:\n- ${v}`),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (entries) => {
        same(`---\n${entries.join('\n')}\n---\nBody\n`);
      }),
      { numRuns: 5000 },
    );
  });
});
