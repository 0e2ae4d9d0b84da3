// Word counts for sentence-length and reading-grade.
import type { Block } from '../types.js';
import { SEPARATOR } from '../types.js';
import { wordsOf } from '../text/words.js';

/**
 * Words in block.text[from, to). Inline code, a URL or a template tag (a run of SEPARATOR with such
 * a mark) reads as one word; an HTML tag reads as none.
 */
export function countWords(block: Block, from: number, to: number): number {
  let n = wordsOf(block.text, from, to).length;
  const t = block.text;
  for (let i = t.indexOf(SEPARATOR, from); i !== -1 && i < to; ) {
    let j = i;
    while (j < to && t[j] === SEPARATOR) j++;
    const a = i;
    if (block.marks.some((m) => m.at >= a && m.at < j && (m.kind === 'code' || m.kind === 'url' || m.kind === 'template'))) n++;
    i = t.indexOf(SEPARATOR, j);
  }
  return n;
}
