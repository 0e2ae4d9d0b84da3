// English inflection for banned words and their suggestions: utilize -> utilizes/utilized/utilizing,
// and the suggestion in the same form (use -> uses/used/using). Rules plus a small irregular table;
// good enough for copy, and never applied to brand names.

export type Form = 'base' | 's' | 'ed' | 'ing';
export const FORMS: Form[] = ['s', 'ed', 'ing'];

const IRREGULAR: Record<string, [string, string]> = {
  // base: [past, -ing]
  be: ['was', 'being'], buy: ['bought', 'buying'], bring: ['brought', 'bringing'], build: ['built', 'building'],
  choose: ['chose', 'choosing'], come: ['came', 'coming'], do: ['did', 'doing'], drive: ['drove', 'driving'],
  find: ['found', 'finding'], get: ['got', 'getting'], give: ['gave', 'giving'], go: ['went', 'going'],
  grow: ['grew', 'growing'], have: ['had', 'having'], hold: ['held', 'holding'], keep: ['kept', 'keeping'],
  know: ['knew', 'knowing'], lead: ['led', 'leading'], leave: ['left', 'leaving'], make: ['made', 'making'],
  meet: ['met', 'meeting'], pay: ['paid', 'paying'], put: ['put', 'putting'], run: ['ran', 'running'],
  say: ['said', 'saying'], see: ['saw', 'seeing'], sell: ['sold', 'selling'], send: ['sent', 'sending'],
  set: ['set', 'setting'], show: ['showed', 'showing'], take: ['took', 'taking'], tell: ['told', 'telling'],
  think: ['thought', 'thinking'], win: ['won', 'winning'], write: ['wrote', 'writing'], begin: ['began', 'beginning'],
  spend: ['spent', 'spending'], understand: ['understood', 'understanding'], feel: ['felt', 'feeling'],
  try: ['tried', 'trying'], help: ['helped', 'helping'], see_: ['saw', 'seeing'],
};

const VOWEL = /[aeiou]/;

function endsCVC(w: string): boolean {
  // One vowel group ending consonant-vowel-consonant (stop, ban, plan): the consonant doubles.
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(w);
}

export function inflect(word: string, form: Form): string {
  if (form === 'base' || !/^[a-z]+$/i.test(word)) return word;
  const lower = word.toLowerCase();
  // Own keys only: "constructor" is not an irregular verb (Object.prototype's would crash the matcher).
  const irr = Object.hasOwn(IRREGULAR, lower) ? IRREGULAR[lower] : undefined;
  if (form === 's') {
    if (lower === 'be') return 'is';
    if (lower === 'have') return 'has';
    if (lower === 'do' || lower === 'go') return word + 'es';
    if (/(s|x|z|ch|sh)$/.test(lower)) return word + 'es';
    if (/[^aeiou]y$/.test(lower)) return word.slice(0, -1) + 'ies';
    return word + 's';
  }
  if (irr) return form === 'ed' ? irr[0] : irr[1];
  if (form === 'ed') {
    if (lower.endsWith('e')) return word + 'd';
    if (/[^aeiou]y$/.test(lower)) return word.slice(0, -1) + 'ied';
    if (endsCVC(lower)) return word + word.slice(-1) + 'ed';
    return word + 'ed';
  }
  // ing
  if (lower.endsWith('ie')) return word.slice(0, -2) + 'ying';
  if (lower.endsWith('e') && !/(ee|ye|oe)$/.test(lower) && lower.length > 2) return word.slice(0, -1) + 'ing';
  if (endsCVC(lower)) return word + word.slice(-1) + 'ing';
  return word + 'ing';
}

/**
 * Inflected forms a word can take (only plain alphabetic words of 3+ letters inflect); `forms`
 * limits the work to the forms wanted (terms only take -s: 10,000 terms, 20,000 fewer inflections).
 */
export function inflections(word: string, forms: readonly Form[] = FORMS): Array<{ form: Form; word: string }> {
  if (!/^[a-z]{3,}$/i.test(word) || !VOWEL.test(word.toLowerCase())) return [];
  const out: Array<{ form: Form; word: string }> = [];
  for (const form of FORMS) {
    if (forms !== FORMS && !forms.includes(form)) continue;
    const w = inflect(word, form);
    if (w.toLowerCase() !== word.toLowerCase()) out.push({ form, word: w });
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

// Irregular forms back to their base (`bought` -> buy), for baseCandidates.
const IRREGULAR_BASE = new Map<string, string[]>();
for (const base of Object.keys(IRREGULAR)) {
  for (const form of IRREGULAR[base]!) {
    const list = IRREGULAR_BASE.get(form) ?? [];
    list.push(base);
    IRREGULAR_BASE.set(form, list);
  }
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
  const last = word.charCodeAt(word.length - 1);
  // Every suffix ends in s, d or g: most words need no more.
  if (last !== 115 && last !== 100 && last !== 103) return out;
  for (const suffix of SUFFIXES) {
    if (word.length <= suffix.length || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    out.push(stem, stem + 'y', stem + 'e', stem + 'ie');
    if (stem.length > 1 && stem.charCodeAt(stem.length - 1) === stem.charCodeAt(stem.length - 2)) out.push(stem.slice(0, -1));
  }
  return out;
}
