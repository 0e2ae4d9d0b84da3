// write-good's checks as one pass over a sentence's tokens. write-good runs one regular expression
// per check (a 700-way alternation for clichés, 236 for wordy phrases) and allocates a suggestion
// with a reason string per hit; here each sentence is split once into its ASCII word runs (the \w
// of those regexes) and every check reads the same runs. The word lists are write-good's own, kept
// as data (data/write-good-lists.json); write-good itself stays the reference, and
// test/perf-write-good.test.ts requires identical suggestions on every sentence of the corpus.
//
// The regexes are non-Unicode and case-insensitive: \w and \b are ASCII, and only ASCII letters
// match each other case-insensitively; everything below compares the same way.
import { WRITE_GOOD_LISTS } from './write-good-data.js';

export type WriteGoodCheck = 'weasel' | 'illusion' | 'so' | 'thereIs' | 'passive' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';

/** A suggestion as write-good gives it: start and length in the text it was handed. */
export interface Suggestion {
  index: number;
  offset: number;
}

/**
 * A sentence split once into its ASCII word runs, shared by every check. The checks compare runs
 * by their characters (the tables below), so no string is made per run; `lower` (every run
 * lower-cased) is only filled by runsOfReference, and `runLower` makes one where a check needs it.
 */
export interface Runs {
  text: string;
  starts: number[];
  ends: number[];
  lower?: string[];
}

/** Run k lower-cased (runs are ASCII). */
export function runLower(r: Runs, k: number): string {
  return r.lower ? r.lower[k]! : r.text.slice(r.starts[k]!, r.ends[k]!).toLowerCase();
}

const isW = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isWAt = (s: string, i: number) => i >= 0 && i < s.length && isW(s.charCodeAt(i));
const boundary = (s: string, i: number) => isWAt(s, i - 1) !== isWAt(s, i);
// JavaScript's \s.
function isSpace(c: number): boolean {
  if (c < 128) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
// too-wordy and no-cliches write a space as [\b\s\u200C]* (\b in a class is a backspace).
const isGap = (c: number) => c === 0x08 || c === 0x200c || isSpace(c);

export function runsOf(text: string): Runs {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isW(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isW(text.charCodeAt(j))) j++;
    starts.push(i);
    ends.push(j);
    i = j;
  }
  return { text, starts, ends };
}

/** runsOf as it was, every run sliced and lower-cased (the reference in test/perf-hotspots.test.ts). */
export function runsOfReference(text: string): Runs {
  const starts: number[] = [];
  const ends: number[] = [];
  const lower: string[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isW(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isW(text.charCodeAt(j))) j++;
    starts.push(i);
    ends.push(j);
    lower.push(text.slice(i, j).toLowerCase());
    i = j;
  }
  return { text, starts, ends, lower };
}

// --- alternations of literal phrases (weasel words, wordy phrases, clichés, forms of "to be") ---

const GAP = -1;
// The phrases that are not one plain word, as a trie over lower-cased char codes. A GAP edge
// (a space written as [\b\s\u200C]*) consumes every gap character there is: in every phrase a
// literal follows a gap, and a literal is never a gap character, so the regex never gives one back
// (except for a gap at the very end, where \b may need it).
interface Node {
  lit?: Map<number, Node>;
  gap?: Node;
  /** The alternation order of the phrase ending here (Infinity: none). */
  rank: number;
  /** The lowest rank in this subtree, to stop early once a better match is known. */
  min: number;
}
const node = (): Node => ({ rank: Infinity, min: Infinity });

interface Alternation {
  root: Node;
  /** Phrases that are one run of \w chars, matched by looking the run up, with their order. */
  words: Map<string, number>;
  gaps: boolean;
  notAfterHyphen: boolean;
  table: Table;
}

/**
 * The same trie flattened into typed arrays, walked without recursion along literal edges and
 * without allocating: node n's edge for character class k is next[n * classes + k] (-1: none).
 * Characters are classed by the (lower-cased) characters the phrases hold; any other is no edge.
 * The Map-based trie and `explore` stay as the reference (alternationEngine.reference).
 */
interface Table {
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

/** Switch for the differential test (test/perf-hotspots.test.ts): the Map trie walked recursively. */
export const alternationEngine = { reference: false };

function flatten(root: Node): Table {
  const nodes: Node[] = [];
  const ids = new Map<Node, number>();
  const chars = new Set<number>();
  const visit = (n: Node) => {
    ids.set(n, nodes.length);
    nodes.push(n);
    for (const [c, m] of n.lit ?? []) {
      chars.add(c);
      visit(m);
    }
    if (n.gap) visit(n.gap);
  };
  visit(root);
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
  const next = new Int32Array(Math.max(1, nodes.length * classes)).fill(-1);
  const gap = new Int32Array(nodes.length).fill(-1);
  const rank = new Float64Array(nodes.length);
  const min = new Float64Array(nodes.length);
  nodes.forEach((n, i) => {
    rank[i] = n.rank;
    min[i] = n.min;
    if (n.gap) gap[i] = ids.get(n.gap)!;
    for (const [c, m] of n.lit ?? []) next[i * classes + (c < 128 ? ascii[c]! : other.get(c)!)] = ids.get(m)!;
  });
  return { classes, ascii, other, next, gap, rank, min };
}

function alternation(phrases: readonly string[], gaps: boolean, notAfterHyphen = false): Alternation {
  const alt = { root: node(), words: new Map(), gaps, notAfterHyphen } as Omit<Alternation, 'table'> & { table?: Table };
  // The flat table holds every phrase, one-word phrases too, so the fast walk compares characters
  // and never looks a string up; the reference keeps them in `words`, looked up by the run.
  const all = node();
  phrases.forEach((p, order) => {
    const lower = p.toLowerCase();
    insert(all, lower, order, gaps);
    if (/^\w+$/.test(lower)) {
      if (!alt.words.has(lower)) alt.words.set(lower, order);
      return;
    }
    insert(alt.root, lower, order, gaps);
  });
  alt.table = flatten(all);
  return alt as Alternation;
}

function insert(root: Node, lower: string, order: number, gaps: boolean): void {
  let n = root;
  n.min = Math.min(n.min, order);
  for (const ch of lower) {
    if (gaps && ch === ' ') n = n.gap ??= node();
    else {
      n.lit ??= new Map();
      const c = ch.charCodeAt(0);
      let next = n.lit.get(c);
      if (!next) n.lit.set(c, (next = node()));
      n = next;
    }
    n.min = Math.min(n.min, order);
  }
  n.rank = Math.min(n.rank, order);
}

interface Best {
  rank: number;
  end: number;
}

/** Every phrase under `n` that matches from i (then \b), keeping the one first in order. */
function explore(s: string, n: Node, i: number, gapStart: number, best: Best): void {
  if (n.min >= best.rank) return;
  if (n.rank < best.rank) {
    if (boundary(s, i)) {
      best.rank = n.rank;
      best.end = i;
    } else if (gapStart >= 0) {
      // The phrase ends in a gap: give back gap characters until \b holds.
      for (let j = i - 1; j >= gapStart; j--) {
        if (boundary(s, j)) {
          best.rank = n.rank;
          best.end = j;
          break;
        }
      }
    }
  }
  if (n.lit && i < s.length) {
    const next = n.lit.get(lowerAscii(s.charCodeAt(i)));
    if (next) explore(s, next, i + 1, -1, best);
  }
  if (n.gap) {
    let j = i;
    while (j < s.length && isGap(s.charCodeAt(j))) j++;
    explore(s, n.gap, j, i, best);
  }
}

/** `explore` over the flat table: the same visits in the same order (literal edge first, then the
 * gap edge), a loop instead of a call per character; it recurses only where a node has both edges. */
function walk(s: string, t: Table, n: number, i: number, gapStart: number, best: Best): void {
  const { classes, ascii, other, next, gap, rank, min } = t;
  const len = s.length;
  for (;;) {
    if (min[n]! >= best.rank) return;
    const r = rank[n]!;
    if (r < best.rank) {
      if (boundary(s, i)) {
        best.rank = r;
        best.end = i;
      } else if (gapStart >= 0) {
        for (let j = i - 1; j >= gapStart; j--) {
          if (boundary(s, j)) {
            best.rank = r;
            best.end = j;
            break;
          }
        }
      }
    }
    let lit = -1;
    if (i < len) {
      const c = s.charCodeAt(i);
      const k = c < 128 ? ascii[c]! : other.size ? other.get(c) ?? -1 : -1;
      if (k >= 0) lit = next[n * classes + k]!;
    }
    const g = gap[n]!;
    if (g >= 0) {
      if (lit >= 0) walk(s, t, lit, i + 1, -1, best);
      let j = i;
      while (j < len && isGap(s.charCodeAt(j))) j++;
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

/** All matches of /\b(?<!-)?(alternatives)\b/gi, leftmost first, as the regex finds them. */
function alternationMatches(r: Runs, alt: Alternation): Suggestion[] {
  const out: Suggestion[] = [];
  const s = r.text;
  let last = 0;
  const best: Best = { rank: Infinity, end: -1 };
  for (let k = 0; k < r.starts.length; k++) {
    const p = r.starts[k]!;
    if (p < last) continue;
    if (alt.notAfterHyphen && p > 0 && s.charCodeAt(p - 1) === 0x2d) continue;
    // Every alternative starts with a letter, so it can only match where a run starts. The first
    // alternative (in the list's order) that matches wins, as in the regex.
    if (alternationEngine.reference) {
      const w = alt.words.get(runLower(r, k));
      best.rank = w ?? Infinity;
      best.end = w === undefined ? -1 : r.ends[k]!;
      explore(s, alt.root, p, -1, best);
    } else {
      best.rank = Infinity;
      best.end = -1;
      walk(s, alt.table, 0, p, -1, best);
    }
    if (best.end === -1) continue;
    out.push({ index: p, offset: best.end - p });
    last = best.end;
  }
  return out;
}

const L = WRITE_GOOD_LISTS;
const WEASELS = alternation(L.weasels!, false);
const WEASEL_EXCEPTIONS = new Set(L.weaselExceptions);
const ADVERBS = alternation([...L.adverbStems!.map((s) => `${s}y`), ...L.weakeners!], false);
const WORDY = alternation(L.wordy!, true, true);
const CLICHES = alternation(L.cliches!, true);
const TO_BE = alternation(L.toBe!, false);
const BE = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be']);
const IRREGULARS = new Set(L.irregulars);
const PASSIVE_EXCEPTIONS = new Set(L.passiveExceptions);

// weasel-words: "many" and "few" are fine right after "too " (exactly that, as write-good checks).
function weasel(r: Runs): Suggestion[] {
  return alternationMatches(r, WEASELS).filter((m) => {
    const w = r.text.slice(m.index, m.index + m.offset).toLowerCase();
    // String.prototype.substr, as weasel-words calls it (a negative start counts from the end).
    return !WEASEL_EXCEPTIONS.has(w) || r.text.substr(m.index - 4, 4) !== 'too ';
  });
}

// passive-voice: /\b(am|are|were|being|is|been|was|be)\b\s*([\w]+ed|irregulars)\b/gi: a form of
// "to be", white space, then a word ending in "ed" or an irregular participle ("indeed" excepted).
function passive(r: Runs): Suggestion[] {
  const out: Suggestion[] = [];
  const s = r.text;
  for (let k = 0; k + 1 < r.starts.length; k++) {
    if (alternationEngine.reference ? !BE.has(runLower(r, k)) : !isBe(s, r.starts[k]!, r.ends[k]!)) continue;
    const a = r.ends[k]!;
    const b = r.starts[k + 1]!;
    if (b === a) continue;
    let gapOk = true;
    for (let x = a; x < b && gapOk; x++) gapOk = isSpace(s.charCodeAt(x));
    if (!gapOk) continue;
    const w = runLower(r, k + 1);
    if (!((w.length >= 3 && w.endsWith('ed')) || IRREGULARS.has(w))) continue;
    // A match (even an excepted one) resumes after the participle.
    if (!PASSIVE_EXCEPTIONS.has(w)) out.push({ index: r.starts[k]!, offset: r.ends[k + 1]! - r.starts[k]! });
    k++;
  }
  return out;
}

// write-good's clause split for "so" and "there is": /([^\n.;!?]+)([.;!?]+)/g.
function clauses(s: string, each: (from: number, to: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    // A clause: a maximal run of other characters, then a run of end marks. A run that reaches a
    // line break or the end without an end mark is no clause; the search goes on after it.
    let j = i;
    while (j < n && !isClauseEnd(s.charCodeAt(j)) && s.charCodeAt(j) !== 0x0a) j++;
    if (j === i) {
      i++;
      continue;
    }
    if (j < n && isClauseEnd(s.charCodeAt(j))) {
      each(i, j);
      while (j < n && isClauseEnd(s.charCodeAt(j))) j++;
    }
    i = j;
  }
}
const isClauseEnd = (c: number) => c === 0x2e || c === 0x3b || c === 0x21 || c === 0x3f;

// /^(\s)*so\b[\s\S]/i on the clause; write-good's index skips one white-space character (the last
// one its group captured), whatever their number.
function so(s: string): Suggestion[] {
  const out: Suggestion[] = [];
  clauses(s, (a, b) => {
    let w = a;
    while (w < b && isSpace(s.charCodeAt(w))) w++;
    if (w + 2 >= b || lowerAscii(s.charCodeAt(w)) !== 0x73 || lowerAscii(s.charCodeAt(w + 1)) !== 0x6f || isW(s.charCodeAt(w + 2))) return;
    out.push({ index: a + (w > a ? 1 : 0), offset: 2 });
  });
  return out;
}

// /^(\s)*there\b\s(is|are)\b/i on the clause.
function thereIs(s: string): Suggestion[] {
  const out: Suggestion[] = [];
  clauses(s, (a, b) => {
    let w = a;
    while (w < b && isSpace(s.charCodeAt(w))) w++;
    if (w + 6 > b || !asciiAt(s, w, 'there') || !isSpace(s.charCodeAt(w + 5))) return;
    let v = w + 6;
    if (v + 2 <= b && asciiAt(s, v, 'is') && !(v + 2 < b && isW(s.charCodeAt(v + 2)))) v += 2;
    else if (v + 3 <= b && asciiAt(s, v, 'are') && !(v + 3 < b && isW(s.charCodeAt(v + 3)))) v += 3;
    else return;
    const lead = w > a ? 1 : 0;
    out.push({ index: a + lead, offset: v - a - lead });
  });
  return out;
}

/** Is s[a, b) a form of "to be" (BE), compared by characters (ASCII case-insensitively)? */
function isBe(s: string, a: number, b: number): boolean {
  switch (b - a) {
    case 2:
      return asciiAt(s, a, 'is') || asciiAt(s, a, 'be') || asciiAt(s, a, 'am');
    case 3:
      return asciiAt(s, a, 'are') || asciiAt(s, a, 'was');
    case 4:
      return asciiAt(s, a, 'were') || asciiAt(s, a, 'been');
    case 5:
      return asciiAt(s, a, 'being');
  }
  return false;
}

/** Does s hold the lower-case ASCII word `lit` at `at` (ASCII case-insensitively)? */
function asciiAt(s: string, at: number, lit: string): boolean {
  if (at + lit.length > s.length) return false;
  for (let x = 0; x < lit.length; x++) if (lowerAscii(s.charCodeAt(at + x)) !== lit.charCodeAt(x)) return false;
  return true;
}

// lexical-illusions: /(\s*)([^\s]+)/g, a run of non-space repeating the one before (case-insensitive)
// and holding a \w character.
function illusion(s: string): Suggestion[] {
  const out: Suggestion[] = [];
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
    if (word && t === last) out.push({ index: i, offset: j - i });
    last = t;
    i = j;
  }
  return out;
}

// e-prime reads ‘ and ’ as ' (one character for one, so indexes hold).
function eprime(r: Runs): Suggestion[] {
  const s = r.text;
  if (s.length === 0) return [];
  const norm = /[\u2018\u2019]/.test(s) ? runsOf(s.replace(/[\u2018\u2019]/g, "'")) : r;
  return alternationMatches(norm, TO_BE);
}

/** write-good's suggestions for one check, computed in one pass over the sentence's runs. */
export function onePassSuggestions(r: Runs, check: WriteGoodCheck): Suggestion[] {
  switch (check) {
    case 'weasel':
      return weasel(r);
    case 'passive':
      return passive(r);
    case 'adverb':
      return alternationMatches(r, ADVERBS);
    case 'tooWordy':
      return alternationMatches(r, WORDY);
    case 'cliches':
      return alternationMatches(r, CLICHES);
    case 'eprime':
      return eprime(r);
    case 'so':
      return so(r.text);
    case 'thereIs':
      return thereIs(r.text);
    case 'illusion':
      return illusion(r.text);
  }
}
