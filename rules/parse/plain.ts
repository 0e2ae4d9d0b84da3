import type { Block, ProseDocument } from '../types.js';

/** Paragraphs of plain text (split on blank lines), each a block whose text is the source slice. */
export function plainBlocks(source: string, from = 0, to = source.length, kind: Block['kind'] = 'paragraph'): Block[] {
  const blocks: Block[] = [];
  const para = /(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+/g;
  para.lastIndex = from;
  const slice = source.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = para.exec(slice)) && m.index < to) {
    if (m[0].length === 0) {
      para.lastIndex++;
      continue;
    }
    const text = m[0].replace(/(?:\r\n|\r|\n)$/, '');
    blocks.push(sliceBlock(source, m.index, m.index + text.length, kind));
  }
  return blocks;
}

/** A block whose text is exactly source[start, end). */
export function sliceBlock(source: string, start: number, end: number, kind: Block['kind']): Block {
  const map = new Int32Array(end - start);
  for (let i = 0; i < map.length; i++) map[i] = start + i;
  return { kind, text: source.slice(start, end), map, marks: [] };
}

/** A document of plain paragraphs: used for `.txt` copy without posts and by tests. */
export function parsePlain(source: string, path = 'untitled.txt'): ProseDocument {
  return { path, format: 'text', source, blocks: plainBlocks(source), directives: [] };
}
