// Spans of text inside quotation marks ("…", “…”, ‘…’, «…», „…“): quoted words are someone else's and
// are left as written.
import { LETTER_OR_DIGIT } from '../text/unicode-regexp.js';

/** [start, end) ranges of block text inside quotation marks, marks included. */
export function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open === -1) {
      if (c === '"') {
        open = i;
        closer = '"';
      } else if (c === '\u201C') {
        open = i;
        closer = '\u201D';
      } else if (c === '\u00AB') {
        open = i;
        closer = '\u00BB';
      } else if (c === '\u201E') {
        open = i;
        closer = '\u201C';
      } else if (c === '\u2018' && !LETTER_OR_DIGIT.test(text[i - 1] ?? '')) {
        // ‘ opens a quotation only at the start of a word; ’ inside a word (don’t) is an apostrophe.
        open = i;
        closer = '\u2019';
      }
    } else if (closer === '\u2019' && c === closer && LETTER_OR_DIGIT.test(text[i + 1] ?? '')) {
      continue; // an apostrophe inside a quoted word ("‘we’re here’")
    } else if (c === closer || (closer === '\u201D' && c === '"')) {
      out.push([open, i + 1]);
      open = -1;
    } else if (c === '\n' && text[i + 1] === '\n') {
      open = -1; // an unclosed quote does not run past a paragraph
    }
  }
  // An unclosed quotation covers the rest of the block: better silent than wrong about a quote.
  if (open !== -1) out.push([open, text.length]);
  return out;
}

export function inRanges(ranges: Array<[number, number]>, i: number, j: number): boolean {
  return ranges.some(([a, b]) => i < b && j > a);
}
