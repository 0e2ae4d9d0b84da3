import type { ProseDocument, Rule } from '../../types.js';
import { findingExtras, reportable, toneMeta, valueOption } from '../../tone/common.js';
import { isVerbatim, sourceSpan } from '../../text/block.js';
import { withBecause } from '../docs.js';
import { AUXILIARIES, AUX_SUFFIX, D_BASES, EXPANSIONS, HAVE_BEFORE, NEGATIONS, S_BASES, isParticiple } from '../../tone/contractions.js';
import { inRanges, quotedRanges } from '../../tone/quotes.js';
import { matchCase, wordsOf, type Word } from '../../text/words.js';
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
      const hits = mode === 'prefer' ? toContract(block.text, apostrophe) : toExpand(block.text);
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

/** /^[ \t]*(?:\r?\n[ \t]*)?$/ on text[a, b), b > a: spaces and tabs, with at most one line break. */
const onlySpaceBetween = (text: string, a: number, b: number) => b > a && /^[ \t]*(?:\r?\n[ \t]*)?$/.test(text.slice(a, b));

/** Expanded forms to contract. */
export function toContract(text: string, apostrophe: string): Hit[] {
  const hits: Hit[] = [];
  const words = wordsOf(text);
  const onlySpace = (a: Word, b: Word) => onlySpaceBetween(text, a.end, b.start);
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const lw = lower(w);
    if (lw === undefined || !FIRST_WORDS.has(lw)) continue;
    const next = words[k + 1];
    const after = words[k + 2];
    let end: Word | undefined;
    let contracted: string | undefined;
    if (lw === 'cannot') {
      end = w;
      contracted = "can't";
    } else if (next && onlySpace(w, next) && lower(next) === 'not' && own(NEGATIONS, `${lw} not`)) {
      end = next;
      contracted = NEGATIONS[`${lw} not`];
    } else if (next && onlySpace(w, next)) {
      const aux = lower(next);
      const bases = aux !== undefined && own(AUXILIARIES, aux) ? AUXILIARIES[aux] : undefined;
      // The auxiliary must go on to another word in the same clause ("we are here", not "here we are.").
      const goesOn = after !== undefined && onlySpaceBetween(text, next.end, after.start);
      const notNegation = lower(after) !== 'not'; // "it is not" contracts as "it isn't"
      if (bases?.includes(lw) && goesOn && notNegation && ((aux !== 'have' && aux !== 'has') || HAVE_BEFORE.has(lower(after)!))) {
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
export function toExpand(text: string): Hit[] {
  const hits: Hit[] = [];
  const words = wordsOf(text);
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

