import type { ProseDocument, Rule } from '../../types.js';
import { findingExtras, isVerbatim, reportable, sourceSpan, toneMeta, valueOption, withBecause } from '../../tone/common.js';
import { AUXILIARIES, AUX_SUFFIX, D_BASES, EXPANSIONS, HAVE_BEFORE, NEGATIONS, S_BASES, isParticiple } from '../../tone/contractions.js';
import { inRanges, quotedRanges } from '../../tone/quotes.js';
import { blockWords, matchCase, wordsOf, type Word } from '../../text/words.js';
import { NOT_LETTERS, unicodeRegExp } from '../../text/unicode-regexp.js';

const ID = 'contractions';
export const CONTRACTION_MODES = ['prefer', 'avoid'] as const;
type Mode = (typeof CONTRACTION_MODES)[number];

interface Hit {
  i: number;
  j: number;
  found: string;
  better: string;
}

// `prefer`: "do not" → "don't", "we are" → "we're"… ; `avoid`: the other way. Never inside
// quotation marks, never across excluded content; the fix keeps the case of what it replaces and
// the document's apostrophe (’ or ').
export const contractions: Rule = {
  meta: {
    ...toneMeta(ID, 'Contractions, preferred (`prefer`: "we\'re", "don\'t") or avoided (`avoid`: "we are", "do not").', true),
    scope: 'block',
    options: {
      type: 'object',
      setIn: `tone.${ID}`,
      properties: {
        value: { type: 'string', enum: CONTRACTION_MODES, default: 'prefer', description: '`prefer` contractions or `avoid` them (`contractions: avoid` is short for `{ value: avoid }`).' },
      },
      additionalProperties: false,
    },
    messages: {
      prefer: 'Write "{{contracted}}" instead of "{{expanded}}": this brand prefers contractions.',
      avoid: 'Write "{{expanded}}" instead of "{{contracted}}": this brand avoids contractions.',
    },
  },
  // The fix uses the apostrophe the whole document prefers.
  blockContext: (doc) => preferredApostrophe(doc),
  check({ doc, guide, report }) {
    const mode: Mode = valueOption(guide, ID, CONTRACTION_MODES, 'prefer');
    const extras = findingExtras(guide, ID);
    const apostrophe = preferredApostrophe(doc);
    for (const block of doc.blocks) {
      const words = blockWords(block);
      const hits = mode === 'prefer' ? toContract(block.text, apostrophe, words) : toExpand(block.text, words);
      if (hits.length === 0) continue;
      // Quotations only matter where there is a hit (most blocks have none).
      const quoted = quotedRanges(block.text);
      for (const h of hits) {
        if (!reportable(doc, block, h.i, h.j) || inRanges(quoted, h.i, h.j)) continue;
        const message =
          mode === 'prefer'
            ? `Write "${h.better}" instead of "${h.found.replace(/\s+/g, ' ')}": this brand prefers contractions.`
            : `Write "${h.better}" instead of "${h.found}": this brand avoids contractions.`;
        report({
          ...sourceSpan(doc, block, h.i, h.j),
          message: withBecause(message, extras.because),
          ...extras,
          suggestions: [h.better],
          fixes: isVerbatim(doc, block, h.i, h.j) ? undefined : [],
        });
      }
    }
  },
};

function preferredApostrophe(doc: ProseDocument): string {
  const curly = apostrophes(doc.source, '\u2019');
  const straight = apostrophes(doc.source, "'");
  return curly > straight ? '\u2019' : "'";
}

const LETTER = unicodeRegExp(String.raw`^\p{L}$`);
const LETTERS_S_OR_D = unicodeRegExp(String.raw`^(\p{L}+)'(s|d)$`);
/**
 * How many times `s.match(/\p{L}A\p{L}/gu)` matches, for the apostrophe A, without running a
 * Unicode regex over the whole source (it runs on every keystroke in the editor): each apostrophe
 * between two letters counts, and like the regex's matches they do not overlap.
 */
export function apostrophes(s: string, a: string): number {
  let n = 0;
  let lastEnd = 0;
  for (let i = s.indexOf(a); i !== -1; i = s.indexOf(a, i + 1)) {
    let p = i - 1;
    if (p > 0 && isLow(s.charCodeAt(p)) && isHigh(s.charCodeAt(p - 1))) p--;
    if (p < lastEnd || !LETTER.test(String.fromCodePoint(s.codePointAt(p)!))) continue;
    const q = i + 1;
    if (q >= s.length) continue;
    const cp = s.codePointAt(q)!;
    if (!LETTER.test(String.fromCodePoint(cp))) continue;
    n++;
    lastEnd = q + (cp > 0xffff ? 2 : 1);
  }
  return n;
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

// Plain-object tables: look up own keys only ("constructor" is a word too).
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const lower = (w: Word | undefined) => {
  const t = w?.text.toLowerCase();
  return t !== undefined && t.includes('\u2019') ? t.replace(/\u2019/g, "'") : t;
};
// Words an expanded form can start with: every other word is skipped at once.
const FIRST_WORDS = new Set(['cannot', ...Object.keys(NEGATIONS).map((k) => k.split(' ')[0]!), ...Object.values(AUXILIARIES).flat()]);

// Every word toContract compares a word with. `known` finds a word's lower-cased form among them by
// its char codes (five bits a letter: one integer key), so the ~1 M words that are none of them are
// skipped without a lower-cased string each.
const VOCAB = new Set([...FIRST_WORDS, 'not', ...Object.keys(AUXILIARIES), ...HAVE_BEFORE]);
const VOCAB_MAX = Math.max(...[...VOCAB].map((w) => w.length));
const VOCAB_KEYS = new Map([...VOCAB].map((w) => [letterKey(w), w]));

/** The word's ASCII letters, lower-cased, as one number (-1: a character other than an ASCII letter). */
function letterKey(t: string): number {
  let key = 0;
  for (let i = 0; i < t.length; i++) {
    const l = t.charCodeAt(i) | 0x20; // A-Z → a-z; no other character lands on a-z
    if (l < 97 || l > 122) return -1;
    key = key * 32 + (l - 96);
  }
  return key;
}

/** lower(w) when it is in VOCAB, else undefined (compared only with VOCAB's words, that is the same). */
function known(w: Word | undefined): string | undefined {
  if (!w) return undefined;
  const t = w.text;
  // Lower-casing never shortens a word.
  if (t.length > VOCAB_MAX) return undefined;
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) >= 128) {
      // Non-ASCII may lower-case into ASCII (the Kelvin sign is a "k"): the string path.
      const s = lower(w)!;
      return VOCAB.has(s) ? s : undefined;
    }
  }
  const key = letterKey(t);
  return key < 0 ? undefined : VOCAB_KEYS.get(key);
}

/** Switch for the differential test (test/perf-hotspots.test.ts): regexes on slices, every word lower-cased (`lower`). */
export const contractionsEngine = { reference: false };

/** /^[ \t]*(?:\r?\n[ \t]*)?$/ on text[a, b) with b > a: spaces and tabs, with at most one line break. */
function onlySpaceBetween(text: string, a: number, b: number): boolean {
  if (b <= a) return false;
  let i = a;
  while (i < b && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  if (i < b && text.charCodeAt(i) === 0x0d && i + 1 < b && text.charCodeAt(i + 1) === 0x0a) i += 2;
  else if (i < b && text.charCodeAt(i) === 0x0a) i++;
  while (i < b && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i === b;
}
const onlySpaceReference = (text: string, a: number, b: number) => /^[ \t]*(?:\r?\n[ \t]*)?$/.test(text.slice(a, b)) && b > a;

/** Expanded forms to contract. */
export function toContract(text: string, apostrophe: string, words: readonly Word[] = wordsOf(text)): Hit[] {
  const hits: Hit[] = [];
  const ref = contractionsEngine.reference;
  const between = ref ? onlySpaceReference : onlySpaceBetween;
  const onlySpace = (a: Word, b: Word) => between(text, a.end, b.start);
  const low = ref ? lower : known;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const lw = low(w);
    if (lw === undefined || !FIRST_WORDS.has(lw)) continue;
    const next = words[k + 1];
    const after = words[k + 2];
    let end: Word | undefined;
    let contracted: string | undefined;
    if (lw === 'cannot') {
      end = w;
      contracted = "can't";
    } else if (next && onlySpace(w, next) && low(next) === 'not' && own(NEGATIONS, `${lw} not`)) {
      end = next;
      contracted = NEGATIONS[`${lw} not`];
    } else if (next && onlySpace(w, next)) {
      const aux = low(next);
      const bases = aux !== undefined && own(AUXILIARIES, aux) ? AUXILIARIES[aux] : undefined;
      // The auxiliary must go on to another word in the same clause ("we are here", not "here we are.").
      const goesOn = after !== undefined && between(text, next.end, after.start);
      const notNegation = low(after) !== 'not'; // "it is not" contracts as "it isn't"
      if (bases?.includes(lw) && goesOn && notNegation && ((aux !== 'have' && aux !== 'has') || HAVE_BEFORE.has(low(after)!))) {
        end = next;
        contracted = lw + AUX_SUFFIX[aux!]!;
      }
    }
    if (!end || !contracted) continue;
    const found = text.slice(w.start, end.end);
    // "won't" is not "will" + "n't": build it from the table, then give it the case written.
    const cased = contracted === "can't" || contracted === "won't" ? matchCase(contracted, found) : caseLike(contracted, w.text, found);
    hits.push({ i: w.start, j: end.end, found, better: cased.replace(/'/g, apostrophe) });
    if (end !== w) k++; // go on after the hit's last word (end is w or the next word)
  }
  return hits;
}

// Keep the first word as written ("I", "We") and case the suffix like the rest.
function caseLike(contracted: string, first: string, found: string): string {
  const letters = found.replace(NOT_LETTERS, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return contracted.toUpperCase();
  const head = contracted.slice(0, first.length);
  return (head.toLowerCase() === first.toLowerCase() ? first : head) + contracted.slice(first.length);
}

/** Contractions to expand. */
export function toExpand(text: string, words: readonly Word[] = wordsOf(text)): Hit[] {
  const hits: Hit[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (!/['\u2019]/.test(w.text)) continue;
    const lw = lower(w)!;
    const next = lower(words[k + 1]);
    let expanded = own(EXPANSIONS, lw) ? EXPANSIONS[lw] : undefined;
    if (!expanded) {
      const m = LETTERS_S_OR_D.exec(lw);
      if (m && m[2] === 's' && S_BASES.has(m[1]!)) expanded = `${m[1]} ${HAVE_BEFORE.has(next ?? '') ? 'has' : 'is'}`;
      else if (m && m[2] === 'd' && D_BASES.has(m[1]!)) expanded = `${m[1]} ${next === 'better' || isParticiple(next) ? 'had' : 'would'}`;
    }
    if (!expanded) continue;
    let better = matchCase(expanded, w.text);
    // A lone "I" stays a capital I: "I'll" → "I will", "i'm" is left as written.
    if (/^i /.test(expanded) && w.text[0] === 'I') better = 'I' + better.slice(1);
    hits.push({ i: w.start, j: w.end, found: w.text, better });
  }
  return hits;
}

