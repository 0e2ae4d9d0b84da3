// Differential test for the one-pass sentence splitter: sentencesOf
// must give exactly the sentences sentence-splitter gives (splitterSentences, the reference) on every
// prose block of the corpus as brandlint parses it, and on random text. Timings are never asserted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOf, parseDocument } from '../../rules/parse/index.js';
import { blockSentences, sentencesOf, splitterSentences } from '../../rules/text/sentences.js';
import { type Block, SEPARATOR } from '../../rules/types.js';
import { CORPUS, present, walk } from '../helpers/corpus.js';


/** Every block of every file brandlint can parse under `folder`: sentences compared with the reference. */
function compareFolder(folder: string): { files: number; blocks: number; sentences: number } {
  let files = 0;
  let blocks = 0;
  let sentences = 0;
  for (const file of walk(path.join(CORPUS, folder))) {
    const format = formatOf(file);
    if (!format) continue;
    const doc = parseDocument(file, readFileSync(file, 'utf8'), format);
    files++;
    for (const b of doc.blocks) {
      const fast = sentencesOf(b.text);
      const ref = splitterSentences(b.text);
      // toEqual's diff of two long arrays is slow to build: compare cheaply, assert on a mismatch.
      if (JSON.stringify(fast) !== JSON.stringify(ref)) expect(fast, `${file}: ${b.text.slice(0, 120)}`).toEqual(ref);
      blocks++;
      sentences += fast.length;
    }
  }
  return { files, blocks, sentences };
}

describe.skipIf(!present)('one-pass sentences = sentence-splitter on every corpus block', () => {
  it('marketing copy (every Markdown/MDX file)', () => {
    const r = compareFolder('marketing-copy');
    expect(r.files).toBeGreaterThan(900);
    expect(r.sentences).toBeGreaterThan(r.blocks);
  }, 300_000);

  it('email templates', () => {
    const r = compareFolder('email-templates');
    expect(r.files).toBeGreaterThan(50);
    expect(r.blocks).toBeGreaterThan(500);
  }, 300_000);

  it('social posts', () => {
    const r = compareFolder('social-posts');
    expect(r.files).toBeGreaterThan(10);
    expect(r.blocks).toBeGreaterThan(50);
  }, 300_000);
});

if (!present) describe('one-pass sentences on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

// Pieces that exercise each of the splitter's rules: abbreviations of every list, multi-period
// abbreviations, numbered items, capitalised initials, exclamation names, pairs, CJK boundaries,
// separators of every script, white space of every kind, surrogate pairs.
const PIECES = [
  'word', 'Word', 'we', 'The', 'I', 'I.', 'A.', 'J.', 'Jones', 'e.g.', 'i.e.', 'E.G.', 'etc.', 'Inc.', 'inc.', 'Mr.', 'Dr.', 'dr.', 'St.',
  'U.S.', 'U.S.A.', 'a.b.c.', 'a.b.', 'No.', 'vs.', 'Jan.', 'approx.', 'Yahoo!', 'yahoo!', 'Jeopardy!', '1.', '12.', '3.5', 'v2.1.0',
  'acme.com', 'acme.com.', '...', '..', '…', '.', '!', '?', '?!', '!!', '．', '。', '？', '！', '"', '“', '”', '(', ')', '[', ']', '{', '}',
  '「', '」', '（', '）', '【', '】', '《', '》', '日本', '語', 'カ', '한', ' ', ' ', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u3000',
  '\u2028', '\ufeff', SEPARATOR, '😀', '\ud800', 'é', 'É', 'Ünder', "don't", '-', ',', ';', ':', '#', '*',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

describe('one-pass sentences = sentence-splitter on random text', () => {
  it('pieces of every rule, joined at random', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        expect(sentencesOf(t)).toEqual(splitterSentences(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('pieces joined with spaces (word starts everywhere)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (a) => {
        const t = a.join(' ');
        expect(sentencesOf(t)).toEqual(splitterSentences(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => {
        expect(sentencesOf(t)).toEqual(splitterSentences(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('blockSentences through its text cache', () => {
  it('gives the splitter\'s sentences for texts kept in either generation and for texts dropped', () => {
    // More distinct texts than the cache holds (20,000), then the first ones again.
    const texts = Array.from({ length: 25_000 }, (_, i) => `Item ${i} ships today. It costs $${i}.50 e.g. in the U.S. Done!`);
    const block = (text: string) => ({ kind: 'paragraph', text, map: new Int32Array(0), marks: [] }) as Block;
    for (const t of [...texts, ...texts.slice(0, 12_000), ...texts.slice(20_000)]) {
      const s = blockSentences(block(t));
      if (JSON.stringify(s) !== JSON.stringify(sentencesOf(t))) expect(s).toEqual(sentencesOf(t));
    }
  });
});
