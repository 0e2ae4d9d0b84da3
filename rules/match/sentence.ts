import { SEPARATOR } from '../types.js';

// Local sentence bounds inside one block: enough to ask "is this word the first of its sentence?"
// and "is there a citation in the same sentence?" without splitting the whole document.

const ABBREV = /(?:\b(?:e\.g|i\.e|etc|vs|inc|ltd|co|corp|mr|mrs|ms|dr|st|no|approx|fig|u\.s|u\.k)|\b\p{Lu})\.$/iu;

function isBoundary(text: string, i: number): boolean {
  // text[i] is . ! ? or … and what follows is whitespace or the end.
  const c = text[i]!;
  if (!'.!?…'.includes(c)) return false;
  const next = text[i + 1];
  if (next !== undefined && !/[\s"'”’)\]]/.test(next)) return false;
  if (c === '.') {
    const before = text.slice(Math.max(0, i - 6), i + 1);
    if (ABBREV.test(before)) return false;
    if (/\d$/.test(text.slice(0, i)) && /^\s*\d/.test(text.slice(i + 1))) return false;
  }
  return true;
}

/** [start, end) of the sentence holding text index `at`. */
export function sentenceBounds(text: string, at: number, atEnd = at): [number, number] {
  let s = at;
  while (s > 0 && !isBoundary(text, s - 1)) s--;
  let e = atEnd;
  while (e < text.length && !isBoundary(text, e)) e++;
  return [s, Math.min(e + 1, text.length)];
}

/** Is the word at `at` the first word of a sentence (or of the block, or after a colon/line break)? */
export function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"'“‘(\[*_]/.test(text[i]!) && text[i] !== '\n') i--;
  if (i < 0) return true;
  const c = text[i]!;
  if (c === '\n' || c === SEPARATOR || c === ':') return true;
  return isBoundary(text, i);
}

/** Words a Title Case line leaves in lower case ("Go Modules: v2 and Beyond"). */
export const SMALL = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'at', 'by', 'in', 'of', 'on', 'to', 'up', 'as', 'is', 'it', 'vs', 'via', 'with', 'from', 'into', 'over']);

/**
 * A heading written in Title Case: most words that are not small words start with a capital, and
 * there are at least `minWords` of them (a work's title, not a two-word name, asks for 3).
 */
export function isTitleCase(text: string, minWords = 2): boolean {
  const words = text.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? [];
  const big = words.filter((w) => !SMALL.has(w.toLowerCase()));
  if (big.length < minWords) return false;
  const caps = big.filter((w) => w[0] !== w[0]!.toLowerCase()).length;
  return caps / big.length >= 0.75;
}
