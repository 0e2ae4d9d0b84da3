// Syllables of a word, as the `syllable` package counts them (syllable 5.0.1, MIT, Titus Wormer),
// for the reading grade. Its word-level steps (normalize-strings, apostrophes, splitting on \b,
// dropping non-letters) change nothing but the apostrophes of a word of a-z and apostrophes: such a
// word goes straight to its per-word counter, reproduced below with the package's own expressions;
// anything else goes to the package. `syllable` stays the reference (test/differential/syllables.test.ts).
import pluralize from 'pluralize';
import { problematic } from 'syllable/problematic.js';
import { lazyModule } from '../lazy-module.js';

// The package is loaded with the first word outside a-z: it builds normalize-strings' table of
// ~1,000 characters at load, and most copy has no such word.
const syllableModule = lazyModule<typeof import('syllable')>('syllable', () => require('syllable'));
/** The `syllable` package's count (any word). */
export const syllable = (value: string): number => syllableModule().syllable(value);

const own = {}.hasOwnProperty;

// The package's expressions, verbatim.
// Two expressions of occurrences which normally would be counted as two
// syllables, but should be counted as one.
const EXPRESSION_MONOSYLLABIC_ONE = new RegExp(
  [
    'awe($|d|so)',
    'cia(?:l|$)',
    'tia',
    'cius',
    'cious',
    '[^aeiou]giu',
    '[aeiouy][^aeiouy]ion',
    'iou',
    'sia$',
    'eous$',
    '[oa]gue$',
    '.[^aeiuoycgltdb]{2,}ed$',
    '.ely$',
    '^jua',
    'uai',
    'eau',
    '^busi$',
    '(?:[aeiouy](?:' +
      [
        '[bcfgklmnprsvwxyz]',
        'ch',
        'dg',
        'g[hn]',
        'lch',
        'l[lv]',
        'mm',
        'nch',
        'n[cgn]',
        'r[bcnsv]',
        'squ',
        's[chkls]',
        'th'
      ].join('|') +
      ')ed$)',
    '(?:[aeiouy](?:' +
      [
        '[bdfklmnprstvy]',
        'ch',
        'g[hn]',
        'lch',
        'l[lv]',
        'mm',
        'nch',
        'nn',
        'r[nsv]',
        'squ',
        's[cklst]',
        'th'
      ].join('|') +
      ')es$)'
  ].join('|'),
  'g'
)

const EXPRESSION_MONOSYLLABIC_TWO = new RegExp(
  '[aeiouy](?:' +
    [
      '[bcdfgklmnprstvyz]',
      'ch',
      'dg',
      'g[hn]',
      'l[lv]',
      'mm',
      'n[cgns]',
      'r[cnsv]',
      'squ',
      's[cklst]',
      'th'
    ].join('|') +
    ')e$',
  'g'
)

// Four expression of occurrences which normally would be counted as one
// syllable, but should be counted as two.
const EXPRESSION_DOUBLE_SYLLABIC_ONE = new RegExp(
  '(?:' +
    [
      '([^aeiouy])\\1l',
      '[^aeiouy]ie(?:r|s?t)',
      '[aeiouym]bl',
      'eo',
      'ism',
      'asm',
      'thm',
      'dnt',
      'snt',
      'uity',
      'dea',
      'gean',
      'oa',
      'ua',
      'react?',
      'orbed', // Cancel `'.[^aeiuoycgltdb]{2,}ed$',`
      'shred', // Cancel `'.[^aeiuoycgltdb]{2,}ed$',`
      'eings?',
      '[aeiouy]sh?e[rs]'
    ].join('|') +
    ')$',
  'g'
)

const EXPRESSION_DOUBLE_SYLLABIC_TWO = new RegExp(
  [
    'creat(?!u)',
    '[^gq]ua[^auieo]',
    '[aeiou]{3}',
    '^(?:ia|mc|coa[dglx].)',
    '^re(app|es|im|us)',
    '(th|d)eist'
  ].join('|'),
  'g'
)

const EXPRESSION_DOUBLE_SYLLABIC_THREE = new RegExp(
  [
    '[^aeiou]y[ae]',
    '[^l]lien',
    'riet',
    'dien',
    'iu',
    'io',
    'ii',
    'uen',
    '[aeilotu]real',
    'real[aeilotu]',
    'iell',
    'eo[^aeiou]',
    '[aeiou]y[aeiou]'
  ].join('|'),
  'g'
)

const EXPRESSION_DOUBLE_SYLLABIC_FOUR = /[^s]ia/

// Expression to match single syllable pre- and suffixes.
const EXPRESSION_SINGLE = new RegExp(
  [
    '^(?:' +
      [
        'un',
        'fore',
        'ware',
        'none?',
        'out',
        'post',
        'sub',
        'pre',
        'pro',
        'dis',
        'side',
        'some'
      ].join('|') +
      ')',
    '(?:' +
      [
        'ly',
        'less',
        'some',
        'ful',
        'ers?',
        'ness',
        'cians?',
        'ments?',
        'ettes?',
        'villes?',
        'ships?',
        'sides?',
        'ports?',
        'shires?',
        '[gnst]ion(?:ed|s)?'
      ].join('|') +
      ')$'
  ].join('|'),
  'g'
)

// Expression to match double syllable pre- and suffixes.
const EXPRESSION_DOUBLE = new RegExp(
  [
    '^' +
      '(?:' +
      [
        'above',
        'anti',
        'ante',
        'counter',
        'hyper',
        'afore',
        'agri',
        'infra',
        'intra',
        'inter',
        'over',
        'semi',
        'ultra',
        'under',
        'extra',
        'dia',
        'micro',
        'mega',
        'kilo',
        'pico',
        'nano',
        'macro',
        'somer'
      ].join('|') +
      ')',
    '(?:fully|berry|woman|women|edly|union|((?:[bcdfghjklmnpqrstvwxz])|[aeiou])ye?ing)$'
  ].join('|'),
  'g'
)

// Expression to match triple syllable suffixes.
const EXPRESSION_TRIPLE = /(creations?|ology|ologist|onomy|onomist)$/g

/** syllable(word) for a lower-case word (callers lower-case it). */
export function countSyllables(word: string): number {
  let plain = true;
  let apostrophe = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x27) apostrophe = true;
    else if (c < 97 || c > 122) {
      plain = false;
      break;
    }
  }
  if (!plain) return syllable(word);
  return one(apostrophe ? word.replaceAll("'", '') : word);
}

/** The package's `one`: its prefix/suffix passes remove what they count; the others only count. */
function one(input: string): number {
  if (input.length === 0) return 0;
  if (input.length < 3) return 1;
  if (own.call(problematic, input)) return problematic[input]!;
  const singular = pluralize(input, 1);
  if (own.call(problematic, singular)) return problematic[singular]!;

  let count = 0;
  const value = input
    .replace(EXPRESSION_TRIPLE, () => ((count += 3), ''))
    .replace(EXPRESSION_DOUBLE, () => ((count += 2), ''))
    .replace(EXPRESSION_SINGLE, () => ((count += 1), ''));

  // Runs of vowels (the package counts the non-empty parts of split(/[^aeiouy]+/)).
  let inVowels = false;
  for (let i = 0; i < value.length; i++) {
    const v = VOWEL[value.charCodeAt(i)] === 1;
    if (v && !inVowels) count++;
    inVowels = v;
  }

  count -= matches(EXPRESSION_MONOSYLLABIC_ONE, value) + matches(EXPRESSION_MONOSYLLABIC_TWO, value);
  count +=
    matches(EXPRESSION_DOUBLE_SYLLABIC_ONE, value) +
    matches(EXPRESSION_DOUBLE_SYLLABIC_TWO, value) +
    matches(EXPRESSION_DOUBLE_SYLLABIC_THREE, value) +
    (EXPRESSION_DOUBLE_SYLLABIC_FOUR.test(value) ? 1 : 0);
  return count || 1;
}

const VOWEL = new Uint8Array(128);
for (const c of 'aeiouy') VOWEL[c.charCodeAt(0)] = 1;

/** How many times String#replace with a global `re` would call its callback. */
function matches(re: RegExp, s: string): number {
  let n = 0;
  re.lastIndex = 0;
  for (let m; (m = re.exec(s)); n++) if (m[0] === '') re.lastIndex++;
  return n;
}
