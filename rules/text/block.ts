// Block text back to source offsets. A block's map gives the source offset of each character of
// its text; a character written as an escape ("\\!") or an entity ("&amp;") maps to its "\\" or "&".
import type { Block, ProseDocument } from '../types.js';

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
