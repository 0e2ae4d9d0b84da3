// Flesch–Kincaid grade level over a run of blocks, syllables counted as the `syllable` package counts them.
import type { Block } from '../types.js';
import { blockSentences } from '../text/sentences.js';
import { hasLetter, wordsOf } from '../text/words.js';
import { countSyllables } from './syllables.js';

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** 0.39 × words/sentence + 11.8 × syllables/word − 15.59 */
  grade: number;
}

export function fleschKincaid(blocks: Block[]): Readability {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const b of blocks) {
    const c = blockCounts(b);
    words += c.words;
    sentences += c.sentences;
    syllables += c.syllables;
  }
  const grade = words && sentences ? 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59 : 0;
  return { words, sentences, syllables, grade };
}

// A block's counts depend on its text alone; the language server keeps unchanged blocks between
// keystrokes, so a document-wide grade costs only the edited block.
const counted = new WeakMap<Block, { words: number; sentences: number; syllables: number }>();
export function blockCounts(b: Block): { words: number; sentences: number; syllables: number } {
  let c = counted.get(b);
  if (c) return c;
  c = { words: 0, sentences: 0, syllables: 0 };
  for (const s of blockSentences(b)) {
    // Numbers and symbols are not words a reader sounds out; a "sentence" of them does not count.
    const ws = wordsOf(b.text, s.start, s.end).filter((w) => hasLetter(w.text));
    if (ws.length === 0) continue;
    c.sentences++;
    c.words += ws.length;
    for (const w of ws) c.syllables += syllablesOf(w.text);
  }
  counted.set(b, c);
  return c;
}

// `syllable` is exact but not fast; words repeat a lot in copy, so counts are remembered. The key
// is the word as written (no toLowerCase per word: most are already lower case; a capitalised
// one reuses its lower-case entry), in two generations of at most SYLLABLES_MAX / 2 entries each
// (an entry seen in the older moves to the newer; the older is dropped when the newer fills), so a
// long-running server neither grows without bound nor loses every count at once.
let memo = new Map<string, number>();
let memoOld = new Map<string, number>();
const SYLLABLES_MAX = 100_000;
export function syllablesOf(word: string): number {
  const n = memo.get(word);
  return n !== undefined ? n : syllablesMiss(word);
}

function syllablesMiss(word: string): number {
  let n = memoOld.get(word);
  if (n === undefined) {
    const key = word.toLowerCase();
    n = key === word ? undefined : (memo.get(key) ?? memoOld.get(key));
    if (n === undefined) n = Math.max(1, countSyllables(key));
  }
  if (memo.size >= SYLLABLES_MAX / 2) {
    memoOld = memo;
    memo = new Map();
  }
  memo.set(word, n);
  return n;
}
