// Differential test for sharing one block's words between the tone checks:
// the reading-grade counts walked from the block's shared words equal the counts from
// wordsOf per sentence (the reference), and contractions given the shared words find what they find
// on their own, on every corpus block and on random text. Timings are never asserted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toContract, toExpand } from '../../rules/checks/contractions/contractions.js';
import { sliceBlock } from '../../rules/parse/plain.js';
import { blockWords, wordsOf } from '../../rules/text/words.js';
import { blockCounts, blockCountsReference } from '../../rules/tone/readability.js';
import type { Block } from '../../rules/types.js';
import { SEPARATOR } from '../../rules/types.js';
import { corpusBlocks, present } from '../helpers/corpus.js';


function compare(b: Block): void {
  expect(blockCounts(b), b.text.slice(0, 120)).toEqual(blockCountsReference(b));
  expect(blockWords(b)).toEqual(wordsOf(b.text));
  expect(toContract(b.text, "'", blockWords(b))).toEqual(toContract(b.text, "'"));
  expect(toExpand(b.text, blockWords(b))).toEqual(toExpand(b.text));
}

describe.skipIf(!present)('shared block words = words per sentence on the corpus', () => {
  it('every block of every marketing-copy, email and social file', () => {
    let blocks = 0;
    for (const { block } of corpusBlocks(['marketing-copy', 'email-templates', 'social-posts'])) {
      compare(block);
      blocks++;
    }
    expect(blocks).toBeGreaterThan(10_000);
  }, 600_000);
});

if (!present) describe('shared block words on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

const PIECES = ['word', 'The', "don't", 'don’t', 'we are', 'do not', 'it is', "it's", '3.5', 'e.g.', 'U.S.', '.', '!', '?', '...', ' ', '  ', '\n', '\n\n', '-', "'", '’', 'café', 'naïve', '😀', '日本', SEPARATOR, '42', 'x'];
describe('shared block words = words per sentence on random text', () => {
  it('pieces of words, numbers, marks and breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (a) => {
        const t = a.join('');
        compare(sliceBlock(t, 0, t.length, 'paragraph'));
      }),
      { numRuns: 3000 },
    );
  });
});
