// Suggestions keep the case of what they replace (Utilize -> Use, UTILIZE -> USE), but a suggestion
// written with capitals of its own (a brand name such as GitHub) stays exactly as written.

export function keepCase(original: string, suggestion: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (!letters) return suggestion;
  const hasOwnCaps = suggestion !== suggestion.toLowerCase();
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return hasOwnCaps && !/\s/.test(suggestion) && suggestion.length > 1 && suggestion !== capitalize(suggestion.toLowerCase())
      ? suggestion
      : suggestion.toUpperCase();
  }
  const first = letters[0]!;
  if (first !== first.toLowerCase() && !hasOwnCaps) return capitalize(suggestion);
  return suggestion;
}

export function capitalize(s: string): string {
  const cp = s.codePointAt(0);
  if (cp === undefined) return s;
  const first = String.fromCodePoint(cp);
  return first.toUpperCase() + s.slice(first.length);
}
