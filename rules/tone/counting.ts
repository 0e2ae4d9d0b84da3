// Word counts for sentence-length and reading-grade.
import type { Block } from '../types.js';
import { SEPARATOR } from '../types.js';

/**
 * Words in block.text[from, to), the way a reader (or a word processor) counts them: runs of
 * non-space with a letter or digit, so "e.g.", "$3.50" and "v2.1.0" are one word each. Inline code,
 * a URL or a template tag (a run of SEPARATOR with such a mark) reads as one word; an HTML tag as none.
 */
export function countWords(block: Block, from: number, to: number): number {
  const t = block.text;
  let n = 0;
  const re = new RegExp(`[^\\s${SEPARATOR}]+`, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) && m.index < to) if (/[\p{L}\p{N}]/u.test(m[0])) n++;
  for (let i = t.indexOf(SEPARATOR, from); i !== -1 && i < to; ) {
    let j = i;
    while (j < to && t[j] === SEPARATOR) j++;
    const a = i;
    if (block.marks.some((mk) => mk.at >= a && mk.at < j && (mk.kind === 'code' || mk.kind === 'url' || mk.kind === 'template'))) n++;
    i = t.indexOf(SEPARATOR, j);
  }
  return n;
}
