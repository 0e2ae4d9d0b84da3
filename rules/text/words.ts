// Words in block text, and keeping the case of what a fix replaces. Shared by the tone checks.
import type { Block } from '../types.js';
import { SEPARATOR } from '../types.js';

export interface Word {
  /** Index into the block text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

// A word is letters/digits (with combining marks), joined by an apostrophe (we're, don’t) but
// not by a hyphen: spelling and all-caps look at each part of "colour-blind" on its own. SEPARATOR
// (code, URL, tag) is neither a letter nor an apostrophe, so it always ends a word.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** The words of `text` between `from` and `to`. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    out.push({ start: m.index, end, text: text.slice(m.index, end) });
  }
  return out;
}

const byBlock = new WeakMap<Block, Word[]>();
/** The words of a block, found once and shared by the checks that read words (spelling,
 * contractions, reading grade, all-caps). Callers must not change the array. */
export function blockWords(block: Block): readonly Word[] {
  let w = byBlock.get(block);
  if (!w) byBlock.set(block, (w = wordsOf(block.text)));
  return w;
}

/** Does the word contain a letter (not just digits)? */
export function hasLetter(s: string): boolean {
  return /\p{L}/u.test(s);
}

export function isUpper(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/**
 * Give `replacement` the case pattern of `original`: ALL CAPS stays all caps (for words of two
 * letters or more), Capitalized stays capitalized, anything else is left as the replacement is.
 */
export function matchCase(replacement: string, original: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && isUpper(letters)) return replacement.toUpperCase();
  const first = letters[0];
  if (first && isUpper(first)) return capitalize(replacement);
  return replacement;
}

export function capitalize(s: string): string {
  const cp = s.codePointAt(0);
  if (cp === undefined) return s;
  const ch = String.fromCodePoint(cp);
  return ch.toUpperCase() + s.slice(ch.length);
}

export function containsSeparator(text: string, start: number, end: number): boolean {
  const i = text.indexOf(SEPARATOR, start);
  return i !== -1 && i < end;
}

/** Occurrences of each phrase in `text`, case-insensitive, on word boundaries. */
export function phraseRanges(text: string, phrases: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const lower = text.toLowerCase();
  for (const p of phrases) {
    const needle = p.toLowerCase().trim();
    if (!needle) continue;
    let i = lower.indexOf(needle);
    while (i !== -1) {
      const end = i + needle.length;
      if (!isWordCharAt(lower, i - 1, needle[0]!) && !isWordCharAt(lower, end, needle[needle.length - 1]!)) {
        out.push([i, end]);
      }
      i = lower.indexOf(needle, i + 1);
    }
  }
  return out;
}

// A neighbour only breaks the boundary when both it and the phrase's own edge are word characters
// (so "Yahoo!" still matches before "!" and "#1" after a space).
function isWordCharAt(s: string, i: number, edge: string): boolean {
  if (i < 0 || i >= s.length) return false;
  const wordy = /[\p{L}\p{N}_]/u;
  return wordy.test(s[i]!) && wordy.test(edge);
}
