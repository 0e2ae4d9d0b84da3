// The contraction tables: expanded forms and their contractions, both ways.

/** "X not" → contraction (negations need no word after them: "Please do not."). */
export const NEGATIONS: Readonly<Record<string, string>> = {
  'do not': "don't",
  'does not': "doesn't",
  'did not': "didn't",
  'is not': "isn't",
  'are not': "aren't",
  'was not': "wasn't",
  'were not': "weren't",
  'have not': "haven't",
  'has not': "hasn't",
  'had not': "hadn't",
  'can not': "can't",
  cannot: "can't",
  'could not': "couldn't",
  'should not': "shouldn't",
  'would not': "wouldn't",
  'will not': "won't",
  'must not': "mustn't",
  'need not': "needn't",
  'shall not': "shan't",
};

/**
 * Pronoun + auxiliary → contraction. These only contract before another word: "I know what it is."
 * cannot become "what it's.". `have`/`has` only before "been"/"got" ("we have a plan" is not "we've
 * a plan").
 */
export const AUXILIARIES: Readonly<Record<string, readonly string[]>> = {
  am: ['i'],
  are: ['you', 'we', 'they'],
  is: ['it', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'he', 'she'],
  will: ['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that'],
  have: ['i', 'you', 'we', 'they'],
  has: ['it', 'he', 'she', 'that', 'there'],
};
export const AUX_SUFFIX: Readonly<Record<string, string>> = { am: "'m", are: "'re", is: "'s", will: "'ll", have: "'ve", has: "'s" };
export const HAVE_BEFORE = new Set(['been', 'got']);

/** Contractions → expanded forms, keyed in lower case with a straight apostrophe. */
export const EXPANSIONS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(NEGATIONS).filter(([k]) => k !== 'can not').map(([k, v]) => [v, k])),
  "ain't": '',
  "mightn't": 'might not',
  "let's": 'let us',
  "i'm": 'i am',
  ...Object.fromEntries(AUXILIARIES.are!.map((p) => [`${p}'re`, `${p} are`])),
  ...Object.fromEntries(AUXILIARIES.will!.map((p) => [`${p}'ll`, `${p} will`])),
  ...Object.fromEntries(AUXILIARIES.have!.map((p) => [`${p}'ve`, `${p} have`])),
  "who're": 'who are',
  "who've": 'who have',
  "there'll": 'there will',
};
// "can't" expands to the one word "cannot"; "ain't" has no single standard expansion.
delete (EXPANSIONS as Record<string, string>)["ain't"];

/** Words whose 's is "is" or "has" (never a possessive). */
export const S_BASES = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'he', 'she', 'when', 'why']);
/** Words whose 'd is "would" or "had". */
export const D_BASES = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'there', 'who']);

// After 's or 'd, these mean "has"/"had" rather than "is"/"would".
const PARTICIPLES = new Set(
  'been got gotten had done seen gone made known taken given written built left found thought told heard met lost won run come become begun brought bought caught taught felt kept sent spent meant said paid sold shown grown chosen driven eaten fallen forgotten hidden ridden risen spoken stolen sworn thrown woken worn'.split(
    ' ',
  ),
);

export function isParticiple(word: string | undefined): boolean {
  if (!word) return false;
  const w = word.toLowerCase();
  return PARTICIPLES.has(w) || (w.length > 3 && w.endsWith('ed'));
}
