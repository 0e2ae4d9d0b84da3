import type { BannedEntry, Block, ClaimEntry, ProseDocument, TermEntry } from '../types.js';
import { PhraseMatcher, longestFirst, type AddOptions, type PhraseHit } from './phrases.js';
import { tokensOf, type Token } from './tokens.js';
import { compilePattern } from '../guide/regex.js';
import { inflectionSpellings } from './inflect.js';
import { insideIdentifier, spanInsideIdentifier } from './identifiers.js';

// Matchers for the brand sections, built once per guide section (the arrays are shared between a
// guide and the per-file views guideFor() makes, so the cache survives overrides that don't touch them).

export interface TermPayload {
  term: TermEntry;
  /** Matched a `not` form rather than a case variant of `use`. */
  wrong: boolean;
  /** The phrase as the guide writes it (`use`, or the `not` form matched). */
  phrase: string;
}

const CAPITAL = /\p{Lu}/u;
const isCapitalisedTerm = (p: TermPayload): boolean => CAPITAL.test(p.term.use);

const termCache = new WeakMap<TermEntry[], PhraseMatcher<TermPayload>>();
// A term is a noun: its plural inflects the last word ("pull requests"); an -s on the first word of
// a longer term is a verb ("twitters together"), not the term.
const TERM_FORMS: AddOptions = { forms: ['s'], lastWordOnly: true };
export function termMatcher(terms: TermEntry[]): PhraseMatcher<TermPayload> {
  let m = termCache.get(terms);
  if (!m) {
    m = new PhraseMatcher<TermPayload>();
    m.isName = isCapitalisedTerm;
    for (const term of terms) {
      m.add(term.use, { term, wrong: false, phrase: term.use }, TERM_FORMS);
      for (const n of term.not) m.add(n, { term, wrong: true, phrase: n }, TERM_FORMS);
    }
    termCache.set(terms, m);
  }
  return m;
}

export interface PhrasePayload<E> {
  entry: E;
  phrase: string;
}

const bannedCache = new WeakMap<BannedEntry[], PhraseMatcher<PhrasePayload<BannedEntry>>>();
export function bannedMatcher(banned: BannedEntry[]): PhraseMatcher<PhrasePayload<BannedEntry>> {
  let m = bannedCache.get(banned);
  if (!m) {
    m = new PhraseMatcher();
    for (const entry of banned) {
      // An inflection of the banned word that is also how a suggestion inflects is no error
      // (programme -> programming is also program -> programming): don't match it.
      // Computed when one of its phrases is first built (the matcher is lazy), at most once.
      let spellings: Set<string> | undefined;
      const exclude = () => {
        if (spellings) return spellings;
        spellings = new Set<string>();
        for (const u of entry.use) for (const w of u.split(/\s+/)) for (const s of inflectionSpellings(w)) spellings.add(s);
        return spellings;
      };
      for (const phrase of entry.phrases) m.add(phrase, { entry, phrase }, { forms: 'all', exclude });
    }
    bannedCache.set(banned, m);
  }
  return m;
}

const claimCache = new WeakMap<ClaimEntry[], PhraseMatcher<PhrasePayload<ClaimEntry>>>();
export function claimMatcher(claims: ClaimEntry[]): PhraseMatcher<PhrasePayload<ClaimEntry>> {
  let m = claimCache.get(claims);
  if (!m) {
    m = new PhraseMatcher();
    for (const entry of claims) for (const phrase of entry.phrases) m.add(phrase, { entry, phrase });
    claimCache.set(claims, m);
  }
  return m;
}

/** A match inside one block, in block-text indices. */
export interface BlockHit<P> {
  block: Block;
  start: number;
  end: number;
  payload: P;
  hit?: PhraseHit<P>;
}

function toBlockHit<P>(block: Block, tokens: Token[], h: PhraseHit<P>): BlockHit<P> {
  return { block, start: tokens[h.first]!.start, end: tokens[h.last - 1]!.end, payload: h.payload, hit: h };
}

/**
 * Phrase hits of a matcher in every block, longest wins per block. `keep` drops a hit before the
 * longest is chosen (a shorter or equally long hit of another phrase may then win the span).
 */
export function phraseHits<P>(doc: ProseDocument, matcher: PhraseMatcher<P>, keep?: (block: Block, start: number, end: number, hit: PhraseHit<P>) => boolean): BlockHit<P>[] {
  const out: BlockHit<P>[] = [];
  if (matcher.size === 0) return out;
  for (const block of doc.blocks) {
    const tokens = tokensOf(block);
    const found = matcher.hits(tokens);
    if (found.length === 0) continue;
    // A phrase inside an identifier written as plain text is no match (before the longest wins:
    // a dropped hit must not hide a shorter one in prose).
    let kept = found.filter((h) => inProse(block, tokens, h, matcher));
    if (keep && kept.length > 0) kept = kept.filter((h) => keep(block, tokens[h.first]!.start, tokens[h.last - 1]!.end, h));
    const hits = longestFirst(kept);
    for (const h of hits) out.push(toBlockHit(block, tokens, h));
  }
  return out;
}

/** A hit is prose unless it lies inside an identifier written as plain text. */
export function inProse<P>(block: Block, tokens: Token[], h: PhraseHit<P>, matcher: PhraseMatcher<P>): boolean {
  const isName = matcher.isName;
  return !insideIdentifier(block.text, tokens, h.first, h.last, isName ? isName(h.payload) : false);
}

/** Regex hits of `pattern` entries (RE2 semantics: linear time whatever the guide says). */
export function patternHits<E extends { pattern?: string }>(doc: ProseDocument, entries: E[]): BlockHit<PhrasePayload<E>>[] {
  const out: BlockHit<PhrasePayload<E>>[] = [];
  for (const entry of entries) {
    if (!entry.pattern) continue;
    const compiled = compilePattern(entry.pattern);
    if (!compiled.ok) continue; // the guide loader already reported it
    for (const block of doc.blocks) {
      const m = compiled.re.matcher(block.text);
      // Skipped tokens (URLs, handles…) in text order; matches come in order too, so one cursor
      // walks both (testing every token per match was quadratic on a long block).
      const skips = tokensOf(block).filter((t) => t.skip);
      let k = 0;
      while (m.find()) {
        const start = m.start();
        const end = m.end();
        if (end <= start) continue;
        if (block.text.slice(start, end).includes('\uFFFC')) continue;
        while (k < skips.length && skips[k]!.end <= start) k++;
        if (k < skips.length && skips[k]!.start < end) continue;
        if (spanInsideIdentifier(block.text, tokensOf(block), start, end)) continue;
        out.push({ block, start, end, payload: { entry, phrase: m.group() ?? '' } });
      }
    }
  }
  return out;
}

/** Drop hits overlapped by a longer one in the same block. */
export function longestHits<P>(hits: BlockHit<P>[]): BlockHit<P>[] {
  const byBlock = new Map<Block, Array<BlockHit<P> & { first: number; last: number }>>();
  for (const h of hits) {
    const list = byBlock.get(h.block) ?? [];
    list.push({ ...h, first: h.start, last: h.end });
    byBlock.set(h.block, list);
  }
  const out: BlockHit<P>[] = [];
  for (const list of byBlock.values()) for (const h of longestFirst(list)) out.push(h);
  return out;
}
