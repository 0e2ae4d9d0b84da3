import { phraseTokens, type Token } from './tokens.js';
import { FORMS, inflections, type Form } from './inflect.js';

// One token trie for every phrase of a rule, so 10 or 10,000 phrases cost about the same per token.
// Edges are keyed by the normalized token, prefixed with '\u0001' when the phrase had no space
// before it ("e-mail" is e, -, mail glued together; "Git Hub" has a space).

export interface PhraseHit<T> {
  /** Token indices, end exclusive. */
  first: number;
  last: number;
  payload: T;
  /** How the phrase was inflected to match, and which word (index in the phrase's words). */
  form: Form;
  inflectedWord: number;
}

interface Entry<T> {
  payload: T;
  form: Form;
  inflectedWord: number;
  length: number;
}

interface Node<T> {
  next?: Map<string, Node<T>>;
  /** One entry, or several: most nodes end one phrase, and an array each (V8 gives a pushed-to
   * empty array 17 slots) made a 10,000-term matcher take 20 MB instead of 11 MB. */
  entries?: Entry<T> | Entry<T>[];
}

const GLUED = '\u0001';

/** Words of ASCII letters and digits, one space apart: what most terms and banned phrases are. */
const SIMPLE_PHRASE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * phraseTokens, without running the tokenizer (and its URL/path/handle regex, ~30 µs a phrase) on
 * the common simple phrase: each word is a token, spaced from the last, lower-cased.
 */
export function tokensOfPhrase(phrase: string): Array<{ norm: string; spaced: boolean }> {
  if (!SIMPLE_PHRASE.test(phrase)) return phraseTokens(phrase);
  return phrase
    .toLowerCase()
    .split(' ')
    .map((norm) => ({ norm, spaced: true }));
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = {};
  size = 0;

  /** Add a phrase; with `forms`, its first and last words also match inflected (-s, -ed, -ing). */
  add(phrase: string, payload: T, opts: { forms?: 'all' | Form[]; exclude?: Set<string> } = {}): void {
    const toks = tokensOfPhrase(phrase);
    if (toks.length === 0) return;
    this.insert(toks, { payload, form: 'base', inflectedWord: -1, length: toks.length });
    if (!opts.forms) return;
    const allowed = opts.forms;
    const wordIdx = toks.map((t, i) => (/^[a-z]+$/.test(t.norm) ? i : -1)).filter((i) => i >= 0);
    const candidates = new Set([wordIdx[0], wordIdx[wordIdx.length - 1]].filter((i): i is number => i !== undefined));
    for (const wi of candidates) {
      for (const inf of inflections(toks[wi]!.norm, allowed === 'all' ? FORMS : allowed)) {
        if (opts.exclude?.has(inf.word.toLowerCase())) continue;
        const variant = toks.map((t, i) => (i === wi ? { ...t, norm: inf.word.toLowerCase() } : t));
        this.insert(variant, { payload, form: inf.form, inflectedWord: wi, length: toks.length });
      }
    }
  }

  private insert(toks: Array<{ norm: string; spaced: boolean }>, entry: Entry<T>): void {
    let node = this.root;
    toks.forEach((t, i) => {
      const key = i > 0 && !t.spaced ? GLUED + t.norm : t.norm;
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) {
        child = {};
        node.next.set(key, child);
      }
      node = child;
    });
    const had = node.entries;
    if (had === undefined) node.entries = entry;
    else if (Array.isArray(had)) had.push(entry);
    else node.entries = [had, entry];
    this.size++;
  }

  /** Every match in a token list (skip tokens never match); overlapping ones included. */
  *matches(tokens: Token[]): Generator<PhraseHit<T>> {
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.skip) continue;
      let node: Node<T> | undefined = this.root;
      for (let j = i; j < tokens.length && node; j++) {
        const t = tokens[j]!;
        if (t.skip) break;
        const key = j > i && !t.spaced ? GLUED + t.norm : t.norm;
        node = node.next?.get(key);
        if (!node) break;
        if (node.entries) {
          // A phrase must end at a token boundary; "best" must not match "best" of "best-ever"? It
          // may: punctuation is its own token, so a hyphenated compound still contains the word.
          const es = node.entries;
          if (!Array.isArray(es)) yield { first: i, last: j + 1, payload: es.payload, form: es.form, inflectedWord: es.inflectedWord };
          else for (const e of es) yield { first: i, last: j + 1, payload: e.payload, form: e.form, inflectedWord: e.inflectedWord };
        }
      }
    }
  }
}

/** Keep the longest of overlapping hits (the earliest when equally long). */
export function longestFirst<H extends { first: number; last: number }>(hits: H[]): H[] {
  if (hits.length <= 1) return [...hits];
  const sorted = [...hits].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  // Taken hits are disjoint, so each position is covered at most once: a Fenwick tree over
  // positions answers "is any of [first, last) taken?" in O(log n). Comparing each hit with every
  // taken one was quadratic (a 160 KB line of one banned word took minutes).
  let size = 0;
  for (const h of hits) size = Math.max(size, h.last);
  const tree = new Int32Array(size + 1);
  const prefix = (i: number): number => {
    let s = 0;
    for (; i > 0; i -= i & -i) s += tree[i]!;
    return s;
  };
  const taken: H[] = [];
  for (const h of sorted) {
    if (h.last <= h.first || prefix(h.last) - prefix(h.first) > 0) continue;
    taken.push(h);
    for (let p = h.first; p < h.last; p++) for (let i = p + 1; i <= size; i += i & -i) tree[i]!++;
  }
  return taken.sort((a, b) => a.first - b.first);
}
