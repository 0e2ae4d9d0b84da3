// Words in block text, and keeping the case of what a fix replaces. Shared by the tone checks.
import { SEPARATOR } from '../types.js';
import { lazyUnicodeRegExp, NOT_LETTERS, unicodeRegExp } from './unicode-regexp.js';

export interface Word {
  /** Index into the block text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

// A word is letters/digits (with combining marks), joined by an apostrophe (we're, don’t) but
// not by a hyphen: spelling and all-caps look at each part of "colour-blind" on its own. SEPARATOR
// (code, URL, tag) is neither a letter nor an apostrophe, so it always ends a word.
export const WORD_SOURCE = String.raw`[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*`;

/**
 * The words of `text` between `from` and `to`: WORD_SOURCE's matches, found by a scanner that decides
 * ASCII by a table and only tests other characters against the Unicode classes (the tone checks
 * read every word of every block; a regex match per word cost an array and a second string).
 */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const len = text.length;
  const out: Word[] = [];
  let i = Math.max(0, from);
  // Handed the middle of a surrogate pair, WORD_SOURCE's regex steps back to the pair's start: so does the scan.
  if (i > 0 && i < len && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) i--;
  while (i < len && i < to) {
    const c = text.charCodeAt(i);
    const w = c < 128 ? ASCII_LN[c]! : classAt(text, i, LN);
    if (w === 0) {
      i += c < 128 ? 1 : cpLength(text, i);
      continue;
    }
    let j = i + w;
    for (;;) {
      // [\p{L}\p{N}\p{M}]*
      while (j < len) {
        const d = text.charCodeAt(j);
        const k = d < 128 ? ASCII_LN[d]! : classAt(text, j, LNM);
        if (k === 0) break;
        j += k;
      }
      // (?:['\u2019][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*
      const d = j < len ? text.charCodeAt(j) : 0;
      if ((d === 0x27 || d === 0x2019) && j + 1 < len) {
        const e = text.charCodeAt(j + 1);
        const k = e < 128 ? ASCII_LN[e]! : classAt(text, j + 1, LN);
        if (k > 0) {
          j += 1 + k;
          continue;
        }
      }
      break;
    }
    const end = Math.min(j, to);
    out.push({ start: i, end, text: text.slice(i, end) });
    i = j;
  }
  return out;
}

const LN = unicodeRegExp(String.raw`^[\p{L}\p{N}]$`);
const LNM = unicodeRegExp(String.raw`^[\p{L}\p{N}\p{M}]$`);
const LETTER = lazyUnicodeRegExp(String.raw`\p{L}`);
const WORD_CHAR = unicodeRegExp(String.raw`[\p{L}\p{N}_]`);
const ASCII_LN = new Uint8Array(128).map((_, c) => (LN.test(String.fromCharCode(c)) ? 1 : 0));
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const cpLength = (t: string, i: number) => (isHigh(t.charCodeAt(i)) && i + 1 < t.length && isLow(t.charCodeAt(i + 1)) ? 2 : 1);
/** The length of the code point at i when it is in the class, else 0. */
function classAt(t: string, i: number, cls: RegExp): number {
  const n = cpLength(t, i);
  return cls.test(t.slice(i, i + n)) ? n : 0;
}

/** Does the word contain a letter (not just digits)? */
export function hasLetter(s: string): boolean {
  // ASCII decides most words at their first character; the Unicode class only for the rest.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return LETTER().test(s);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  }
  return false;
}

export function isUpper(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/**
 * Give `replacement` the case pattern of `original`: ALL CAPS stays all caps (for words of two
 * letters or more), Capitalized stays capitalized, anything else is left as the replacement is.
 */
export function matchCase(replacement: string, original: string): string {
  const letters = original.replace(NOT_LETTERS, '');
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
  return WORD_CHAR.test(s[i]!) && WORD_CHAR.test(edge);
}
