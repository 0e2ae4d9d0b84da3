// Differential test for the write-good rules' block pass: a block's hits for each check, from the
// one-pass matcher over one scratch layout of all its sentences (rules/tone/write-good.ts blockHits),
// must equal write-good itself on each sentence as the rules hand it over
// (writeGoodInput(asOneLine(sentence))). test/differential/write-good.test.ts holds the one-pass
// matcher to write-good sentence by sentence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockHits } from '../../rules/tone/write-good.js';
import { WRITE_GOOD_LISTS } from '../../rules/tone/write-good-data.js';
import type { Block } from '../../rules/types.js';
import { corpusBlocks, present } from '../helpers/corpus.js';
import { CHECKS, sentenceBySentence } from '../helpers/write-good.js';

/** The hits of each check, as (sentence, start, end) triples. */
const fast = (b: Block) => Object.fromEntries(CHECKS.map((c) => [c, blockHits(b, c)]));
const oracle = (b: Block) => Object.fromEntries(CHECKS.map((c) => [c, sentenceBySentence(b, c)]));

const block = (text: string): Block => ({ kind: 'paragraph', text, map: Int32Array.from(text, (_, i) => i), marks: [] });

describe.skipIf(!present)('write-good block pass = write-good sentence by sentence, corpus blocks', () => {
  it('every 10th block of marketing copy, email templates and social posts', () => {
    let n = 0;
    let hits = 0;
    for (const { file, block: b } of corpusBlocks(['marketing-copy', 'email-templates', 'social-posts'])) {
      if (n++ % 10 !== 0) continue;
      const got = fast(b);
      const want = oracle(b);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, `${file}: ${JSON.stringify(b.text.slice(0, 200))}`).toEqual(want);
      for (const c of CHECKS) hits += want[c]!.length / 3;
    }
    expect(n).toBeGreaterThan(30_000);
    expect(hits).toBeGreaterThan(3_000);
  }, 900_000);
});

if (!present) describe('write-good block pass on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

// Blocks of several sentences: list words and phrases, glued by gaps, clause and sentence ends and
// line breaks (which write-good reads as spaces inside a sentence, and which end a heading-like line).
const L = WRITE_GOOD_LISTS;
const WORDS = [
  ...L.cliches!.slice(0, 60), ...L.wordy!.slice(0, 60), ...L.weasels!, ...L.toBe!, ...L.irregulars!.slice(0, 20),
  ...L.adverbStems!.slice(0, 10).map((s) => `${s}y`), ...L.weakeners!, 'so', 'So', 'there', 'There', 'is', 'are', 'was', 'been', 'killed',
  'too', 'too many', 'the', 'a', 'number', 'of', 'e.g.', 'U.S.', '3.5', 'Inc.', '"Yes."', '(see below)', 'So-called', 'x',
];
const GAPS = [' ', ' ', ' ', '  ', '', '\n', '\r\n', '\n\n', '\t', '\u200c', '-', ',', '. ', '.', '! ', '? ', '; ', '…', '."', '.) ', '’', "'", '\u00a0', 'é'];
const blockArb = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 30 }).map((a) => a.map(([w, g]) => w + g).join(''));

describe('write-good block pass = write-good sentence by sentence, generated blocks', () => {
  it('list words and phrases, clause and sentence ends, line breaks', () => {
    fc.assert(
      fc.property(blockArb, (text) => {
        const b = block(text);
        expect(fast(b)).toEqual(oracle(b));
      }),
      { numRuns: 1500 },
    );
  });

  it('a long block after short ones, and short ones after it (the scratch layout only grows)', () => {
    const long = block(Array.from({ length: 400 }, (_, i) => `There is a number of ${WORDS[i % WORDS.length]} that were killed. So it was.`).join(' '));
    const short = block('So there are many. It was done!');
    const before = oracle(short);
    expect(fast(short)).toEqual(before);
    expect(fast(long)).toEqual(oracle(long));
    expect(fast(short)).toEqual(before);
    expect(before.passive!.length).toBe(3);
  });
});
