// Differential test for the non-prose pattern of rules/match/tokens.ts: nonProseSpansOf runs the
// pattern with ASCII classes and four stand-ins over a text whose non-ASCII letters and numbers are
// replaced by them (withStandIns); it must find exactly the matches of the pattern as written, with
// its \p{L}/\p{N} classes (NON_PROSE_SOURCE, compiled here), on whole texts: every corpus block and file, and random
// text full of other scripts' letters and digits, marks, astral characters, lone surrogates, e-mails,
// handles, paths, URLs and template tags. Timings are never asserted.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NON_PROSE_SOURCE, NON_PROSE_STAND_IN_SOURCE, withStandIns } from '../../rules/match/tokens.js';
import { SEPARATOR } from '../../rules/types.js';
import { CORPUS, corpusBlocks, present, walk } from '../helpers/corpus.js';

const AS_WRITTEN = new RegExp(NON_PROSE_SOURCE, 'gu');
const STAND_IN = new RegExp(NON_PROSE_STAND_IN_SOURCE, 'gu');
const matches = (re: RegExp, s: string) => Array.from(s.matchAll(re), (m) => [m.index, m[0].length]);
/** The stand-in pattern's matches in the text with stand-ins (what nonProseSpansOf trims into spans). */
const standInMatches = (t: string) => matches(STAND_IN, withStandIns(t));
/** The pattern as written, over the text as it is. */
const asWrittenMatches = (t: string) => matches(AS_WRITTEN, t);

describe('the stand-in pattern', () => {
  it('has no Unicode property class left', () => {
    expect(NON_PROSE_STAND_IN_SOURCE).not.toMatch(/\\[pP]\{/);
  });

  it('withStandIns keeps every code unit where it was, and each code point in its classes', () => {
    const classes = (c: string) => [/^\p{L}$/u.test(c), /^\p{N}$/u.test(c), /^\s$/u.test(c), /^\w$/.test(c), c.length];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (t) => {
        const s = withStandIns(t);
        expect(s.length).toBe(t.length);
        const a = [...t];
        const b = [...s];
        expect(b.length).toBe(a.length);
        a.forEach((c, i) => {
          expect(classes(b[i]!)).toEqual(classes(c));
          if (c.charCodeAt(0) < 128 || !/[\p{L}\p{N}]/u.test(c)) expect(b[i]).toBe(c);
        });
      }),
      { numRuns: 3000 },
    );
  });
});

describe.skipIf(!present)('the stand-in pattern = the pattern as written, on the corpus', () => {
  it('every block of every marketing-copy, email and social file, whole', () => {
    let blocks = 0;
    let withSpans = 0;
    let nonAscii = 0;
    for (const { file, block: b } of corpusBlocks(['marketing-copy', 'email-templates', 'social-posts'])) {
      const ref = asWrittenMatches(b.text);
      expect(standInMatches(b.text), `${file}: ${b.text.slice(0, 120)}`).toEqual(ref);
      blocks++;
      if (ref.length) withSpans++;
      if (/[^\x00-\x7f]/.test(b.text)) nonAscii++;
    }
    expect(blocks).toBeGreaterThan(10_000);
    expect(withSpans).toBeGreaterThan(100);
    expect(nonAscii).toBeGreaterThan(1_000);
  }, 600_000);

  it('every line of every corpus file as written (markup, front matter, templates)', () => {
    let lines = 0;
    for (const file of walk(CORPUS)) {
      if (!/\.(?:md|mdx|html?|mjml|txt|ya?ml|json|tweet)$/i.test(path.basename(file))) continue;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        expect(standInMatches(line), `${file}: ${line.slice(0, 120)}`).toEqual(asWrittenMatches(line));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(50_000);
  }, 600_000);
});

if (!present) describe('the stand-in pattern on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

// Letters, numbers and marks of other scripts (BMP and astral), and what is neither.
const OTHERS = [
  'é', 'ß', 'ñ', 'Ω', 'ж', '日本', 'ㄱ', 'ª', 'ǅ', '\u02b0', // letters (Ll, Lu, Lo, Lt, Lm)
  '٣', '४', '๓', '①', '½', 'Ⅻ', '〇', '²', // numbers (Nd, No, Nl)
  '\u0301', '\u093f', '\u20dd', // marks (Mn, Mc, Me)
  '𝐀', '𐐷', '𠀀', '𝟘', '𐄇', '𑁒', // astral letters and numbers
  '😀', '\ud83d', '\ude00', '\u{1f3fb}', // emoji, lone surrogates, a modifier
  '—', '’', '“', '”', '…', '·', '€', '§', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u2028', '\ufffc', SEPARATOR,
];
const PIECES = [
  'word', 'Read', ' ', '\n', '.', ',', '/', '//', ':', '@', '#', '{', '}', '{{', '}}', '{%', '%}', '*', '|', '*|', '|*', '~', '-', '_', '1',
  'http', 'https://', 'ftp://', 'www', 'www.', 'x.com', 'me@x.io', '@acme', '#launch', '#1', './a', '../b', '~/c', 'a/b/c', 'readme.md',
  'notes.MD', 'pic.jpeg', '.yml', '.html', '.mdx', '"', '<', '>', '&', '\t', 'a.b', '%', '+', ')', ']', '!', '?', ';',
  ...OTHERS,
];
describe('the stand-in pattern = the pattern as written, on random text', () => {
  it('pieces of every non-prose form and other scripts, joined at random', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (a) => {
        const t = a.join('');
        expect(standInMatches(t)).toEqual(asWrittenMatches(t));
      }),
      { numRuns: 10_000 },
    );
  });

  it('e-mails, handles, hashtags, paths and file names made of other scripts', () => {
    const letter = fc.constantFrom('a', 'Z', '0', '_', '-', '.', ...OTHERS);
    const word = fc.array(letter, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    const form = fc.tuple(word, fc.constantFrom('@', '#', '/', './', '~/', '.md', '.json', '://', 'www.', '@', '.'), word, fc.constantFrom('', '.', '/', '.com', '@', ','));
    fc.assert(
      fc.property(fc.array(fc.tuple(form, fc.constantFrom(' ', '', '\n', '(', '“')), { maxLength: 6 }), (forms) => {
        const t = forms.map(([[a, sep, b, tail], gap]) => gap + a + sep + b + tail).join('');
        expect(standInMatches(t)).toEqual(asWrittenMatches(t));
      }),
      { numRuns: 10_000 },
    );
  });

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => {
        expect(standInMatches(t)).toEqual(asWrittenMatches(t));
      }),
      { numRuns: 5000 },
    );
  });
});
