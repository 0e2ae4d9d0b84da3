// Part-of-speech tags for one sentence, from wink-nlp's English lite model: Universal POS tags
// (ADJ, ADV, AUX, NOUN, VERB…) and lemmas. Loading the model costs ~0.5–1.5 s and ~25 MB, so it is
// loaded on first use and callers tag only the sentences where a candidate (a claim phrase, "be" +
// a word ending in -ed…) was already found by the fast matchers. In the bundles both packages are
// files of their own (LAZY_PACKAGES).
import type WinkNlp from 'wink-nlp';
import { lazyModule } from '../lazy-module.js';

/** Universal POS tag set (universaldependencies.org/u/pos), as wink-nlp names it. */
export type PosTag =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface PosToken {
  /** Offsets in the text given to {@link tagText}. */
  start: number;
  end: number;
  text: string;
  pos: PosTag;
  /** Lower case base form ("best" → "good", "written" → "write", "'s" → "be" after a pronoun). */
  lemma: string;
}

const winkNlp = lazyModule<typeof WinkNlp>('wink-nlp', () => require('wink-nlp'));
const englishModel = lazyModule<Parameters<typeof WinkNlp>[0]>('wink-eng-lite-web-model', () => require('wink-eng-lite-web-model'));

type Nlp = ReturnType<typeof WinkNlp>;
let nlp: Nlp | undefined;
function tagger(): Nlp {
  // Only the tagger: sentence breaking, negation, sentiment and entities are not needed, and each
  // is a pass over every token.
  return (nlp ??= winkNlp()(englishModel(), ['pos']));
}

// The longest text tagged at once. Callers pass a sentence; a "sentence" of 20,000 words with no
// full stop is cut here so one candidate never costs a pass over a whole document.
export const MAX_TAGGED = 2000;

// Recent results by text: several rules ask about the same sentence, and an editor re-lints the
// same paragraph at every keystroke.
const cache = new Map<string, PosToken[]>();
const CACHE_SIZE = 512;

/**
 * Tags `text.slice(start, end)` (at most {@link MAX_TAGGED} characters from `start`) and returns its
 * tokens with offsets in `text`. Whitespace is not a token except line breaks (SPACE).
 */
export function tagText(text: string, start = 0, end = text.length): PosToken[] {
  end = Math.min(end, start + MAX_TAGGED);
  const slice = text.slice(start, end);
  let tokens = cache.get(slice);
  if (tokens) {
    cache.delete(slice);
    cache.set(slice, tokens);
  } else {
    tokens = tag(slice);
    cache.set(slice, tokens);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return start === 0 ? tokens : tokens.map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
}

function tag(slice: string): PosToken[] {
  const n = tagger();
  const its = n.its;
  const doc = n.readDoc(slice);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const tags = tokens.out(its.pos) as string[];
  // its.lemma is typed for an addon argument that out() does supply.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const out: PosToken[] = [];
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    // wink-nlp's tokens are the source's characters in order (contractions split as "do" + "n't"),
    // so each is found at or after the previous one's end; one that is not (none known) is dropped.
    const i = slice.indexOf(value, at);
    if (i < 0) continue;
    at = i + value.length;
    out.push({ start: i, end: at, text: value, pos: tags[k] as PosTag, lemma: lemmas[k]! });
  }
  return out;
}

/** The token that covers offset `at` (an offset in the text given to {@link tagText}), if any. */
export function tokenAt(tokens: readonly PosToken[], at: number): PosToken | undefined {
  for (const t of tokens) if (at >= t.start && at < t.end) return t;
  return undefined;
}
