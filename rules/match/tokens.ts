import { SEPARATOR } from '../types.js';

/** A word (letters, digits, marks) or a single punctuation character of a block's text. */
export interface Token {
  start: number;
  end: number;
  /** Lower-cased, typographic apostrophes folded, for matching. */
  norm: string;
  /** Whitespace (or a line break) came right before it; phrases keep their own spacing. */
  spaced: boolean;
  /** Inside something that is not prose even in a paragraph: a URL, e-mail, @handle, path, template tag. */
  skip: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
// WORD and /\s/ on the 128 ASCII chars, as lookup tables.
const ASCII_WORD = new Uint8Array(128);
const ASCII_SPACE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = WORD.test(String.fromCharCode(c)) ? 1 : 0;
  ASCII_SPACE[c] = /\s/.test(String.fromCharCode(c)) ? 1 : 0;
}

// Text inside a prose block that is still not prose (the parsers remove what markup tells them;
// these are written as plain text by copywriters). Linear-time patterns only.
export const NON_PROSE_SOURCE = [
  String.raw`\b(?:https?|ftp):\/\/[^\s\uFFFC<>"]+`,
  String.raw`\bwww\.[^\s\uFFFC<>"]+`,
  // e-mail; anchored at the start of a run so a long run of letters is scanned once
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
  String.raw`(?<![\p{L}\p{N}_])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?`,
  // hashtags (a # followed by a word with a letter; "#1" stays prose)
  String.raw`(?<![\p{L}\p{N}_&])#(?=[\p{N}_]*\p{L})[\p{L}\p{N}_]+`,
  // paths: /usr/bin, ./x, ~/x, a/b/c, and names with a file extension
  String.raw`(?<![\p{L}\p{N}_.\/])(?:\.{1,2}|~)?\/[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]*)*`,
  String.raw`(?<![\p{L}\p{N}_.\/-])[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+){2,}\/?`,
  String.raw`(?<![\p{L}\p{N}_-])[\p{L}\p{N}_-]+\.(?:md|mdx|html?|json|ya?ml|css|png|jpe?g|gif|svg|pdf|txt|py|sh|csv|zip)\b`,
  // template expressions left in prose
  String.raw`\{\{[^{}]*\}\}`,
  String.raw`\{%[^%]*%\}`,
  String.raw`\*\|[^|\s]*\|\*`,
].join('|');

// The pattern as written is not what runs: its first exec compiles every \p{L}/\p{N} class
// (hundreds of ranges, surrogate pairs, each look-behind read backwards), ~10–45 ms of every
// thread's start. What runs instead is the same pattern over a text whose non-ASCII letters and numbers are each
// replaced by one stand-in of the same class and length (a BMP letter by U+00E9, an astral one by
// U+10000; numbers by U+00B2 and U+10107), so its classes hold ASCII and four code points. No other
// part of the pattern tells one letter (or number) from another: \b and \s are ASCII or
// whitespace-only, the rest is ASCII literals and classes that hold every non-ASCII letter alike.
// Indices stay as they were (a stand-in has its character's length).
const STAND_IN_L = String.raw`A-Za-z\u00e9\u{10000}`;
const STAND_IN_N = String.raw`0-9\u00b2\u{10107}`;
export const NON_PROSE_STAND_IN_SOURCE = NON_PROSE_SOURCE.replaceAll(String.raw`\p{L}\p{N}`, STAND_IN_L + STAND_IN_N)
  .replaceAll(String.raw`\p{N}`, STAND_IN_N)
  .replaceAll(String.raw`\p{L}`, `[${STAND_IN_L}]`);
const NON_PROSE = new RegExp(NON_PROSE_STAND_IN_SOURCE, 'gu');
const NOT_ASCII = /[^\x00-\x7f]/;
const OTHER_LETTER_OR_NUMBER = /(?![\x00-\x7f])(?:(\p{L})|\p{N})/gu;
const standIn = (c: string, letter: string | undefined) => (letter ? (c.length === 1 ? '\u00e9' : '\u{10000}') : c.length === 1 ? '\u00b2' : '\u{10107}');

/** `text` with each non-ASCII letter and number as its stand-in (see NON_PROSE). */
export function withStandIns(text: string): string {
  return NOT_ASCII.test(text) ? text.replace(OTHER_LETTER_OR_NUMBER, standIn) : text;
}

// Every NON_PROSE alternative needs one of these (a URL or path its "/", an e-mail or handle its "@",
// a file name its extension): most prose blocks hold none, and skip the Unicode regex with its
// look-behinds at every position.
const MAY_BE_NON_PROSE = /[\/@#{]|\*\||www\.|\.(?:md|html?|json|ya?ml|css|png|jpe?g|gif|svg|pdf|txt|py|sh|csv|zip)/;

const TRIGGERS = new RegExp(MAY_BE_NON_PROSE.source, 'g');

export function nonProseSpans(text: string): Array<[number, number]> {
  if (!MAY_BE_NON_PROSE.test(text)) return [];
  // Only the template alternatives can hold whitespace ("{{ name }}").
  if (text.includes('{')) return nonProseSpansOf(text);
  // Any other match lies inside one run of non-whitespace that holds a trigger: the regex, with
  // its look-behinds at every position, runs over those runs only (~8 % of the text of the blocks
  // it used to run on). Whitespace before a run looks to a look-behind or \b like the run's start.
  const out: Array<[number, number]> = [];
  TRIGGERS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGERS.exec(text))) {
    let a = m.index;
    while (a > 0 && !isSpaceAt(text, a - 1)) a--;
    let b = m.index + m[0].length;
    while (b < text.length && !isSpaceAt(text, b)) b++;
    for (const [s, e] of nonProseSpansOf(text.slice(a, b))) out.push([a + s, a + e]);
    TRIGGERS.lastIndex = b;
  }
  return out;
}

/** /\s/ at one code unit (every whitespace character is one code unit). */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII_SPACE[c] === 1 : /\s/.test(text[i]!);
}

/** The spans of one whole text or run, found by the stand-in pattern. */
export function nonProseSpansOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const searched = withStandIns(text);
  const re = NON_PROSE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(searched))) {
    let end = m.index + m[0].length;
    // A sentence's full stop or comma after a URL is not part of it.
    while (end > m.index && /[.,;:!?)\]]/.test(text[end - 1]!)) end--;
    if (end > m.index) out.push([m.index, end]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const APOSTROPHES = /[\u2019\u2018\u02bc]/g;
export function normalizeWord(s: string): string {
  const lower = s.toLowerCase();
  // Most tokens have no typographic apostrophe: skip the replace.
  return lower.includes('\u2019') || lower.includes('\u2018') || lower.includes('\u02bc') ? lower.replace(APOSTROPHES, "'") : lower;
}

const SEPARATOR_CODE = SEPARATOR.charCodeAt(0);

/** Tokens of a text; `breaks` are text indices no phrase may continue across (after a link's text). */
export function tokenize(text: string, breaks: number[] = []): Token[] {
  const tokens: Token[] = [];
  let bi = 0;
  const skips = nonProseSpans(text);
  let si = 0;
  let spaced = true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // ASCII is decided by char code (no string per char: the tokenizer runs over every block);
    // anything else by the Unicode classes.
    const code = text.charCodeAt(i);
    if (code === SEPARATOR_CODE) {
      // Excluded content: a token nothing matches, so no phrase spans it.
      tokens.push({ start: i, end: i + 1, norm: SEPARATOR, spaced, skip: true });
      spaced = true;
      i++;
      continue;
    }
    if (code < 128 ? ASCII_SPACE[code] === 1 : /\s/.test(text[i]!)) {
      spaced = true;
      i++;
      continue;
    }
    let j = i + 1;
    const cp = code < 128 ? code : text.codePointAt(i)!;
    const cpLen = cp > 0xffff ? 2 : 1;
    if (cp < 128 ? ASCII_WORD[cp] === 1 : WORD.test(String.fromCodePoint(cp))) {
      j = i + cpLen;
      while (j < n) {
        const c2 = text.charCodeAt(j);
        if (c2 < 128) {
          if (ASCII_WORD[c2] !== 1) break;
          j++;
          continue;
        }
        const s2 = String.fromCodePoint(text.codePointAt(j)!);
        if (!WORD.test(s2)) break;
        j += s2.length;
      }
    } else {
      j = i + cpLen;
    }
    if (bi < breaks.length && breaks[bi]! <= i) {
      // A link's destination sat here: a phrase must not run from the link text into what follows.
      while (bi < breaks.length && breaks[bi]! <= i) bi++;
      if (tokens.length > 0) tokens.push({ start: i, end: i, norm: SEPARATOR, spaced: true, skip: true });
    }
    while (si < skips.length && skips[si]![1] <= i) si++;
    const skip = si < skips.length && skips[si]![0] <= i && i < skips[si]![1];
    tokens.push({ start: i, end: j, norm: normalizeWord(text.slice(i, j)), spaced, skip });
    spaced = false;
    i = j;
  }
  return tokens;
}

const cache = new WeakMap<object, Token[]>();
/** Tokens of a block, computed once per block and shared by every rule. */
export function tokensOf(block: { text: string; marks?: Array<{ kind: string; at: number }> }): Token[] {
  let t = cache.get(block);
  if (!t) {
    t = tokenize(block.text, linkBreaks(block.marks));
    cache.set(block, t);
  }
  return t;
}

const NO_BREAKS: number[] = [];
/** Where links end (a phrase must not run on past one), ascending; most blocks have none, and get
 * no arrays (this ran filter, map and sort for every block). */
export function linkBreaks(marks: ReadonlyArray<{ kind: string; at: number }> | undefined): number[] {
  if (!marks) return NO_BREAKS;
  let out: number[] | undefined;
  let sorted = true;
  for (const m of marks) {
    if (m.kind !== 'link' || m.at <= 0) continue;
    if (!out) out = [];
    else if (m.at < out[out.length - 1]!) sorted = false;
    out.push(m.at);
  }
  if (!out) return NO_BREAKS;
  if (!sorted) out.sort((a, b) => a - b);
  return out;
}

/** A phrase as tokens: its normalized words/punctuation and whether each was spaced from the last. */
export function phraseTokens(phrase: string): Array<{ norm: string; spaced: boolean }> {
  return tokenize(phrase).map((t) => ({ norm: t.norm, spaced: t.spaced }));
}
