import type { Block, ProseDocument } from '../types.js';

/** Paragraphs of plain text (split on blank lines), each a block whose text is the source slice. */
export function plainBlocks(source: string, from = 0, to = source.length, kind: Block['kind'] = 'paragraph'): Block[] {
  return paragraphSpans(source, from, to).map((p) => sliceBlock(source, p.start, p.end, kind));
}

const NOT_SPACE = /\S/;

/**
 * Runs of lines that are not blank, in [from, to): `end` is where the last line's text ends,
 * `next` is past its line break. One pass over the text: the regex this replaces
 * (`(?:[^\r\n]*\S[^\r\n]*…)+`) backtracked quadratically on long runs of blanks.
 */
export function paragraphSpans(text: string, from = 0, to = text.length): Array<{ start: number; end: number; next: number }> {
  const out: Array<{ start: number; end: number; next: number }> = [];
  let open: { start: number; end: number; next: number } | undefined;
  let pos = from;
  while (pos < to) {
    let le = pos;
    let blank = true;
    for (; le < to; le++) {
      const c = text.charCodeAt(le);
      if (c === 10 || c === 13) break;
      if (blank && NOT_SPACE.test(text[le]!)) blank = false;
    }
    const next = le >= to ? to : text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10 && le + 1 < to ? le + 2 : le + 1;
    if (blank) {
      if (open) out.push(open);
      open = undefined;
    } else if (open) {
      open.end = le;
      open.next = next;
    } else open = { start: pos, end: le, next };
    pos = next;
  }
  if (open) out.push(open);
  return out;
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
