// Sentences of a block, found by sentence-splitter (it knows abbreviations such as e.g., i.e., Inc.
// and U.S., decimals, version numbers, domain names and ellipses). Offsets index Block.text.
import { split } from 'sentence-splitter';
import type { Block } from '../types.js';
import { SEPARATOR } from '../types.js';

export interface Sentence {
  /** Index into the block text, end exclusive; trimmed of surrounding white space. */
  start: number;
  end: number;
  text: string;
}

const MAYBE_BOUNDARY = /[.!?\u2026\u3002\uFF01\uFF1F]/;

const cache = new WeakMap<Block, Sentence[]>();
// Splitting is the slow part of the tone checks; in an editor most paragraphs are unchanged
// between two runs, so results are also kept by text (bounded, oldest dropped first).
const byText = new Map<string, Sentence[]>();
const BY_TEXT_MAX = 20_000;

/** The sentences of a block (cached: several checks ask for them, and runs repeat). */
export function blockSentences(block: Block): Sentence[] {
  let s = cache.get(block);
  if (!s) {
    s = byText.get(block.text);
    if (!s) {
      s = sentencesOf(block.text);
      if (byText.size >= BY_TEXT_MAX) byText.delete(byText.keys().next().value!);
      byText.set(block.text, s);
    }
    cache.set(block, s);
  }
  return s;
}

/**
 * Split text into sentences. A blank line always ends a sentence (sentence-splitter reads it as
 * white space), and so does a run of SEPARATOR characters standing for a block-level element such
 * as a line break tag: we only split there when the separator run is itself surrounded by line
 * breaks, since inline code or a URL sits inside a sentence.
 */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const [from, to] of chunks(text)) {
    // Fast path: no full stop, "!", "?" or ellipsis before the end means one sentence, and the
    // splitter (the slow part of the tone checks) has nothing to decide.
    if (!MAYBE_BOUNDARY.test(text.slice(from, to).trimEnd().slice(0, -1))) {
      push(out, text, from, to);
      continue;
    }
    let nodes: Array<{ type: string; range: readonly [number, number] }>;
    try {
      nodes = split(text.slice(from, to));
    } catch {
      // The splitter should never throw; if it does on odd input, the chunk is one sentence.
      nodes = [{ type: 'Sentence', range: [0, to - from] }];
    }
    for (const n of nodes) {
      if (n.type !== 'Sentence') continue;
      push(out, text, from + n.range[0], from + n.range[1]);
    }
  }
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && isSpaceOrSep(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrSep(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

function isSpaceOrSep(c: number): boolean {
  return c === 0xfffc || c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

// Pieces of text that can never share a sentence: split at blank lines and at separator runs that
// stand on a line of their own.
function chunks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = new RegExp(`\\n[ \\t]*(?:\\r?\\n|${SEPARATOR}+[ \\t]*(?:\\r?\\n|$))\\s*`, 'g');
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, text.length]);
  return out.filter(([a, b]) => b > a);
}
