import type { Block, ProseDocument } from '../types.js';

/** Source offsets of block.text[i, j). */
export function sourceSpan(block: Block, i: number, j: number): { start: number; end: number } {
  return { start: block.map[i]!, end: block.map[j - 1]! + 1 };
}

/** The source holds exactly block.text[i, j) there, so replacing the span is a safe fix. */
export function isVerbatim(doc: ProseDocument, block: Block, i: number, j: number): boolean {
  const { start, end } = sourceSpan(block, i, j);
  return end - start === j - i && doc.source.slice(start, end) === block.text.slice(i, j);
}
