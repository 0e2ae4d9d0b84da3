// Word counts for sentence-length and reading-grade.
import type { Block } from '../types.js';
import { SEPARATOR } from '../types.js';
import { UnitBuffer } from '../text/units.js';
import { LETTER_OR_DIGIT } from '../text/unicode-regexp.js';

const units = new UnitBuffer();

/**
 * Words in block.text[from, to), the way a reader (or a word processor) counts them: runs of
 * non-space with a letter or digit, so "e.g.", "$3.50" and "v2.1.0" are one word each. Inline code,
 * a URL or a template tag (a run of SEPARATOR with such a mark) reads as one word; an HTML tag as none.
 */
export function countWords(block: Block, from: number, to: number): number {
  const t = block.text;
  let n = 0;
  // Runs of non-space, non-SEPARATOR characters that start before `to` (a run may end past it),
  // counted when they hold a letter or digit: the matches of /[^\s\uFFFC]+/gu from `from`, found char
  // by char without a string per run (sentence-length counts every sentence of every block), over
  // the block's units read once.
  const u = units.of(t);
  const len = t.length;
  let i = from;
  // Handed the middle of a surrogate pair, that regex steps back to the pair's start: so does the scan.
  if (i > 0 && i < len && isLow(t.charCodeAt(i)) && isHigh(t.charCodeAt(i - 1))) i--;
  while (i < len && i < to) {
    const c = u[i]!;
    if (c === SEP || isSpaceCode(c)) {
      i++;
      continue;
    }
    let word = false;
    let j = i;
    for (; j < len; j++) {
      const d = u[j]!;
      if (d === SEP || isSpaceCode(d)) break;
      if (word) continue;
      if (d < 128) word = ASCII_LN[d] === 1;
      else if (isHigh(d) && j + 1 < len && isLow(u[j + 1]!)) {
        word = LN.test(t.slice(j, j + 2));
        j++;
      } else word = LN.test(t[j]!);
    }
    if (word) n++;
    i = j;
  }
  return n + separatorWords(block, from, to);
}

const SEP = SEPARATOR.charCodeAt(0);
const LN = LETTER_OR_DIGIT;
const ASCII_LN = new Uint8Array(128).map((_, c) => (LN.test(String.fromCharCode(c)) ? 1 : 0));
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
// JavaScript's \s.
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Runs of SEPARATOR in [from, to) standing for inline code, a URL or a template tag: one word each. */
function separatorWords(block: Block, from: number, to: number): number {
  const t = block.text;
  let n = 0;
  for (let i = t.indexOf(SEPARATOR, from); i !== -1 && i < to; ) {
    let j = i;
    while (j < to && t[j] === SEPARATOR) j++;
    const a = i;
    if (block.marks.some((mk) => mk.at >= a && mk.at < j && (mk.kind === 'code' || mk.kind === 'url' || mk.kind === 'template'))) n++;
    i = t.indexOf(SEPARATOR, j);
  }
  return n;
}
