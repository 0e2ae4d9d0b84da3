// Sentences of a block. sentencesOf is a purpose-built single pass that reproduces sentence-splitter's
// English rules (abbreviations such as e.g., i.e., Inc. and U.S., decimals, version numbers, domain
// names, ellipses, quotes and brackets) without its per-character node objects; sentence-splitter
// itself stays the reference (splitterSentences, test/perf-sentences.test.ts). Offsets index Block.text.
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
  for (const [from, to] of chunks(text)) onePass(out, text, from, to);
  return out;
}

/** The previous implementation (certain ends first, sentence-splitter on the rest), kept for tests. */
export function cutThenSplitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const [from, to] of chunks(text)) {
    let a = from;
    for (const b of [...certainEnds(text, from, to), to]) {
      if (b <= a) continue;
      splitStretch(out, text, a, b);
      a = b;
    }
  }
  return out;
}

// sentence-splitter (v5) in one pass over text[from, to), as split(text.slice(from, to)) runs it:
// - white space never changes its state; a sentence opens at the first other character;
// - a "separator" (. ! ? and their CJK forms; "." only before white space or the end) closes the
//   open sentence after the whole run of separators, unless a pair (quote, bracket) is open or an
//   abbreviation's range covers it;
// - at each character of a run of text, its AbbrMarker looks at the word starting there (after
//   white space or a CJK character) and marks the word's range when it is an abbreviation, and its
//   PairMaker opens or closes pairs (one of each kind at a time, never nested).
// The splitter's abbreviation ranges only ever start at the current character, so "inside a range"
// is "before the furthest range end so far".
function onePass(out: Sentence[], text: string, from: number, to: number): void {
  let pairs = 0; // bit k: pair kind k open
  let rangeEnd = from;
  let start = -1; // first character of the open sentence
  const isSeparator = (p: number): boolean => {
    if (pairs !== 0 || p < rangeEnd) return false;
    const c = text.charCodeAt(p);
    if (c === 0x2e) return p + 1 >= to || isSpace(text.charCodeAt(p + 1));
    return c === 0x21 || c === 0x3f || c === 0xff0e || c === 0x3002 || c === 0xff1f || c === 0xff01;
  };
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isSeparator(i)) {
      do i++;
      while (i < to && isSeparator(i));
      if (start >= 0) push(out, text, start, i);
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    // A run of text: up to a line break or a separator (spaces included).
    do {
      const d = text.charCodeAt(i);
      if (d === 0x0a || d === 0x0d) break;
      if (i >= rangeEnd && (i === from || isSpace(text.charCodeAt(i - 1)) || isCJK(text, i - 1))) rangeEnd = abbreviationEnd(text, i, from, to, rangeEnd);
      const k = PAIR_KIND.get(d);
      if (k !== undefined) {
        const bit = 1 << k;
        if ((pairs & bit) === 0) {
          if (d === PAIR_OPEN[k]) pairs |= bit;
        } else if (d === PAIR_CLOSE[k]) pairs &= ~bit;
      }
      i++;
    } while (i < to && !isSeparator(i));
  }
  if (start >= 0) push(out, text, start, to);
}

// White space as /\s/ sees it (sentence-splitter's NewLineParser and SpaceParser between them).
function isSpace(c: number): boolean {
  if (c < 128) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// One UTF-16 unit, as the splitter reads them (a surrogate half is never CJK).
function isCJK(text: string, p: number): boolean {
  return text.charCodeAt(p) >= 0x1100 && CJK.test(text[p]!);
}

// The word the splitter reads at p: up to white space or a CJK character (or the end).
function wordEnd(text: string, p: number, to: number): number {
  let j = p;
  while (j < to && !isSpace(text.charCodeAt(j)) && !isCJK(text, j)) j++;
  return j;
}

const lower = (l: readonly string[]) => new Set(l.map((w) => w.toLowerCase()));
const EXCLAMATION = lower(English.EXCLAMATION_WORDS);
const PREPOSITIVE = lower(English.PREPOSITIVE_ABBREVIATIONS);
const ABBREVIATIONS = lower(English.ABBREVIATIONS);
const CAPITALIZED = /^\p{Uppercase_Letter}/u;
const CAPITAL_DOT = /^\p{Uppercase_Letter}\./u;

/**
 * AbbrMarker.mark at a word start p: the new furthest range end (the word's end when the word is
 * an abbreviation, else `rangeEnd` unchanged). Every entry that can cover a separator holds an
 * ASCII "." or "!", so other words are skipped at once.
 */
function abbreviationEnd(text: string, p: number, from: number, to: number, rangeEnd: number): number {
  const end = wordEnd(text, p, to);
  if (end === p) return rangeEnd;
  let dotOrBang = false;
  for (let x = p; x < end && !dotOrBang; x++) {
    const c = text.charCodeAt(x);
    dotOrBang = c === 0x2e || c === 0x21;
  }
  if (!dotOrBang) return rangeEnd;
  const word = text.slice(p, end);
  const lw = word.toLowerCase();
  if (/^(?:[a-zA-Z]\.){3,}$/.test(word) || EXCLAMATION.has(lw) || PREPOSITIVE.has(lw) || /^\d+\.$/.test(word)) return Math.max(rangeEnd, end);
  // The next word starts one character after this one's end (whatever that character is).
  const nextWord = end + 1 < to ? text.slice(end + 1, wordEnd(text, end + 1, to)) : '';
  const nextCapital = CAPITALIZED.test(nextWord);
  if (nextCapital && CAPITAL_DOT.test(word) && CAPITALIZED.test(previousWord(text, p, from, to))) return Math.max(rangeEnd, end);
  if (ABBREVIATIONS.has(lw) && !nextCapital) return Math.max(rangeEnd, end);
  return rangeEnd;
}

// AbbrMarker.getPrevWord: back over white space, back over the word, then read it forwards.
function previousWord(text: string, p: number, from: number, to: number): string {
  let q = p - 1;
  while (q >= from && isSpace(text.charCodeAt(q))) q--;
  while (q >= from && !isSpace(text.charCodeAt(q))) q--;
  return text.slice(q + 1, wordEnd(text, q + 1, to));
}

const PAIR_KIND = new Map<number, number>();
const PAIR_OPEN: number[] = [];
const PAIR_CLOSE: number[] = [];

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
  PAIR_KIND.set(open.charCodeAt(0), k);
  PAIR_KIND.set(close.charCodeAt(0), k);
  PAIR_OPEN[k] = open.charCodeAt(0);
  PAIR_CLOSE[k] = close.charCodeAt(0);
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
