// English inflection for banned words and their suggestions: utilize -> utilizes/utilized/utilizing,
// and the suggestion in the same form (use -> uses/used/using). The irregular verbs (write, wrote,
// written; go, went, gone) and the verbs that double their last consonant (program -> programming,
// panic -> panicking) come from WordNet's lists as RosaeNLG publishes them (english-verbs-irregular,
// english-verbs-gerunds: 569 and 776 verbs, 200 KB of JSON); the regular endings are English's own
// spelling rules. Never applied to brand names.
import irregularVerbs from 'english-verbs-irregular/dist/verbs.json' with { type: 'json' };
import doubledGerunds from 'english-verbs-gerunds/dist/gerunds.json' with { type: 'json' };
import pluralize from 'pluralize';
import { isEnglishWord } from '../tone/dictionary.js';

/** base; -s; past (-ed); past participle (-en: written, run, gone); -ing; the adverb of an adjective (-ly). */
export type Form = 'base' | 's' | 'ed' | 'en' | 'ing' | 'ly';
/** The forms a banned word is matched in. */
export const FORMS: Form[] = ['s', 'ed', 'en', 'ing', 'ly'];

const IRREGULAR = irregularVerbs as unknown as Record<string, string[][]>;
const GERUNDS = doubledGerunds as unknown as Record<string, string>;
const own = (o: object, k: string): boolean => Object.hasOwn(o, k);

/** Past and past participle of an irregular verb (its first, most common, pair), if it is one. */
function irregular(lower: string): [string, string] | undefined {
  if (!own(IRREGULAR, lower)) return undefined;
  const pair = IRREGULAR[lower]![0]!;
  return [pair[0]!, pair[1] ?? pair[0]!];
}

const VOWEL = /[aeiou]/;

export function inflect(word: string, form: Form): string {
  if (form === 'base' || !/^[a-z]+$/i.test(word)) return word;
  const lower = word.toLowerCase();
  const upper = word.length > 1 && word === word.toUpperCase();
  const out = inflectLower(lower, form);
  // Keep the word's case: Write -> Wrote, WRITE -> WROTE.
  if (upper) return out.toUpperCase();
  return word[0] !== lower[0] ? out[0]!.toUpperCase() + out.slice(1) : out;
}

function inflectLower(lower: string, form: Form): string {
  if (form === 's') {
    if (lower === 'be') return 'is';
    if (lower === 'have') return 'has';
    if (lower === 'do' || lower === 'go') return lower + 'es';
    // A noun's irregular plural from pluralize's lexicon (children, analyses, people); an irregular
    // verb keeps the -s of its third person (runs, not "run" for "runs").
    // Only a plural pluralize reads back to the word: baseCandidates finds it with pluralize.singular.
    // A word already plural ("wins" in "quick wins") takes no second -s.
    if (lower.length > 3 && /s$/.test(lower) && pluralize.isPlural(lower) && !pluralize.isSingular(lower)) return lower;
    if (!own(IRREGULAR, lower)) {
      const plural = pluralize.plural(lower);
      if (plural !== lower && (!plural.endsWith('s') || /(?:is|um|on)$/.test(lower)) && pluralize.singular(plural) === lower) return plural;
    }
    if (/(s|x|z|ch|sh)$/.test(lower)) return lower + 'es';
    if (/[^aeiou]y$/.test(lower)) return lower.slice(0, -1) + 'ies';
    return lower + 's';
  }
  if (form === 'ly') return adverb(lower);
  const irr = irregular(lower);
  if (irr && (form === 'ed' || form === 'en')) return form === 'ed' ? irr[0] : irr[1];
  if (lower === 'be' && form === 'ing') return 'being';
  // A doubled last consonant (programming, panicking) is in the lexicon; the past follows the -ing.
  const gerund = own(GERUNDS, lower) ? GERUNDS[lower]! : undefined;
  if (form === 'ing') return gerund ?? regularIng(lower);
  if (gerund) return gerund.slice(0, -3) + 'ed';
  if (lower.endsWith('e')) return lower + 'd';
  if (/[^aeiou]y$/.test(lower)) return lower.slice(0, -1) + 'ied';
  return lower + 'ed';
}

function regularIng(lower: string): string {
  if (lower.endsWith('ie')) return lower.slice(0, -2) + 'ying';
  if (lower.endsWith('e') && !/(ee|ye|oe)$/.test(lower) && lower.length > 2) return lower.slice(0, -1) + 'ing';
  return lower + 'ing';
}

// Adverbs spelt like an adjective's but with a sense of their own: "hardly" is not "in a hard
// way", "lately" not "in a late way", "basically" not "in a basic way". A banned adjective does not catch them, nor do its
// replacements take them ("we difficultly ever fail").
const OWN_ADVERBS = new Set(['hardly', 'lately', 'shortly', 'nearly', 'barely', 'fairly', 'presently', 'scarcely', 'largely', 'highly', 'really', 'surely', 'dearly', 'basically', 'practically', 'virtually', 'actually', 'literally', 'greatly']);

/**
 * The adverb of an adjective (easy -> easily, simple -> simply, basic -> basically, effortless ->
 * effortlessly), as the dictionary spells it; the word itself when the dictionary has no such adverb.
 */
function adverb(lower: string): string {
  const candidates = /ic$/.test(lower)
    ? [lower + 'ally', lower + 'ly']
    : /[^aeiou]le$/.test(lower)
      ? [lower.slice(0, -1) + 'y']
      : /[^aeiou]y$/.test(lower)
        ? [lower.slice(0, -1) + 'ily']
        : /ll$/.test(lower)
          ? [lower + 'y']
          : /ue$/.test(lower)
            ? [lower.slice(0, -1) + 'ly', lower + 'ly']
            : [lower + 'ly'];
  for (const c of candidates) if (isEnglishWord(c) && !OWN_ADVERBS.has(c)) return c;
  return lower;
}

/**
 * Inflected forms a word can take (plain alphabetic words of 3+ letters, and short irregular verbs); `forms`
 * limits the work to the forms wanted (terms only take -s: 10,000 terms, 20,000 fewer inflections).
 */
export function inflections(word: string, forms: readonly Form[] = FORMS): Array<{ form: Form; word: string }> {
  // Words of three letters and more, and as verbs the short irregular ones (go, went, gone; be; do):
  // a two-letter term (Go) has no plural.
  const shortVerb = forms.includes('ed') && /^[a-z]{2}$/i.test(word) && own(IRREGULAR, word.toLowerCase());
  if (!(shortVerb || /^[a-z]{3,}$/i.test(word)) || !VOWEL.test(word.toLowerCase())) return [];
  const out: Array<{ form: Form; word: string }> = [];
  const seen = new Set<string>();
  for (const form of FORMS) {
    if (forms !== FORMS && !forms.includes(form)) continue;
    const w = inflect(word, form);
    const lower = w.toLowerCase();
    // A regular verb's participle is its past: one spelling, reported as the past.
    if (lower === word.toLowerCase() || seen.has(lower)) continue;
    seen.add(lower);
    out.push({ form, word: w });
  }
  return out;
}

/**
 * Every spelling a word's inflection may take: the regular one plus, for -ed/-ing, the doubled final
 * consonant (program -> programmed) that English uses where the rule of thumb does not.
 */
export function inflectionSpellings(word: string): Set<string> {
  const out = new Set<string>([word.toLowerCase()]);
  for (const { word: w } of inflections(word)) out.add(w.toLowerCase());
  if (/^[a-z]{3,}[^aeiouwxy]$/i.test(word)) for (const suffix of ['ed', 'ing']) out.add((word + word.slice(-1) + suffix).toLowerCase());
  return out;
}

// Irregular and doubled forms back to their base (`bought` -> buy, `programmed` -> program), for baseCandidates.
const IRREGULAR_BASE = new Map<string, string[]>();
const addBase = (form: string, base: string): void => {
  const list = IRREGULAR_BASE.get(form);
  if (!list) IRREGULAR_BASE.set(form, [base]);
  else if (!list.includes(base)) list.push(base);
};
for (const base of Object.keys(IRREGULAR)) for (const pair of IRREGULAR[base]!) for (const f of pair) addBase(f, base);
for (const base of Object.keys(GERUNDS)) {
  addBase(GERUNDS[base]!, base);
  addBase(GERUNDS[base]!.slice(0, -3) + 'ed', base);
}
const SUFFIXES = ['s', 'es', 'ies', 'd', 'ed', 'ied', 'ing', 'ying'];

/**
 * Every lower-case word whose inflection (any form) may be `word`, besides `word` itself: each
 * suffix inflect() adds undone in each way it may have been added (y -> ies, e dropped, consonant
 * doubled, ie -> ying), plus the irregular table read backwards. A superset, never missing one: the
 * lazy phrase matcher builds the phrases of a first word only when a text holds one of these words,
 * and test/match-phrases.test.ts checks it against inflect() on every word of a 275,000-word list.
 */
export function baseCandidates(word: string): string[] {
  const out: string[] = [];
  const irr = IRREGULAR_BASE.get(word);
  if (irr) out.push(...irr);
  if (word === 'is') out.push('be');
  else if (word === 'has') out.push('have');
  // Irregular plurals (children -> child, analyses -> analysis, criteria -> criterion).
  const singular = pluralize.singular(word);
  if (singular !== word) out.push(singular);
  const last = word.charCodeAt(word.length - 1);
  // Adverbs: easily -> easy, simply -> simple, basically -> basic, truly -> true, fully -> full.
  if (last === 121 && word.endsWith('ly')) {
    const stem = word.slice(0, -2);
    out.push(stem, stem + 'e', word.slice(0, -1) + 'e', word.slice(0, -1));
    if (stem.endsWith('i')) out.push(stem.slice(0, -1) + 'y');
    if (stem.endsWith('al')) out.push(stem.slice(0, -2));
    return out;
  }
  // Every other suffix ends in s, d or g: most words need no more.
  if (last !== 115 && last !== 100 && last !== 103) return out;
  for (const suffix of SUFFIXES) {
    if (word.length <= suffix.length || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    out.push(stem, stem + 'y', stem + 'e', stem + 'ie');
    if (stem.length > 1 && stem.charCodeAt(stem.length - 1) === stem.charCodeAt(stem.length - 2)) out.push(stem.slice(0, -1));
  }
  return out;
}
