// Regular expressions with Unicode property classes (\p{L}, \p{N}…) are made from strings, once, at
// the top level of a module. V8 checks a regex literal's syntax when it compiles the script (in
// functions never called too), again when it compiles the function and when it first creates the
// literal, and each check expands every \p class through ICU: ~1.2 M instructions for [\p{L}\p{N}],
// ~60 M of the server's start for the ~50 such literals. From a string the pattern is read when the
// RegExp is made (and V8 reuses that for an equal pattern and flags).

/** `new RegExp(source, flags)`; write `source` with String.raw so it reads as the literal would. */
export const unicodeRegExp = (source: string, flags = 'u'): RegExp => new RegExp(source, flags);

/** A letter or a digit, any script (test one character). No g or y flag: safe to share. */
export const LETTER_OR_DIGIT = unicodeRegExp(String.raw`[\p{L}\p{N}]`);
/** Every character that is no letter, for `s.replace(NOT_LETTERS, '')` (replace starts from 0 with g). */
export const NOT_LETTERS = unicodeRegExp(String.raw`[^\p{L}]`, 'gu');

/** unicodeRegExp made on the first call, for what only some documents or guides need. */
export function lazyUnicodeRegExp(source: string, flags = 'u'): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
}
