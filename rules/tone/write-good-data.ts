// write-good's word lists as data (data/write-good-lists.json, extracted from the installed
// packages by data/extract-write-good.mjs): the input of the one-pass matcher (write-good-fast.ts).
// mayHaveCliche is a prefilter the rules no longer need; it stays for callers that run write-good.
import data from './data/write-good-lists.json' with { type: 'json' };

export const WRITE_GOOD_LISTS: Readonly<Record<string, readonly string[]>> = data.lists;
export const WRITE_GOOD_SOURCES: Readonly<Record<string, string>> = data.source;

const tokens = (s: string) => s.toLowerCase().split(/[^a-z]+/).filter(Boolean);

// Clichés indexed by their longest word. A sentence holding a cliché holds all of its words as
// tokens (the regex also lets the words touch with no space between, "acidtest"; such a glued form
// is the one thing the prefilter skips, and it is not how clichés are written). Built on first use:
// no rule calls the prefilter, and indexing the ~700 clichés took ~1 ms of every start.
let clichesByKey: Map<string, string[][]> | undefined;
function indexCliches(): Map<string, string[][]> {
  const byKey = new Map<string, string[][]>();
  for (const phrase of data.lists.cliches) {
    const words = tokens(phrase);
    if (words.length === 0) continue;
    const key = words.reduce((a, b) => (b.length > a.length ? b : a));
    const list = byKey.get(key) ?? [];
    list.push(words);
    byKey.set(key, list);
  }
  return byKey;
}

/** Can this text contain one of write-good's clichés? (false means: surely not) */
export function mayHaveCliche(text: string): boolean {
  const present = new Set(tokens(text));
  clichesByKey ??= indexCliches();
  for (const t of present) {
    const candidates = clichesByKey.get(t);
    if (candidates?.some((words) => words.every((w) => present.has(w)))) return true;
  }
  return false;
}
