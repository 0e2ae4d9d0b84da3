// Differential tests for the reading grade's syllables: the counter in rules/tone/syllables.ts and
// the memo of syllablesOf = the `syllable` package, on every word of the corpus, an English word
// list and random strings. Timings are never asserted.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../rules/text/words.js';
import { syllablesOf } from '../../rules/tone/readability.js';
import { countSyllables } from '../../rules/tone/syllables.js';
import { corpusBlocks, present } from '../helpers/corpus.js';

/** The reading grade's count of a word: the package's, at least one. */
const syllablesReference = (word: string) => Math.max(1, syllable(word.toLowerCase()));

function sameCount(word: string): void {
  const lower = word.toLowerCase();
  expect(countSyllables(lower), word).toBe(syllable(lower));
  expect(syllablesOf(word), word).toBe(syllablesReference(word));
}

describe.skipIf(!present)('syllables on the corpus', () => {
  it('every distinct word of every marketing-copy, email and social file, as written', () => {
    const words = new Set<string>();
    for (const { block } of corpusBlocks(['marketing-copy', 'email-templates', 'social-posts'])) {
      for (const w of wordsOf(block.text)) words.add(w.text);
    }
    expect(words.size).toBeGreaterThan(20_000);
    for (const w of words) sameCount(w);
    // Again, now from the memo (a capitalised word after its lower-case form and the reverse).
    for (const w of words) expect(syllablesOf(w), w).toBe(syllablesReference(w));
  }, 600_000);
});

if (!present) describe('syllables on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

// The word list is a dev dependency's (another package's): read it when it is installed.
const require = createRequire(import.meta.url);
const listFile = (() => {
  try {
    return require.resolve('an-array-of-english-words/index.json');
  } catch {
    return undefined;
  }
})();
describe.skipIf(!listFile || !existsSync(listFile))('syllables on an English word list', () => {
  it('every 5th word of an-array-of-english-words, and its capitalised and possessive forms', () => {
    const list = JSON.parse(readFileSync(listFile!, 'utf8')) as string[];
    expect(list.length).toBeGreaterThan(100_000);
    for (let i = 0; i < list.length; i += 5) {
      const w = list[i]!;
      expect(countSyllables(w), w).toBe(syllable(w));
      if (i % 15 === 0) {
        sameCount(w[0]!.toUpperCase() + w.slice(1));
        sameCount(`${w}'s`);
      }
    }
  }, 600_000);
});

describe('syllables on random strings', () => {
  const letters = fc.constantFrom(...'aeiouybcdglmnrstxz', "'", '’', 'é', 'A', 'E', 'Y', '-', '1', ' ');
  it('letters, apostrophes, accents, capitals and others', () => {
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 14 }).map((a) => a.join('')), (w) => sameCount(w)),
      { numRuns: 5000 },
    );
  });
  it('suffixes and prefixes the counter removes or counts', () => {
    const parts = ['un', 'over', 'anti', 'ology', 'creation', 'ed', 'es', 'e', 'ing', 'ying', 'ly', 'less', 'ness', 'ion', 'ions', 'ia', 'io', 'eau', 'cious', 'real', 'ism', "'s", 'ble', 'ship', 'ful', 'fully', 's'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts, 'b', 'st', 'th', 'a', 'o', 'y'), { minLength: 1, maxLength: 6 }).map((a) => a.join('')), (w) => sameCount(w)),
      { numRuns: 5000 },
    );
  });
  it('the memo across its generations: more distinct words than it holds, asked twice', () => {
    const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}e${i % 7 === 0 ? 'D' : 's'}`);
    const first = words.map((w) => syllablesOf(w));
    words.forEach((w, i) => expect(syllablesOf(w), w).toBe(first[i]));
    for (let i = 0; i < words.length; i += 97) expect(first[i], words[i]).toBe(syllablesReference(words[i]!));
  }, 600_000);
});
