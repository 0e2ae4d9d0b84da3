// Where a word stands among capitalised words: the term, trademark and banned rules tell a common
// word capitalised as part of a name or a Title Case line ("Service Mesh Academy", "We Create
// Modern Websites", "Awesome Co") from the same word capitalised by mistake mid-sentence.
import { SEPARATOR, type ProseDocument } from '../types.js';
import { sentenceBounds, startsSentence } from './sentence.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CAPITAL = /^\p{Lu}/u;

/** The word right before text[at] with only spaces between (no punctuation, no line of its own). */
export function wordBefore(text: string, at: number): string | undefined {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\u00A0')) i--;
  if (i === at) return undefined;
  let s = i;
  while (s > 0 && (WORD_CHAR.test(text[s - 1]!) || ((text[s - 1] === '’' || text[s - 1] === "'") && WORD_CHAR.test(text[s - 2] ?? '')))) s--;
  return s < i ? text.slice(s, i) : undefined;
}

/** The word right after text[at] with only spaces between. */
export function wordAfter(text: string, at: number): string | undefined {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00A0')) i++;
  if (i === at) return undefined;
  let e = i;
  while (e < text.length && WORD_CHAR.test(text[e]!)) e++;
  return e > i ? text.slice(i, e) : undefined;
}

const capitalised = (w: string | undefined): boolean => w !== undefined && CAPITAL.test(w) && w !== 'I';

/** Is text[start, end) beside another capitalised word: part of a name or a Title Case line? */
export function amongCapitalised(text: string, start: number, end: number): boolean {
  return capitalised(wordBefore(text, start)) || capitalised(wordAfter(text, end));
}

/**
 * Capitalised words that follow text[end] in one name: "Galaxy & Bioconductor Community
 * Conference" has three after Galaxy. Joined by spaces, `&`, `and`, `of`, `for`.
 */
export function capitalisedAfter(text: string, end: number): number {
  let n = 0;
  let i = end;
  for (;;) {
    // A name may run on over a soft line break ("the Go Developer\nSurvey").
    const m = /^(?:[ \t\u00A0]+|[ \t\u00A0]*\n[ \t\u00A0]*)(?:(?:&|and|of|for)[ \t\u00A0]+)?(\p{Lu}[\p{L}\p{N}]*)/u.exec(text.slice(i, i + 80));
    if (!m) return n;
    n++;
    i += m[0].length;
  }
}

/** Is the word at `at` the first of a sentence, a block, or a label after a separator ("· Email preferences", "--- Open source")? */
export function startsLabel(text: string, at: number): boolean {
  if (startsSentence(text, at)) return true;
  let i = at - 1;
  while (i >= 0 && /[ \t\u00A0]/.test(text[i]!)) i--;
  if (i < 0 || text[i] === SEPARATOR) return true;
  // A dash or bar set off by a space ("Terms · Email preferences"); "e-mail" is one word.
  return i < at - 1 && /[·|•—–\-/>›»]/.test(text[i]!);
}

/** Does the label or sentence holding text[start, end) end right after it (a button "Sign Up")? */
export function endsLabel(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && /[ \t\u00A0]/.test(text[i]!)) i++;
  return i >= text.length || /[\n.!?:·|•—–\-/<›»)\]]/.test(text[i]!) || text[i] === SEPARATOR;
}

/** Is the sentence holding text[start, end) written in capitals (a shouted button "SIGN UP")? */
export function inCapitals(text: string, start: number, end: number): boolean {
  // A shouted button or line is short: its sentence is read within 200 characters.
  const from = Math.max(0, start - 200);
  const window = text.slice(from, Math.min(text.length, end + 200));
  const [s, e] = sentenceBounds(window, start - from, end - from);
  const sentence = window.slice(s, e);
  return /\p{Lu}/u.test(sentence) && !/\p{Ll}/u.test(sentence);
}

// What ends a company's or a street's name: "Awesome Co", "Amazing Labs Inc", "Awesome St".
export const NAME_ENDINGS = new Set(['co', 'inc', 'ltd', 'llc', 'llp', 'corp', 'corporation', 'company', 'gmbh', 'plc', 'st', 'street', 'ave', 'avenue', 'rd', 'road', 'blvd']);

/**
 * The document's company names ("Awesome Co" somewhere in it): the first words, lower case. A
 * template that signs as "Awesome Co" also writes "the Awesome Team", "your Awesome account" and,
 * carelessly, "awesome co": the company's name each time.
 */
export function companyNames(doc: ProseDocument): Set<string> {
  let names = companyCache.get(doc);
  if (!names) {
    names = new Set();
    for (const b of doc.blocks) {
      for (const m of b.text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}'’-]*)\s+(\p{Lu}[\p{L}.]*)(?![\p{L}\p{N}])/gu)) {
        if (NAME_ENDINGS.has(m[2]!.replace(/\.$/, '').toLowerCase())) names.add(m[1]!.toLowerCase());
      }
    }
    companyCache.set(doc, names);
  }
  return names;
}
const companyCache = new WeakMap<ProseDocument, Set<string>>();
