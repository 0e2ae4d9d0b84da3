// Is a word English? all-caps uses this to tell shouting ("FREE", "TODAY") from acronyms it has
// never heard of ("GOPATH", "CNCF"). The list is an-array-of-english-words (MIT, ~275k words,
// inflections included), a sorted JSON array. Parsing it costs more than half a second, so it is
// read lazily as text on first use and binary-searched in place.
import fs from 'node:fs';
import { createRequire } from 'node:module';

let text: string | null | undefined;

function dictionary(): string | null {
  if (text === undefined) {
    try {
      const file = createRequire(import.meta.url).resolve('an-array-of-english-words/index.json');
      text = fs.readFileSync(file, 'utf8');
      if (!text.startsWith('["')) text = null;
    } catch {
      text = null; // bundled without node_modules: callers fall back to their acronym list
    }
  }
  return text;
}

/** true / false, or undefined when the word list cannot be read. Case-insensitive. */
export function isEnglishWord(word: string): boolean | undefined {
  const t = dictionary();
  if (!t) return undefined;
  const target = word.toLowerCase();
  const first = t.slice(2, t.indexOf('"', 2));
  if (first === target) return true;
  // Entries are `,"word"`; search over the positions of their `,"` separators.
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const sep = t.indexOf(',"', mid);
    if (sep === -1 || sep >= hi) {
      hi = mid;
      continue;
    }
    const start = sep + 2;
    const end = t.indexOf('"', start);
    const w = t.slice(start, end);
    if (w === target) return true;
    if (w < target) lo = end;
    else hi = mid;
  }
  return false;
}
