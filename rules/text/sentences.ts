// Sentences of a block. sentencesOf is a purpose-built single pass that reproduces sentence-splitter's
// English rules (abbreviations such as e.g., i.e., Inc. and U.S., decimals, version numbers, domain
// names, ellipses, quotes and brackets) without its per-character node objects; sentence-splitter
// itself stays the reference (splitterSentences, test/differential/sentences.test.ts). Offsets index Block.text.
import { split } from 'sentence-splitter';
import { English } from 'sentence-splitter/lang';
import type { Block } from '../types.js';
import { SEPARATOR } from '../types.js';
import { UnitBuffer } from './units.js';
import { LETTER_OR_DIGIT, unicodeRegExp } from './unicode-regexp.js';

const units = new UnitBuffer();

export interface Sentence {
  /** Index into the block text, end exclusive; trimmed of surrounding white space. */
  start: number;
  end: number;
  text: string;
}

const MAYBE_BOUNDARY = /[.!?\u2026\u3002\uFF01\uFF1F]/;

const cache = new WeakMap<Block, Sentence[]>();
// Splitting is the slow part of the tone checks; in an editor most paragraphs are unchanged
// between two runs, so results are also kept by text, in two generations of at most BY_TEXT_MAX / 2
// (a text seen in the older one moves to the newer; the older is dropped when the newer fills).
// Deleting the oldest entry one at a time instead made Map.keys() walk the deleted slots.
let byText = new Map<string, Sentence[]>();
let byTextOld = new Map<string, Sentence[]>();
const BY_TEXT_MAX = 20_000;

/** The sentences of a block (cached: several checks ask for them, and runs repeat). */
export function blockSentences(block: Block): Sentence[] {
  let s = cache.get(block);
  if (!s) {
    s = byText.get(block.text);
    if (!s) {
      s = byTextOld.get(block.text) ?? sentencesOf(block.text);
      if (byText.size >= BY_TEXT_MAX / 2) {
        byTextOld = byText;
        byText = new Map();
      }
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
  // Read by typed array: charCodeAt on block texts was a third of the pass (text/units.ts).
  const u = units.of(text);
  for (const [from, to] of chunks(text)) onePass(out, text, u, from, to);
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
function onePass(out: Sentence[], text: string, u: Uint16Array, from: number, to: number): void {
  let pairs = 0; // bit k: pair kind k open
  let rangeEnd = from;
  let start = -1; // first character of the open sentence
  let i = from;
  while (i < to) {
    const k = CLASS[u[i]!]!;
    if ((k & SP) !== 0) {
      i++;
      continue;
    }
    if ((k & (DOT | END)) !== 0 && isSeparator(u, i, to, pairs, rangeEnd)) {
      do i++;
      while (i < to && (CLASS[u[i]!]! & (DOT | END)) !== 0 && isSeparator(u, i, to, pairs, rangeEnd));
      if (start >= 0) push(out, text, start, i);
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    // A run of text: up to a line break or a separator (spaces included). Each character is read
    // once; the one before it decides whether a word (and so a possible abbreviation) starts here.
    let before = i === from ? SP : CLASS[u[i - 1]!]!;
    for (;;) {
      const d = u[i]!;
      const e = CLASS[d]!;
      if ((e & BR) !== 0) break;
      if (i >= rangeEnd && ((before & SP) !== 0 || ((before & CJK_MAYBE) !== 0 && isCJK(u[i - 1]!)))) rangeEnd = abbreviationEnd(text, u, i, from, to, rangeEnd);
      if ((e & PAIR) !== 0) {
        const kind = PAIR_KIND.get(d)!;
        const bit = 1 << kind;
        if ((pairs & bit) === 0) {
          if (d === PAIR_OPEN[kind]) pairs |= bit;
        } else if (d === PAIR_CLOSE[kind]) pairs &= ~bit;
      }
      before = e;
      if (++i >= to) break;
      if ((CLASS[u[i]!]! & (DOT | END)) !== 0 && isSeparator(u, i, to, pairs, rangeEnd)) break;
    }
  }
  if (start >= 0) push(out, text, start, to);
}

// A "separator" at p, given that p holds a separator character (DOT or END).
function isSeparator(u: Uint16Array, p: number, to: number, pairs: number, rangeEnd: number): boolean {
  if (pairs !== 0 || p < rangeEnd) return false;
  return u[p]! !== 0x2e || p + 1 >= to || isSpace(u[p + 1]!);
}

// Classes of UTF-16 units for the pass, one byte each (charCodeAt never exceeds 0xffff).
const SP = 1; // white space as /\s/ sees it (sentence-splitter's NewLineParser and SpaceParser between them)
const BR = 2; // a line break: ends a run of text
const DOT = 4; // "." ends a sentence before white space or the end
const END = 8; // ! ? and the CJK end marks always do
const PAIR = 16; // opens or closes one of the splitter's pairs
const CJK_MAYBE = 32; // at or above U+1100: may be CJK (decided by CJK_KNOWN / CJK_YES, once per unit)
const CJK_KNOWN = 64;
const CJK_YES = 128;
const CLASS = new Uint8Array(0x10000).fill(CJK_MAYBE, 0x1100);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) CLASS[c]! |= SP;
CLASS[0x0a]! |= BR;
CLASS[0x0d]! |= BR;
CLASS[0x2e]! |= DOT;
for (const c of [0x21, 0x3f, 0xff0e, 0x3002, 0xff1f, 0xff01]) CLASS[c]! |= END;

function isSpace(c: number): boolean {
  return (CLASS[c]! & SP) !== 0;
}
const CJK = unicodeRegExp(String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`);
// One UTF-16 unit, as the splitter reads them (a surrogate half is never CJK).
function isCJK(c: number): boolean {
  let k = CLASS[c]!;
  if ((k & CJK_MAYBE) === 0) return false;
  if ((k & CJK_KNOWN) === 0) CLASS[c] = k |= CJK_KNOWN | (CJK.test(String.fromCharCode(c)) ? CJK_YES : 0);
  return (k & CJK_YES) !== 0;
}

// The word the splitter reads at p: up to white space or a CJK character (or the end).
function wordEnd(u: Uint16Array, p: number, to: number): number {
  let j = p;
  while (j < to && !isSpace(u[j]!) && !isCJK(u[j]!)) j++;
  return j;
}

const lower = (l: readonly string[]) => new Set(l.map((w) => w.toLowerCase()));
const EXCLAMATION = lower(English.EXCLAMATION_WORDS);
const PREPOSITIVE = lower(English.PREPOSITIVE_ABBREVIATIONS);
const ABBREVIATIONS = lower(English.ABBREVIATIONS);
const CAPITALIZED = unicodeRegExp(String.raw`^\p{Uppercase_Letter}`);
const CAPITAL_DOT = unicodeRegExp(String.raw`^\p{Uppercase_Letter}\.`);
const UPPER = unicodeRegExp(String.raw`\p{Lu}`);

/**
 * AbbrMarker.mark at a word start p: the new furthest range end (the word's end when the word is
 * an abbreviation, else `rangeEnd` unchanged). Every entry that can cover a separator holds an
 * ASCII "." or "!", so other words are skipped at once.
 */
function abbreviationEnd(text: string, u: Uint16Array, p: number, from: number, to: number, rangeEnd: number): number {
  let dotOrBang = false;
  let end = p;
  for (; end < to; end++) {
    const c = u[end]!;
    if ((CLASS[c]! & SP) !== 0 || isCJK(c)) break;
    if (c === 0x2e || c === 0x21) dotOrBang = true;
  }
  if (!dotOrBang) return rangeEnd;
  const word = text.slice(p, end);
  const lw = word.toLowerCase();
  if (/^(?:[a-zA-Z]\.){3,}$/.test(word) || EXCLAMATION.has(lw) || PREPOSITIVE.has(lw) || /^\d+\.$/.test(word)) return Math.max(rangeEnd, end);
  // The next word starts one character after this one's end (whatever that character is).
  const nextWord = end + 1 < to ? text.slice(end + 1, wordEnd(u, end + 1, to)) : '';
  const nextCapital = CAPITALIZED.test(nextWord);
  if (nextCapital && CAPITAL_DOT.test(word) && CAPITALIZED.test(previousWord(text, u, p, from, to))) return Math.max(rangeEnd, end);
  if (ABBREVIATIONS.has(lw) && !nextCapital) return Math.max(rangeEnd, end);
  return rangeEnd;
}

// AbbrMarker.getPrevWord: back over white space, back over the word, then read it forwards.
function previousWord(text: string, u: Uint16Array, p: number, from: number, to: number): string {
  let q = p - 1;
  while (q >= from && isSpace(u[q]!)) q--;
  while (q >= from && !isSpace(u[q]!)) q--;
  return text.slice(q + 1, wordEnd(u, q + 1, to));
}

const PAIR_KIND = new Map<number, number>();
const PAIR_OPEN: number[] = [];
const PAIR_CLOSE: number[] = [];

/** Sentences by sentence-splitter alone, for one stretch of text (the differential tests hold sentencesOf to it). */
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
  CLASS[open.charCodeAt(0)]! |= PAIR;
  CLASS[close.charCodeAt(0)]! |= PAIR;
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
    if (n >= to || !UPPER.test(text[n]!)) continue;
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
  while (start < end && isSpaceOrSep(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrSep(text.charCodeAt(end - 1))) end--;
  // A lone "?" or "—" is no sentence (sentence-splitter agrees: it makes a punctuation node).
  if (end > start && hasLetterOrDigit(text, start, end)) out.push({ start, end, text: text.slice(start, end) });
}

const isSpaceOrSep = (c: number): boolean => c === SEP || isSpace(c);
const SEP = SEPARATOR.charCodeAt(0);
const LN = LETTER_OR_DIGIT;
const ASCII_LN = new Uint8Array(128).map((_, c) => (LN.test(String.fromCharCode(c)) ? 1 : 0));
// LN.test(text.slice(start, end)), deciding by a table until the first non-ASCII unit.
function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return LN.test(text.slice(i, end));
    if (ASCII_LN[c] === 1) return true;
  }
  return false;
}

// Pieces of text that can never share a sentence: split at blank lines and at separator runs that
// stand on a line of their own.
function chunks(text: string): Array<[number, number]> {
  // Every break the pattern finds starts at a line break.
  if (!text.includes('\n')) return text.length > 0 ? [[0, text.length]] : [];
  const out: Array<[number, number]> = [];
  const re = CHUNK_BREAK;
  re.lastIndex = 0;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, text.length]);
  return out.filter(([a, b]) => b > a);
}
const CHUNK_BREAK = new RegExp(`\\n[ \\t]*(?:\\r?\\n|${SEPARATOR}+[ \\t]*(?:\\r?\\n|$))\\s*`, 'g');

// Where a reader sees a new sentence that sentence-splitter (and so sentencesOf) does not:
// - after an end mark inside closing quotes or brackets: `ready.” Then`, `(see below.) Next`;
// - after a number: `in 2019. Our` (the splitter reads any "2019." as a list number);
// - between the sentences of a quotation or a parenthesis: `“We tried it. It works.”` (inside a
//   pair the splitter never ends a sentence);
// - after a label and a spaced dash, where a sentence opens: `Restart your trial - If you need
//   more time, just let us know.` (a capital after a dash is more often a name: only these openers).
// Each needs white space and then a capital letter (after an opening quote or bracket, if any);
// an abbreviation ("Dr.", "e.g.", "U.S.") or an initial ("J.") before the mark never ends one.
const DASH_OPENER = "(?:If|You|We|Just|Please|Click|When|Let|Don't|Don’t|Do|I)";
const READER_END = unicodeRegExp(String.raw`([.!?]+|\s[-–—](?=\s+${DASH_OPENER}\b))(["'”’»)\]]*)(\s+)(?=["'“‘«(\[]?\p{Lu})`, 'gu');
const PLAIN_WORD = unicodeRegExp(String.raw`^[\p{L}\p{N}'’-]*[\p{Ll}\p{N}]$`);

/**
 * A block's sentences as a reader counts them (sentence-length): blockSentences, each cut further
 * where a reader sees an end that sentence-splitter does not (READER_END).
 */
export function readerSentences(block: Block): Sentence[] {
  const out: Sentence[] = [];
  for (const s of blockSentences(block)) {
    let from = s.start;
    READER_END.lastIndex = 0;
    for (let m = READER_END.exec(s.text); m; m = READER_END.exec(s.text)) {
      const mark = s.start + m.index;
      const cut = mark + m[1]!.length + m[2]!.length;
      const closed = m[2]!.length > 0;
      if (!closed && m[1] === '.') {
        // The word before the full stop: a plain word or a number (not the sentence's first word,
        // which may be a list number), never an abbreviation or an initial.
        const before = block.text.slice(from, mark);
        const word = /\S*$/.exec(before)![0];
        const first = before.trim() === word;
        if ((word.length < 2 && !/\d/.test(word)) || !PLAIN_WORD.test(word) || NEVER_BEFORE.has(`${word}.`.toLowerCase()) || ABBREVIATIONS.has(`${word}.`.toLowerCase()) || (first && /^\d+$/.test(word))) continue;
      }
      if (cut <= from) continue;
      out.push({ start: from, end: cut, text: block.text.slice(from, cut) });
      from = cut + m[3]!.length;
    }
    out.push(from === s.start ? s : { start: from, end: s.end, text: block.text.slice(from, s.end) });
  }
  return out;
}
