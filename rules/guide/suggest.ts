// "Did you mean" for unknown keys and values in a guide.

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

// Names people write for a value brandlint spells otherwise: not typos, so edit distance misses them
// (en-UK is one letter from en-US, but means en-GB).
const ALIASES: Record<string, string> = {
  'en-uk': 'en-GB',
  'en_gb': 'en-GB',
  'en_us': 'en-US',
  british: 'en-GB',
  american: 'en-US',
  twitter: 'x',
  tweet: 'x',
  bsky: 'bluesky',
  fb: 'facebook',
  ig: 'instagram',
};

/** The closest candidate when it is close enough to be a likely typo (or a singular/plural slip). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const alias = ALIASES[word.toLowerCase()];
  if (alias !== undefined && candidates.includes(alias)) return alias;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word, c);
    if (dist < bestD) {
      best = c;
      bestD = dist;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(Math.max(word.length, best.length) / 3)));
  if (bestD <= limit) return best;
  // terms vs term, claim vs claims, disclaimers vs disclaimer
  const w = word.toLowerCase();
  const b = best.toLowerCase();
  if (w.startsWith(b) || b.startsWith(w)) return Math.abs(w.length - b.length) <= 2 ? best : undefined;
  return undefined;
}
