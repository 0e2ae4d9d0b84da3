// Differential test for the write-good rules' block pass: a block's hits, from
// every check computed at once over one scratch layout of all its sentences (rules/tone/write-good.ts
// blockHits), must equal the sentence-by-sentence path: the one-pass matcher on each sentence alone
// as the rules hand it over (writeGoodInput(asOneLine(sentence))), and write-good itself on each
// sentence. test/differential/write-good.test.ts holds the one-pass matcher to write-good sentence by sentence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockHits, blockHitsReference } from '../../rules/tone/write-good.js';
import { WRITE_GOOD_LISTS } from '../../rules/tone/write-good-data.js';
import type { Block } from '../../rules/types.js';
import { corpusBlocks, present } from '../helpers/corpus.js';

const CHECKS = ['weasel', 'illusion', 'so', 'thereIs', 'passive', 'adverb', 'tooWordy', 'cliches', 'eprime'] as const;
const ALL = (1 << CHECKS.length) - 1;

/** The hits of each check, as (sentence, start, end) triples. */
function byCheck(h: Int32Array): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  CHECKS.forEach((c, k) => {
    if (h[0]! & (1 << k)) out[c] = Array.from(h.subarray(h[1 + k]!, h[2 + k]!));
  });
  return out;
}

const block = (text: string): Block => ({ kind: 'paragraph', text, map: Int32Array.from(text, (_, i) => i), marks: [] });

/** blockHits on a fresh copy of the block (results are cached per block object). */
const fresh = (b: Block, mask: number) => byCheck(blockHits({ ...b }, mask));

describe.skipIf(!present)('write-good block pass = sentence by sentence, every corpus block', () => {
  it('marketing copy, email templates and social posts: one-pass matcher per sentence', () => {
    let blocks = 0;
    let hits = 0;
    for (const { file, block: b } of corpusBlocks(['marketing-copy', 'email-templates', 'social-posts'])) {
      const fast = fresh(b, ALL);
      const ref = byCheck(blockHitsReference(b, ALL, 'one-pass'));
      if (JSON.stringify(fast) !== JSON.stringify(ref)) expect(fast, `${file}: ${JSON.stringify(b.text.slice(0, 200))}`).toEqual(ref);
      blocks++;
      for (const c of CHECKS) hits += ref[c]!.length / 3;
    }
    expect(blocks).toBeGreaterThan(30_000);
    expect(hits).toBeGreaterThan(30_000);
  }, 900_000);

  it('every 10th marketing-copy block: write-good itself per sentence', () => {
    let n = 0;
    let hits = 0;
    for (const { file, block: b } of corpusBlocks(['marketing-copy'])) {
      if (n++ % 10 !== 0) continue;
      const fast = fresh(b, ALL);
      const ref = byCheck(blockHitsReference(b, ALL, 'write-good'));
      if (JSON.stringify(fast) !== JSON.stringify(ref)) expect(fast, `${file}: ${JSON.stringify(b.text.slice(0, 200))}`).toEqual(ref);
      for (const c of CHECKS) hits += ref[c]!.length / 3;
    }
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

describe('write-good block pass = sentence by sentence, generated blocks', () => {
  it('one-pass matcher and write-good per sentence', () => {
    fc.assert(
      fc.property(blockArb, (text) => {
        const b = block(text);
        const fast = fresh(b, ALL);
        expect(fast).toEqual(byCheck(blockHitsReference(b, ALL, 'one-pass')));
        expect(fast).toEqual(byCheck(blockHitsReference(b, ALL, 'write-good')));
      }),
      { numRuns: 1500 },
    );
  });

  it('checks asked for one at a time give what all at once give (a block keeps the union)', () => {
    fc.assert(
      fc.property(blockArb, fc.shuffledSubarray([...CHECKS.keys()], { minLength: 1 }), (text, order) => {
        const b = block(text);
        for (const k of order) blockHits(b, 1 << k);
        const all = fresh(b, ALL);
        const got = byCheck(blockHits(b, 0));
        for (const k of order) expect(got[CHECKS[k]!], CHECKS[k]).toEqual(all[CHECKS[k]!]);
      }),
      { numRuns: 300 },
    );
  });

  it('a long block after short ones, and short ones after it (the scratch layout only grows)', () => {
    const long = block(Array.from({ length: 400 }, (_, i) => `There is a number of ${WORDS[i % WORDS.length]} that were killed. So it was.`).join(' '));
    const short = block('So there are many. It was done!');
    const before = byCheck(blockHitsReference(short, ALL, 'one-pass'));
    expect(fresh(short, ALL)).toEqual(before);
    expect(fresh(long, ALL)).toEqual(byCheck(blockHitsReference(long, ALL, 'one-pass')));
    expect(fresh(short, ALL)).toEqual(before);
    expect(before.passive!.length).toBe(3);
  });
});
