import { phraseTokens, type Token } from './tokens.js';
import { FORMS, baseCandidates, inflections, type Form } from './inflect.js';

// One token trie for every phrase of a rule, so 10 or 10,000 phrases cost about the same per token.
// A node keeps the edges of tokens spaced from the last ("Git Hub") apart from glued ones ("e-mail"
// is e, -, mail glued together), so the walk builds no key strings.
//
// The trie is built lazily, per first word: add() only files a phrase under its first token, and a
// text's token is resolved the first time a match may start there: the phrases that begin with it,
// or with a word that inflects to it, go into the trie then. A server with 10,000 terms builds the
// few thousand that a document's words can start (cold start), and keeps only those (memory).
// Matches are the same as building everything up front (`{ lazy: false }`, the reference held to it
// in test/match-phrases.test.ts), in the same order.

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
  /** The order add() was called in: entries of one node stay in it whichever phrase was built first. */
  seq: number;
}

interface Node<T> {
  next?: Map<string, Node<T>>;
  glued?: Map<string, Node<T>>;
  /** One entry, or several: most nodes end one phrase, and an array each (V8 gives a pushed-to
   * empty array 17 slots) made a 10,000-term matcher take 20 MB instead of 11 MB. */
  entries?: Entry<T> | Entry<T>[];
}

type Exclude = Set<string> | (() => Set<string>);
export interface AddOptions {
  /** Its first and last words also match inflected (-s, -ed, -ing). */
  forms?: 'all' | Form[];
  /** Inflected spellings not to match (a function: computed only if the phrase is ever built). */
  exclude?: Exclude;
  /** Only the last word of a longer phrase inflects (a noun phrase's plural). */
  lastWordOnly?: boolean;
}

const NO_OPTIONS: AddOptions = {};

type Tok = { norm: string; spaced: boolean };

/** Words of ASCII letters and digits, one space apart: what most terms and banned phrases are. */
const SIMPLE_PHRASE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * phraseTokens, without running the tokenizer (and its URL/path/handle regex, ~30 µs a phrase) on
 * the common simple phrase: each word is a token, spaced from the last, lower-cased.
 */
export function tokensOfPhrase(phrase: string): Tok[] {
  if (!SIMPLE_PHRASE.test(phrase)) return phraseTokens(phrase);
  return phrase
    .toLowerCase()
    .split(' ')
    .map((norm) => ({ norm, spaced: true }));
}

/** The first token's norm of a phrase (undefined: the phrase has no token). */
function firstNorm(phrase: string): string | undefined {
  if (SIMPLE_PHRASE.test(phrase)) {
    const sp = phrase.indexOf(' ');
    return (sp < 0 ? phrase : phrase.slice(0, sp)).toLowerCase();
  }
  return phraseTokens(phrase)[0]?.norm;
}

const LOWER_WORD = /^[a-z]+$/;

export class PhraseMatcher<T> {
  private readonly root: Node<T> = {};
  /**
   * Phrases not in the trie yet, by their first token's norm: the seq (add() order) of one, or of
   * several. A phrase's text, payload and options are at its seq in the three arrays below (no
   * object per phrase: a 10,000-term guide adds 20,000 at the server's start).
   */
  private readonly pending = new Map<string, number | number[]>();
  private phrases: string[] = [];
  private payloads: T[] = [];
  private options: AddOptions[] = [];
  /** The seq of the phrase at index 0 of those arrays (they are emptied once everything is built). */
  private offset = 0;
  /** Tokens whose every phrase (as written or inflected) is in the trie. */
  private resolved = new Set<string>();
  /** Distinct words resolved since the last phrase was added. */
  private lookups = 0;
  private readonly lazy: boolean;
  /** Phrases added (those with at least one token). */
  size = 0;
  /** Whether a payload's phrase is a name the guide writes with a capital (see insideIdentifier). */
  isName?: (payload: T) => boolean;

  constructor(opts: { lazy?: boolean } = {}) {
    this.lazy = opts.lazy ?? true;
  }

  /** Add a phrase; with `forms`, its first and last words also match inflected (-s, -ed, -ing). */
  add(phrase: string, payload: T, opts: AddOptions = NO_OPTIONS): void {
    if (!this.lazy) {
      if (this.build(phrase, payload, opts, this.size)) this.size++;
      return;
    }
    const first = firstNorm(phrase);
    if (first === undefined) return;
    const seq = this.size++;
    this.phrases.push(phrase);
    this.payloads.push(payload);
    this.options.push(opts);
    const had = this.pending.get(first);
    if (had === undefined) this.pending.set(first, seq);
    else if (typeof had === 'number') this.pending.set(first, [had, seq]);
    else had.push(seq);
    // A token resolved before may now start this phrase (or an inflection of it): resolve again.
    if (this.resolved.size > 0) this.resolved = new Set();
    this.lookups = 0;
  }

  /** Put a phrase and its inflections into the trie; false when it has no token. */
  private build(phrase: string, payload: T, opts: AddOptions, seq: number): boolean {
    const toks = tokensOfPhrase(phrase);
    if (toks.length === 0) return false;
    this.insert(toks, { payload, form: 'base', inflectedWord: -1, length: toks.length, seq });
    const allowed = opts.forms;
    if (!allowed) return true;
    let exclude = opts.exclude;
    if (typeof exclude === 'function') exclude = exclude();
    const first = LOWER_WORD.test(toks[0]!.norm) ? 0 : toks.findIndex((t) => LOWER_WORD.test(t.norm));
    if (first < 0) return true;
    let last = toks.length - 1;
    while (!LOWER_WORD.test(toks[last]!.norm)) last--;
    for (const wi of first === last || opts.lastWordOnly ? [last] : [first, last]) {
      for (const inf of inflections(toks[wi]!.norm, allowed === 'all' ? FORMS : allowed)) {
        const word = inf.word.toLowerCase();
        if (exclude?.has(word)) continue;
        const variant = toks.map((t, i) => (i === wi ? { norm: word, spaced: t.spaced } : t));
        this.insert(variant, { payload, form: inf.form, inflectedWord: wi, length: toks.length, seq });
      }
    }
    return true;
  }

  private insert(toks: Tok[], entry: Entry<T>): void {
    let node = this.root;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const edges = i > 0 && !t.spaced ? (node.glued ??= new Map()) : (node.next ??= new Map());
      let child = edges.get(t.norm);
      if (!child) {
        child = {};
        edges.set(t.norm, child);
      }
      node = child;
    }
    const had = node.entries;
    if (had === undefined) node.entries = entry;
    else if (!Array.isArray(had)) node.entries = had.seq <= entry.seq ? [had, entry] : [entry, had];
    else {
      // In add() order (lazily built phrases arrive in another order): after every entry not later.
      let k = had.length;
      while (k > 0 && had[k - 1]!.seq > entry.seq) k--;
      had.splice(k, 0, entry);
    }
  }

  /** Build the phrases a match starting at this token can be: those whose first word is it or inflects to it. */
  private resolve(norm: string): void {
    // Lazy pays while few distinct words are seen (the server's first documents); once several times
    // more words have been looked up than first words wait, building the rest at once is cheaper
    // (a CLI run over a whole repository: ~0.3 s CPU less with 10,000 banned phrases on the corpus).
    if (++this.lookups > 4 * this.pending.size + 1000) {
      for (const first of [...this.pending.keys()]) this.buildBucket(first);
      this.resolved = new Set();
      this.release();
      return;
    }
    this.resolved.add(norm);
    this.buildBucket(norm);
    if (LOWER_WORD.test(norm)) for (const base of baseCandidates(norm)) this.buildBucket(base);
    if (this.pending.size === 0) {
      this.resolved = new Set();
      this.release();
    }
  }

  /** Once every phrase is in the trie, the added phrases' arrays are not needed any more. */
  private release(): void {
    if (this.pending.size > 0) return;
    this.phrases = [];
    this.payloads = [];
    this.options = [];
    this.offset = this.size;
  }

  private buildBucket(first: string): void {
    const had = this.pending.get(first);
    if (had === undefined) return;
    this.pending.delete(first);
    if (typeof had === 'number') this.buildAdded(had);
    else for (const seq of had) this.buildAdded(seq);
  }

  private buildAdded(seq: number): void {
    const i = seq - this.offset;
    this.build(this.phrases[i]!, this.payloads[i]!, this.options[i]!, seq);
  }

  /** Every match in a token list (skip tokens never match); overlapping ones included, by start then length. */
  hits(tokens: Token[]): Array<PhraseHit<T>> {
    const out: Array<PhraseHit<T>> = [];
    const top = this.root;
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]!;
      if (first.skip) continue;
      if (this.pending.size > 0 && !this.resolved.has(first.norm)) this.resolve(first.norm);
      let node: Node<T> | undefined = top.next?.get(first.norm);
      for (let j = i; node; ) {
        const es = node.entries;
        if (es) {
          // A phrase must end at a token boundary; "best" must not match "best" of "best-ever"? It
          // may: punctuation is its own token, so a hyphenated compound still contains the word.
          if (!Array.isArray(es)) out.push({ first: i, last: j + 1, payload: es.payload, form: es.form, inflectedWord: es.inflectedWord });
          else for (const e of es) out.push({ first: i, last: j + 1, payload: e.payload, form: e.form, inflectedWord: e.inflectedWord });
        }
        if (++j >= tokens.length) break;
        const t = tokens[j]!;
        if (t.skip) break;
        node = (t.spaced ? node.next : node.glued)?.get(t.norm);
      }
    }
    return out;
  }

  /** hits() as a generator. */
  *matches(tokens: Token[]): Generator<PhraseHit<T>> {
    yield* this.hits(tokens);
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
