// Block text back to source offsets. A block's map gives the source offset of each character of
// its text; a character written as an escape ("\!") or an entity ("&amp;") maps to its "\" or "&".
import type { Block, ProseDocument, TextEdit } from '../types.js';

/** The source offsets of the characters block.text[i, j) map to: map[i] to map[j-1] + 1. */
export function mappedSpan(block: Block, i: number, j: number): { start: number; end: number } {
  return { start: block.map[i]!, end: block.map[j - 1]! + 1 };
}

/**
 * The source text block.text[i, j) was read from: mappedSpan, widened when the last character was
 * written as an escape or an entity, so the span covers all of it.
 */
export function sourceSpan(doc: ProseDocument, block: Block, i: number, j: number): { start: number; end: number } {
  const last = block.map[j - 1]!;
  let end = last + 1;
  const c = doc.source[last];
  if (c !== undefined && c !== block.text[j - 1]) {
    if (c === '\\') end++;
    else if (c === '&') {
      const semi = doc.source.indexOf(';', end);
      if (semi !== -1 && semi - end < 32 && /^#?[A-Za-z0-9]+$/.test(doc.source.slice(end, semi))) end = semi + 1;
    }
  }
  return { start: block.map[i]!, end };
}

/**
 * The source holds exactly block.text[i, j) there, so replacing the span is a safe fix: it cannot
 * eat markup (emphasis markers, escapes, entities) that the parser left out of the text.
 */
export function isVerbatim(doc: ProseDocument, block: Block, i: number, j: number): boolean {
  const { start, end } = mappedSpan(block, i, j);
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
  if (whole && !/\s/.test(found.replace(/ /g, ''))) return [{ ...mappedSpan(block, i, j), text: replacement }];
  const words: Array<[number, number]> = [];
  for (const m of found.matchAll(/\S+/g)) words.push([i + m.index, i + m.index + m[0].length]);
  const wanted = replacement.split(' ');
  if (words.length !== wanted.length) return whole ? [{ ...mappedSpan(block, i, j), text: replacement }] : undefined;
  const edits: TextEdit[] = [];
  for (let k = 0; k < words.length; k++) {
    const [a, b] = words[k]!;
    if (!isVerbatim(doc, block, a, b)) return undefined;
    if (k > 0) {
      const gap = doc.source.slice(block.map[words[k - 1]![1] - 1]! + 1, block.map[a]!);
      if (!SPACING.test(gap)) return undefined;
    }
    if (block.text.slice(a, b) !== wanted[k]) edits.push({ ...mappedSpan(block, a, b), text: wanted[k]! });
  }
  return edits;
}
