// Sentences of a block, found by sentence-splitter (it knows abbreviations such as e.g., i.e., Inc.
// and U.S., decimals, version numbers, domain names and ellipses). Offsets index Block.text.
import { split } from 'sentence-splitter';
import { English } from 'sentence-splitter/lang';
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
    // sentence-splitter reads every character against its abbreviation lists, which makes it the
    // slow part of the tone checks. It only runs on the stretches where it has a choice to make:
    // the text is first cut where its answer is certain (see certainEnds), and a stretch with no
    // other candidate end is one sentence.
    let a = from;
    for (const b of [...certainEnds(text, from, to), to]) {
      if (b <= a) continue;
      splitStretch(out, text, a, b);
      a = b;
    }
  }
  return out;
}

/** Sentences by sentence-splitter alone, for one stretch of text (also the reference in tests). */
export function splitterSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const [from, to] of chunks(text)) splitStretch(out, text, from, to, true);
  return out;
}

function splitStretch(out: Sentence[], text: string, from: number, to: number, always = false): void {
  if (!always && !MAYBE_BOUNDARY.test(text.slice(from, to).trimEnd().slice(0, -1))) {
    push(out, text, from, to);
    return;
  }
  let nodes: Array<{ type: string; range: readonly [number, number] }>;
  try {
    nodes = split(text.slice(from, to));
  } catch {
    // The splitter should never throw; if it does on odd input, the stretch is one sentence.
    nodes = [{ type: 'Sentence', range: [0, to - from] }];
  }
  for (const n of nodes) if (n.type === 'Sentence') push(out, text, from + n.range[0], from + n.range[1]);
}

// sentence-splitter's pairs: inside one, nothing ends a sentence.
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'], ['[', ']'], ['(', ')'], ['{', '}'], ['「', '」'], ['（', '）'], ['『', '』'], ['｛', '｝'], ['［', '］'], ['〚', '〛'], ['【', '】'], ['《', '》'],
];
const PAIR_OF = new Map<string, number>();
PAIRS.forEach(([open, close], k) => {
  PAIR_OF.set(open, k);
  PAIR_OF.set(close, k);
});
// Words the splitter never ends a sentence after ("Dr.", "Yahoo!"), lower-cased.
const NEVER_BEFORE = new Set([...English.PREPOSITIVE_ABBREVIATIONS, ...English.EXCLAMATION_WORDS].map((w) => w.toLowerCase()));

/**
 * Offsets in text[from, to) right after an end of sentence that sentence-splitter is sure to make:
 * outside any pair, a lower-case word of plain letters, one "." or a run of "!"/"?", white space,
 * then a capital letter ("…we shipped it. The next…"). Conservative: anything else is left to it.
 */
export function certainEnds(text: string, from: number, to: number): number[] {
  const ends: number[] = [];
  const open = new Set<number>();
  let tokenStart = from;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      tokenStart = i + 1;
      continue;
    }
    const k = PAIR_OF.get(c);
    if (k !== undefined) {
      const [o, cl] = PAIRS[k]!;
      if (!open.has(k)) {
        if (c === o) open.add(k);
      } else if (c === cl) open.delete(k);
      continue;
    }
    if ((c !== '.' && c !== '!' && c !== '?') || open.size > 0) continue;
    let j = i + 1;
    if (c !== '.') while (j < to && (text[j] === '!' || text[j] === '?')) j++;
    const word = text.slice(tokenStart, i);
    if (!/^[a-z]+$/.test(word) || (text[j] !== ' ' && text[j] !== '\n')) continue;
    let n = j;
    while (n < to && (text[n] === ' ' || text[n] === '\n')) n++;
    if (n >= to || !/\p{Lu}/u.test(text[n]!)) continue;
    const token = word + text.slice(i, j);
    let risky = false;
    for (let x = 0; x < word.length && !risky; x++) risky = NEVER_BEFORE.has(token.slice(x));
    if (risky) continue;
    ends.push(j);
    i = j - 1;
  }
  return ends;
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && isSpaceOrSep(text[start]!)) start++;
  while (end > start && isSpaceOrSep(text[end - 1]!)) end--;
  // A lone "?" or "—" is no sentence (sentence-splitter agrees: it makes a punctuation node).
  const t = text.slice(start, end);
  if (end > start && /[\p{L}\p{N}]/u.test(t)) out.push({ start, end, text: t });
}

function isSpaceOrSep(c: string): boolean {
  return c === SEPARATOR || /\s/.test(c);
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
