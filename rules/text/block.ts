import type { Block, ProseDocument, TextEdit } from '../types.js';

/** Source offsets of block.text[i, j). */
export function sourceSpan(block: Block, i: number, j: number): { start: number; end: number } {
  return { start: block.map[i]!, end: block.map[j - 1]! + 1 };
}

/** The source holds exactly block.text[i, j) there, so replacing the span is a safe fix. */
export function isVerbatim(doc: ProseDocument, block: Block, i: number, j: number): boolean {
  const { start, end } = sourceSpan(block, i, j);
  return end - start === j - i && doc.source.slice(start, end) === block.text.slice(i, j);
}

// What may sit between two words of one phrase in the source and still be the phrase's own
// spacing: whitespace (a line break, a folded YAML value's indentation) and the entities of a space.
const SPACING = /^(?:\s|&nbsp;|&#0*160;|&#x0*a0;|&ensp;|&emsp;|&thinsp;|&#0*32;)+$/i;

/**
 * Edits that turn block.text[i, j) into `replacement` without touching what the source writes
 * between its words (a line break, `&nbsp;`): word for word when both have as many words, else the
 * whole span when the source holds it verbatim. Undefined when neither is safe (markup between the
 * words, an entity inside one): the finding then has no fix.
 */
export function replacementEdits(doc: ProseDocument, block: Block, i: number, j: number, replacement: string): TextEdit[] | undefined {
  const found = block.text.slice(i, j);
  const whole = isVerbatim(doc, block, i, j);
  if (whole && !/\s/.test(found.replace(/ /g, ''))) return [{ ...sourceSpan(block, i, j), text: replacement }];
  const words: Array<[number, number]> = [];
  for (const m of found.matchAll(/\S+/g)) words.push([i + m.index, i + m.index + m[0].length]);
  const wanted = replacement.split(' ');
  if (words.length !== wanted.length) return whole ? [{ ...sourceSpan(block, i, j), text: replacement }] : undefined;
  const edits: TextEdit[] = [];
  for (let k = 0; k < words.length; k++) {
    const [a, b] = words[k]!;
    if (!isVerbatim(doc, block, a, b)) return undefined;
    if (k > 0) {
      const gap = doc.source.slice(block.map[words[k - 1]![1] - 1]! + 1, block.map[a]!);
      if (!SPACING.test(gap)) return undefined;
    }
    if (block.text.slice(a, b) !== wanted[k]) edits.push({ ...sourceSpan(block, a, b), text: wanted[k]! });
  }
  return edits;
}
