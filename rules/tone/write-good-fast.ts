// write-good's checks as one pass over a block's word runs. write-good runs one regular expression
// per check (a 700-way alternation for clichés, 236 for wordy phrases) and allocates a suggestion
// with a reason string per hit; here a block's sentences are laid out once as char codes in one
// typed array with their ASCII word runs (the \w of those regexes), and every check reads the same
// layout. The word lists are write-good's own, kept as data (data/write-good-lists.json); the
// differential tests (test/differential/write-good*.test.ts) hold every check to the write-good
// package on every sentence of the corpus.
//
// The regexes are non-Unicode and case-insensitive: \w and \b are ASCII, and only ASCII letters
// match each other case-insensitively; everything below compares the same way.
import { WRITE_GOOD_LISTS } from './write-good-data.js';
import { WRITE_GOOD_TABLES } from './write-good-tables.js';

export type WriteGoodCheck = 'weasel' | 'illusion' | 'so' | 'thereIs' | 'passive' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';

/** A suggestion as write-good gives it: start and length in the text it was handed. */
export interface Suggestion {
  index: number;
  offset: number;
}

const isW = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
// JavaScript's \s.
function isSpace(c: number): boolean {
  if (c < 128) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
// too-wordy and no-cliches write a space as [\b\s\u200C]* (\b in a class is a backspace).
const isGap = (c: number) => c === 0x08 || c === 0x200c || isSpace(c);

// --- the layout: what write-good reads for each sentence of a block, as char codes ---

/**
 * A block's sentences as write-good reads them, in one array of char codes: text k (k < n) sits at
 * [off[k], off[k] + len[k]) with a NUL before and after it. A NUL is no word character, space, gap,
 * clause end or phrase character, so reading one code past either end of a text reads what a
 * string's end reads as, and the scans need no bounds beyond the texts' own (a NUL inside a text
 * reads the same as in the string). Text k's ASCII word runs are [runFrom[k], runFrom[k + 1]) in
 * `starts` and `ends` (positions in `codes`). No string is made per text or run. The arrays may be
 * longer than what they hold: a layout made again into the same object (`layoutOf`'s `into`, the
 * rules' one scratch layout) reuses its buffers and only grows them.
 */
export interface Layout {
  n: number;
  codes: Uint16Array;
  off: Int32Array;
  len: Int32Array;
  runFrom: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** The clauses write-good's "so" and "there is" read, as (text, start, end) triples in codes: clauseN of them, -1 until first used. */
  clauses: Int32Array;
  clauseN: number;
}

/** An empty layout, to lay texts out into again and again (`layoutOf`'s `into`). */
export function newLayout(): Layout {
  const z = () => new Int32Array(64);
  return { n: 0, codes: new Uint16Array(1024), off: z(), len: z(), runFrom: z(), starts: z(), ends: z(), clauses: z(), clauseN: -1 };
}

/**
 * Lay out source[start, end) for each span. With `asInput`, each text is what the rules hand
 * write-good (writeGoodInput of asOneLine): line breaks read as spaces, and a full stop added
 * when the text does not end with end punctuation (closers after it allowed). `into` is a layout
 * to reuse (its buffers grow when they must); without it the layout is new.
 */
export function layoutOf(source: string, spans: readonly { start: number; end: number }[], asInput: boolean, into?: Layout): Layout {
  const L = into ?? newLayout();
  const n = spans.length;
  let total = 1;
  for (let k = 0; k < n; k++) total += spans[k]!.end - spans[k]!.start + 2;
  if (L.codes.length < total) L.codes = new Uint16Array(Math.max(total, L.codes.length * 2));
  if (L.off.length < n + 1) {
    const m = Math.max(n + 1, L.off.length * 2);
    L.off = new Int32Array(m);
    L.len = new Int32Array(m);
    L.runFrom = new Int32Array(m);
  }
  const { codes, off, len, runFrom } = L;
  let { starts, ends } = L;
  L.n = n;
  L.clauseN = -1;
  codes[0] = 0;
  let runs = 0;
  let pos = 1;
  for (let k = 0; k < n; k++) {
    const { start, end } = spans[k]!;
    off[k] = pos;
    runFrom[k] = runs;
    let inRun = false;
    for (let i = start; i < end; i++) {
      let c = source.charCodeAt(i);
      if (asInput && (c === 0x0a || c === 0x0d)) c = 0x20;
      codes[pos] = c;
      if (isW(c) !== inRun) {
        if (inRun) ends[runs++] = pos;
        else {
          if (runs === starts.length) {
            starts = L.starts = growInt32(starts);
            ends = L.ends = growInt32(ends);
          }
          starts[runs] = pos;
        }
        inRun = !inRun;
      }
      pos++;
    }
    if (inRun) ends[runs++] = pos;
    if (asInput && !endsWithMark(codes, off[k]!, pos)) codes[pos++] = 0x2e;
    len[k] = pos - off[k]!;
    codes[pos++] = 0; // the NUL after it
  }
  runFrom[n] = runs;
  return L;
}

function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

// writeGoodInput's /[.!?;]["'”’)\]]*$/, read from the end: the closers, then an end mark.
function endsWithMark(codes: Uint16Array, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && isCloser(codes[i]!)) i--;
  return i >= from && isClauseEnd(codes[i]!);
}
const isCloser = (c: number) => c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
const isClauseEnd = (c: number) => c === 0x2e || c === 0x3b || c === 0x21 || c === 0x3f;

/** Text k of a layout as a string (for the checks that still read strings). */
export function layoutText(L: Layout, k: number): string {
  const from = L.off[k]!;
  const to = from + L.len[k]!;
  let s = '';
  for (let i = from; i < to; i += 4096) s += String.fromCharCode(...L.codes.subarray(i, Math.min(to, i + 4096)));
  return s;
}

// --- alternations of literal phrases (weasel words, wordy phrases, clichés, forms of "to be") ---

// The phrases as a trie over lower-cased char codes. A gap edge (a space written as
// [\b\s\u200C]*) consumes every gap character there is: in every phrase a literal follows a gap,
// and a literal is never a gap character, so the regex never gives one back (except for a gap at
// the very end, where \b may need it). A node's rank is the alternation order of the phrase ending
// there (Infinity: none), its min the lowest rank under it (a walk stops once a better match is known).

export interface Alternation {
  phrases: readonly string[];
  gaps: boolean;
  aliases?: ReadonlyMap<number, number>;
  notAfterHyphen: boolean;
  /** Every phrase, flattened. */
  table: Table;
}

/**
 * A trie flattened into typed arrays, walked without recursion along literal edges and without
 * allocating: node n's edge for character class k is next[n * classes + k] (-1: none). Characters
 * are classed by the (lower-cased) characters the phrases hold; any other is no edge (NUL
 * included: no phrase holds one).
 */
export interface Table {
  classes: number;
  /** ASCII char code -> class, -1 for none (upper-case letters share their lower-case class). */
  ascii: Int16Array;
  /** Classes of non-ASCII characters (compared as they are, like the regexes). */
  other: Map<number, number>;
  next: Int32Array;
  gap: Int32Array;
  rank: Float64Array;
  min: Float64Array;
}

/** One class per phrase character, in order (an ASCII letter's upper case reads as its lower case); an alias reads as its target's class. */
function charClasses(chars: Iterable<number>, aliases: ReadonlyMap<number, number>): { ascii: Int16Array; other: Map<number, number>; classes: number } {
  const ascii = new Int16Array(128).fill(-1);
  const other = new Map<number, number>();
  let classes = 0;
  for (const c of chars) {
    const k = classes++;
    if (c < 128) {
      ascii[c] = k;
      // lowerAscii(c) is how the text is compared: an upper-case letter reads as its lower case.
      if (c >= 97 && c <= 122) ascii[c - 32] = k;
    } else other.set(c, k);
  }
  for (const [from, to] of aliases) {
    const k = to < 128 ? ascii[to]! : other.get(to) ?? -1;
    if (k >= 0) other.set(from, k);
  }
  return { ascii, other, classes };
}

/** Every alternation this module made (test/differential/write-good-tables.test.ts checks their tables). */
export const ALTERNATIONS: Alternation[] = [];

/**
 * The alternation of a list of ALTERNATION_LISTS, its table laid out from the trie stored in
 * write-good-tables.ts (generated; built here, ~10× slower at a start, if that list has changed).
 */
function alternation(name: keyof typeof ALTERNATION_LISTS, notAfterHyphen = false, aliases?: ReadonlyMap<number, number>): Alternation {
  const { phrases, gaps } = ALTERNATION_LISTS[name];
  const stored = WRITE_GOOD_TABLES[name];
  const table = stored?.key === listKey(phrases, gaps) ? layOut(decodeTrie(stored.trie), aliases) : buildTable(phrases, gaps, aliases);
  const alt = { phrases, gaps, aliases, notAfterHyphen, table };
  ALTERNATIONS.push(alt);
  return alt;
}

/** What a stored trie was made from, checked before it is used. */
export function listKey(phrases: readonly string[], gaps: boolean): string {
  return `${gaps ? 'gaps' : 'words'} ${phrases.length} ${phrases.join('\n').length}`;
}

/** write-good-tables.ts as `node rules/tone/data/build-write-good-tables.mjs` writes it. */
export function tablesModuleSource(): string {
  const lines = [
    '// Generated by `node rules/tone/data/build-write-good-tables.mjs` (after `npm run build`): do not edit.',
    "// write-good's alternations as tries ready to lay out (encodeTrie in write-good-fast.ts); building them",
    '// at every start cost ~35 ms. test/differential/write-good-tables.test.ts fails when this file is not current.',
    'export const WRITE_GOOD_TABLES: Record<string, { key: string; trie: string } | undefined> = {',
  ];
  for (const [name, { phrases, gaps }] of Object.entries(ALTERNATION_LISTS)) {
    lines.push(`  ${name}: {`, `    key: '${listKey(phrases, gaps)}',`, `    trie: '${encodeTrie(trieOf(phrases, gaps))}',`, '  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}

const NO_ALIASES: ReadonlyMap<number, number> = new Map();

/**
 * A table before it is laid out: its nodes numbered breadth first (literal edges in insertion order,
 * a Map's, then the gap edge), each after the root with its parent and the class of the edge into it,
 * the chars of the classes in the order they are met, and the rank of each node a phrase ends at.
 * The min of a node is the lowest rank under it. This is what the generated write-good-tables.ts
 * holds (encodeTrie), so a start lays the tables out instead of building them.
 */
export interface FlatTrie {
  /** Class k's char code. */
  chars: number[];
  /** Node i's parent (the root's: -1) and the class of the edge into it (GAP_EDGE: the gap edge). */
  parent: Int32Array;
  klass: Int32Array;
  /** (node, rank) for every node a phrase ends at. */
  ends: number[];
}
const GAP_EDGE = 0xffff;

/** The phrases as a FlatTrie, in typed arrays. */
export function trieOf(phrases: readonly string[], gaps: boolean): FlatTrie {
  let cap = 256;
  // Per node (numbered as made): its first literal child, its next sibling, the char on the edge
  // into it, its gap child (-1: none) and its rank.
  let first = new Int32Array(cap);
  let sibling = new Int32Array(cap);
  let char = new Int32Array(cap);
  let gapOf = new Int32Array(cap);
  let rankOf = new Float64Array(cap);
  let count = 0;
  const make = (c: number): number => {
    if (count === cap) {
      cap *= 2;
      first = grow(first, cap);
      sibling = grow(sibling, cap);
      char = grow(char, cap);
      gapOf = grow(gapOf, cap);
      rankOf = grow(rankOf, cap);
    }
    first[count] = -1;
    sibling[count] = -1;
    char[count] = c;
    gapOf[count] = -1;
    rankOf[count] = Infinity;
    return count++;
  };
  make(-1);
  for (let order = 0; order < phrases.length; order++) {
    const lower = phrases[order]!.toLowerCase();
    let n = 0;
    // By code point, each keyed by its first code unit.
    for (let i = 0; i < lower.length; i += lower.codePointAt(i)! > 0xffff ? 2 : 1) {
      const c = lower.charCodeAt(i);
      if (gaps && c === 32) {
        if (gapOf[n]! < 0) {
          const g = make(-1);
          gapOf[n] = g;
        }
        n = gapOf[n]!;
      } else {
        let e = first[n]!;
        let last = -1;
        while (e >= 0 && char[e] !== c) {
          last = e;
          e = sibling[e]!;
        }
        if (e < 0) {
          e = make(c);
          if (last < 0) first[n] = e;
          else sibling[last] = e;
        }
        n = e;
      }
    }
    if (order < rankOf[n]!) rankOf[n] = order;
  }

  // Breadth first, literal edges before the gap edge; classes in the order their chars are met.
  const byId = new Int32Array(count);
  const parent = new Int32Array(count).fill(-1);
  const klass = new Int32Array(count).fill(-1);
  const classOfChar = new Map<number, number>();
  const chars: number[] = [];
  let size = 1;
  for (let q = 0; q < size; q++) {
    const n = byId[q]!;
    for (let e = first[n]!; e >= 0; e = sibling[e]!) {
      const c = char[e]!;
      let k = classOfChar.get(c);
      if (k === undefined) {
        classOfChar.set(c, (k = chars.length));
        chars.push(c);
      }
      parent[size] = q;
      klass[size] = k;
      byId[size++] = e;
    }
    const g = gapOf[n]!;
    if (g >= 0) {
      parent[size] = q;
      klass[size] = GAP_EDGE;
      byId[size++] = g;
    }
  }
  const ends: number[] = [];
  for (let i = 0; i < count; i++) if (rankOf[byId[i]!]! < Infinity) ends.push(i, rankOf[byId[i]!]!);
  return { chars, parent, klass, ends };
}

/** A FlatTrie laid out as the walk's Table. */
export function layOut(trie: FlatTrie, aliases: ReadonlyMap<number, number> = NO_ALIASES): Table {
  const { chars, parent, klass, ends } = trie;
  const { ascii, other, classes } = charClasses(chars, aliases);
  // An edge goes under its char's class as read from text: a phrase char that is also an alias reads
  // as the alias's target (a later edge into the same slot wins).
  const read = chars.map((c) => (c < 128 ? ascii[c]! : other.get(c)!));
  const count = parent.length;
  const next = new Int32Array(Math.max(1, count * classes)).fill(-1);
  const gap = new Int32Array(count).fill(-1);
  const rank = new Float64Array(count).fill(Infinity);
  for (let i = 1; i < count; i++) {
    if (klass[i] === GAP_EDGE) gap[parent[i]!] = i;
    else next[parent[i]! * classes + read[klass[i]!]!] = i;
  }
  for (let x = 0; x < ends.length; x += 2) rank[ends[x]!] = ends[x + 1]!;
  // Children are numbered after their parent: one pass from the last node up gives each subtree's min.
  const min = rank.slice();
  for (let i = count - 1; i > 0; i--) if (min[i]! < min[parent[i]!]!) min[parent[i]!] = min[i]!;
  return { classes, ascii, other, next, gap, rank, min };
}

/** The walk's Table of a phrase list, built (a start lays out the stored tries instead). */
export function buildTable(phrases: readonly string[], gaps: boolean, aliases: ReadonlyMap<number, number> = NO_ALIASES): Table {
  return layOut(trieOf(phrases, gaps), aliases);
}

/** A FlatTrie as text: base64 of little-endian 16-bit numbers (chars, parents and classes, ends). */
export function encodeTrie(trie: FlatTrie): string {
  const { chars, parent, klass, ends } = trie;
  const words = [chars.length, ...chars, parent.length];
  for (let i = 1; i < parent.length; i++) words.push(parent[i]!, klass[i]!);
  words.push(ends.length / 2, ...ends);
  if (words.some((w) => !Number.isInteger(w) || w < 0 || w > 0xffff)) throw new Error('encodeTrie: a number does not fit 16 bits');
  return Buffer.from(Uint16Array.from(words).buffer).toString('base64');
}

/** encodeTrie's text as the FlatTrie again. */
export function decodeTrie(text: string): FlatTrie {
  const b = Buffer.from(text, 'base64');
  let at = 0;
  const word = () => {
    const w = b[at]! | (b[at + 1]! << 8);
    at += 2;
    return w;
  };
  const chars: number[] = [];
  for (let k = word(); k > 0; k--) chars.push(word());
  const count = word();
  const parent = new Int32Array(count).fill(-1);
  const klass = new Int32Array(count).fill(-1);
  for (let i = 1; i < count; i++) {
    parent[i] = word();
    klass[i] = word();
  }
  const ends: number[] = [];
  for (let e = word(); e > 0; e--) ends.push(word(), word());
  return { chars, parent, klass, ends };
}

function grow<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

interface Best {
  rank: number;
  end: number;
}

/** \b at position i of a layout (its NULs read as a string's ends). */
const boundaryAt = (c: Uint16Array, i: number) => isW(c[i - 1]!) !== isW(c[i]!);

/** A character's class in a table, -1 for none. */
function classOf(t: Table, c: number): number {
  return c < 128 ? t.ascii[c]! : t.other.size ? t.other.get(c) ?? -1 : -1;
}

/** Every phrase under node n that matches from i (then \b), keeping the one first in order: literal
 * edge first, then the gap edge, a loop along literal edges; it recurses only where a node has both. */
function walk(c: Uint16Array, t: Table, n: number, i: number, gapStart: number, best: Best): void {
  const { classes, next, gap, rank, min } = t;
  for (;;) {
    if (min[n]! >= best.rank) return;
    const r = rank[n]!;
    if (r < best.rank) {
      if (boundaryAt(c, i)) {
        best.rank = r;
        best.end = i;
      } else if (gapStart >= 0) {
        for (let j = i - 1; j >= gapStart; j--) {
          if (boundaryAt(c, j)) {
            best.rank = r;
            best.end = j;
            break;
          }
        }
      }
    }
    // A NUL (the end of the text) has no class, and no gap: every path stops there.
    const k = classOf(t, c[i]!);
    const lit = k >= 0 ? next[n * classes + k]! : -1;
    const g = gap[n]!;
    if (g >= 0) {
      if (lit >= 0) walk(c, t, lit, i + 1, -1, best);
      let j = i;
      while (isGap(c[j]!)) j++;
      n = g;
      gapStart = i;
      i = j;
    } else if (lit >= 0) {
      n = lit;
      i++;
      gapStart = -1;
    } else return;
  }
}

/** Is c[a, b) exactly one of a table's phrases (ASCII case-insensitively)? For lists of plain words. */
function isListed(t: Table, c: Uint16Array, a: number, b: number): boolean {
  let n = 0;
  for (let i = a; i < b; i++) {
    const k = classOf(t, c[i]!);
    if (k < 0) return false;
    n = t.next[n * t.classes + k]!;
    if (n < 0) return false;
  }
  return t.rank[n]! < Infinity;
}

/**
 * All matches of /\b(?<!-)?(alternatives)\b/gi in every text of the layout, leftmost first, as the
 * regex finds them, pushed as (text, index, length) triples.
 */
function alternationHits(L: Layout, alt: Alternation, out: number[]): void {
  const { n, codes, off, runFrom, starts } = L;
  const best: Best = { rank: Infinity, end: -1 };
  for (let k = 0; k < n; k++) {
    let last = 0;
    for (let q = runFrom[k]!; q < runFrom[k + 1]!; q++) {
      const p = starts[q]!;
      if (p < last) continue;
      if (alt.notAfterHyphen && codes[p - 1] === 0x2d) continue;
      // Every alternative starts with a letter, so it can only match where a run starts. The first
      // alternative (in the list's order) that matches wins, as in the regex.
      best.rank = Infinity;
      best.end = -1;
      walk(codes, alt.table, 0, p, -1, best);
      if (best.end === -1) continue;
      out.push(k, p - off[k]!, best.end - p);
      last = best.end;
    }
  }
}

const LISTS = WRITE_GOOD_LISTS;
/** The phrase lists of the alternations (gaps: a space in a phrase matches any run of gap characters). */
export const ALTERNATION_LISTS = {
  weasels: { phrases: LISTS.weasels!, gaps: false },
  weaselExceptions: { phrases: LISTS.weaselExceptions!, gaps: false },
  adverbs: { phrases: [...LISTS.adverbStems!.map((s) => `${s}y`), ...LISTS.weakeners!], gaps: false },
  wordy: { phrases: LISTS.wordy!, gaps: true },
  cliches: { phrases: LISTS.cliches!, gaps: true },
  toBe: { phrases: LISTS.toBe!, gaps: false },
  irregulars: { phrases: LISTS.irregulars!, gaps: false },
  passiveExceptions: { phrases: LISTS.passiveExceptions!, gaps: false },
} satisfies Record<string, { phrases: readonly string[]; gaps: boolean }>;
const WEASELS = alternation('weasels');
const WEASEL_EXCEPTION_TABLE = alternation('weaselExceptions').table;
const ADVERBS = alternation('adverbs');
const WORDY = alternation('wordy', true);
const CLICHES = alternation('cliches');
const TO_BE = alternation('toBe', false, new Map([[0x2018, 0x27], [0x2019, 0x27]]));
const IRREGULAR_TABLE = alternation('irregulars').table;
const PASSIVE_EXCEPTION_TABLE = alternation('passiveExceptions').table;

// weasel-words: "many" and "few" are fine right after "too " (exactly that, as write-good checks).
function weaselHits(L: Layout, out: number[]): void {
  const found: number[] = [];
  alternationHits(L, WEASELS, found);
  const { codes, off, len } = L;
  for (let x = 0; x < found.length; x += 3) {
    const k = found[x]!;
    const index = found[x + 1]!;
    const p = off[k]! + index;
    if (isListed(WEASEL_EXCEPTION_TABLE, codes, p, p + found[x + 2]!) && substrIs(codes, off[k]!, len[k]!, index - 4, 'too ')) continue;
    out.push(k, index, found[x + 2]!);
  }
}

/** text.substr(start, lit.length) === lit, for text k of a layout (a negative start counts from the end, as substr does). */
function substrIs(codes: Uint16Array, from: number, size: number, start: number, lit: string): boolean {
  if (start < 0) start = Math.max(size + start, 0);
  if (Math.min(size, start + lit.length) - start !== lit.length) return false;
  for (let x = 0; x < lit.length; x++) if (codes[from + start + x] !== lit.charCodeAt(x)) return false;
  return true;
}

// passive-voice: /\b(am|are|were|being|is|been|was|be)\b\s*([\w]+ed|irregulars)\b/gi: a form of
// "to be", white space, then a word ending in "ed" or an irregular participle ("indeed" excepted).
function passiveHits(L: Layout, out: number[]): void {
  const { n, codes, off, runFrom, starts, ends } = L;
  for (let k = 0; k < n; k++) {
    for (let q = runFrom[k]!; q + 1 < runFrom[k + 1]!; q++) {
      if (!isBe(codes, starts[q]!, ends[q]!)) continue;
      const a = ends[q]!;
      const b = starts[q + 1]!;
      let gapOk = true;
      for (let x = a; x < b && gapOk; x++) gapOk = isSpace(codes[x]!);
      if (!gapOk) continue;
      const wa = b;
      const wb = ends[q + 1]!;
      const ed = wb - wa >= 3 && lowerAscii(codes[wb - 2]!) === 0x65 && lowerAscii(codes[wb - 1]!) === 0x64;
      if (!ed && !isListed(IRREGULAR_TABLE, codes, wa, wb)) continue;
      // A match (even an excepted one) resumes after the participle.
      if (!isListed(PASSIVE_EXCEPTION_TABLE, codes, wa, wb)) out.push(k, starts[q]! - off[k]!, wb - starts[q]!);
      q++;
    }
  }
}

/** Is c[a, b) a form of "to be" (am, are, were, being, is, been, was, be), compared by characters (ASCII case-insensitively)? */
function isBe(c: Uint16Array, a: number, b: number): boolean {
  switch (b - a) {
    case 2:
      return asciiAt(c, a, 'is') || asciiAt(c, a, 'be') || asciiAt(c, a, 'am');
    case 3:
      return asciiAt(c, a, 'are') || asciiAt(c, a, 'was');
    case 4:
      return asciiAt(c, a, 'were') || asciiAt(c, a, 'been');
    case 5:
      return asciiAt(c, a, 'being');
  }
  return false;
}

/** Does c hold the lower-case ASCII word `lit` at `at` (ASCII case-insensitively)? A NUL ends a text, so no bound is needed. */
function asciiAt(c: Uint16Array, at: number, lit: string): boolean {
  for (let x = 0; x < lit.length; x++) if (lowerAscii(c[at + x]!) !== lit.charCodeAt(x)) return false;
  return true;
}

// write-good's clause split for "so" and "there is": /([^\n.;!?]+)([.;!?]+)/g, over every text.
function clausesOf(L: Layout): Int32Array {
  if (L.clauseN >= 0) return L.clauses;
  const { codes, off, len } = L;
  let out = L.clauses;
  let m = 0;
  for (let k = 0; k < L.n; k++) {
    const n = off[k]! + len[k]!;
    let i = off[k]!;
    while (i < n) {
      // A clause: a maximal run of other characters, then a run of end marks. A run that reaches a
      // line break or the end without an end mark is no clause; the search goes on after it.
      let j = i;
      while (j < n && !isClauseEnd(codes[j]!) && codes[j] !== 0x0a) j++;
      if (j === i) {
        i++;
        continue;
      }
      if (j < n && isClauseEnd(codes[j]!)) {
        if (m + 3 > out.length) out = L.clauses = growInt32(out);
        out[m++] = k;
        out[m++] = i;
        out[m++] = j;
        while (j < n && isClauseEnd(codes[j]!)) j++;
      }
      i = j;
    }
  }
  L.clauseN = m / 3;
  return out;
}

// /^(\s)*so\b[\s\S]/i on the clause; write-good's index skips one white-space character (the last
// one its group captured), whatever their number.
function soHits(L: Layout, out: number[]): void {
  const { codes, off } = L;
  const cl = clausesOf(L);
  for (let x = 0; x < L.clauseN * 3; x += 3) {
    const a = cl[x + 1]!;
    const b = cl[x + 2]!;
    let w = a;
    while (w < b && isSpace(codes[w]!)) w++;
    if (w + 2 >= b || lowerAscii(codes[w]!) !== 0x73 || lowerAscii(codes[w + 1]!) !== 0x6f || isW(codes[w + 2]!)) continue;
    out.push(cl[x]!, a - off[cl[x]!]! + (w > a ? 1 : 0), 2);
  }
}

// /^(\s)*there\b\s(is|are)\b/i on the clause.
function thereIsHits(L: Layout, out: number[]): void {
  const { codes, off } = L;
  const cl = clausesOf(L);
  for (let x = 0; x < L.clauseN * 3; x += 3) {
    const a = cl[x + 1]!;
    const b = cl[x + 2]!;
    let w = a;
    while (w < b && isSpace(codes[w]!)) w++;
    if (w + 6 > b || !asciiAt(codes, w, 'there') || !isSpace(codes[w + 5]!)) continue;
    let v = w + 6;
    if (v + 2 <= b && asciiAt(codes, v, 'is') && !(v + 2 < b && isW(codes[v + 2]!))) v += 2;
    else if (v + 3 <= b && asciiAt(codes, v, 'are') && !(v + 3 < b && isW(codes[v + 3]!))) v += 3;
    else continue;
    const lead = w > a ? 1 : 0;
    out.push(cl[x]!, a - off[cl[x]!]! + lead, v - a - lead);
  }
}

// lexical-illusions: /(\s*)([^\s]+)/g, a run of non-space repeating the one before (case-insensitive)
// and holding a \w character. No rule runs it; it reads each text as a string.
function illusionHits(L: Layout, out: number[]): void {
  for (let k = 0; k < L.n; k++) {
    const s = layoutText(L, k);
    let last = '';
    const n = s.length;
    for (let i = 0; i < n; ) {
      if (isSpace(s.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      let word = false;
      for (; j < n && !isSpace(s.charCodeAt(j)); j++) if (!word && isW(s.charCodeAt(j))) word = true;
      const t = s.slice(i, j).toLowerCase();
      if (word && t === last) out.push(k, i, j - i);
      last = t;
      i = j;
    }
  }
}

/**
 * write-good's suggestions for one check on every text of a layout, as (text, index, length)
 * triples, texts in order and each text's suggestions in write-good's order.
 */
export function layoutSuggestions(L: Layout, check: WriteGoodCheck): number[] {
  const out: number[] = [];
  switch (check) {
    case 'weasel':
      weaselHits(L, out);
      break;
    case 'passive':
      passiveHits(L, out);
      break;
    case 'adverb':
      alternationHits(L, ADVERBS, out);
      break;
    case 'tooWordy':
      alternationHits(L, WORDY, out);
      break;
    case 'cliches':
      alternationHits(L, CLICHES, out);
      break;
    case 'eprime':
      alternationHits(L, TO_BE, out);
      break;
    case 'so':
      soHits(L, out);
      break;
    case 'thereIs':
      thereIsHits(L, out);
      break;
    case 'illusion':
      illusionHits(L, out);
      break;
  }
  return out;
}

/** write-good's suggestions for one check on one text. */
export function onePassSuggestions(text: string, check: WriteGoodCheck): Suggestion[] {
  const t = layoutSuggestions(layoutOf(text, [{ start: 0, end: text.length }], false), check);
  const out: Suggestion[] = [];
  for (let x = 0; x < t.length; x += 3) out.push({ index: t[x + 1]!, offset: t[x + 2]! });
  return out;
}

// write-good's "so" and "there is" checks point at the last white-space character before the word
// when a clause starts with more than one; the hits re-find the word where it really starts. A
// hyphenated "So-called" is an adjective, not a filler "So".
// /^so\b(?![-\u2010\u2011])/i and /^there\s+(?:is|are)\b/i at c[i]: the end of the match, or -1.
function anchoredEnd(check: WriteGoodCheck, c: Uint16Array, i: number): number {
  if (check === 'so') {
    if (!asciiAt(c, i, 'so') || isW(c[i + 2]!)) return -1;
    const d = c[i + 2]!;
    return d === 0x2d || d === 0x2010 || d === 0x2011 ? -1 : i + 2;
  }
  if (!asciiAt(c, i, 'there') || !isSpace(c[i + 5]!)) return -1;
  let j = i + 6;
  while (isSpace(c[j]!)) j++;
  if (asciiAt(c, j, 'is') && !isW(c[j + 2]!)) return j + 2;
  if (asciiAt(c, j, 'are') && !isW(c[j + 3]!)) return j + 3;
  return -1;
}

/**
 * Suggestions (text, index, length triples) as the rules report them: leading white space left
 * out, "so" and "there is" re-anchored on the word. Gives (text, start, end) triples, relative to
 * the text.
 */
export function layoutHits(L: Layout, check: WriteGoodCheck, suggestions: readonly number[]): number[] {
  const out: number[] = [];
  const { codes, off } = L;
  const anchored = check === 'so' || check === 'thereIs';
  for (let x = 0; x < suggestions.length; x += 3) {
    const k = suggestions[x]!;
    let start = off[k]! + suggestions[x + 1]!;
    let end = start + suggestions[x + 2]!;
    while (start < end && isSpace(codes[start]!)) start++;
    if (anchored) {
      end = anchoredEnd(check, codes, start);
      if (end < 0) continue;
    }
    if (end > start) out.push(k, start - off[k]!, end - off[k]!);
  }
  return out;
}
