// The write-good checks (passive-voice, weasel-words, cliches, wordy, adverbs, there-is, so, e-prime)
// map write-good's {index, offset} on each sentence back to the source. The suggestions come from
// write-good-fast.ts (every check in one pass over each sentence's word runs, shared between the
// rules through a per-block cache); write-good itself stays reachable as the reference
// (writeGoodHits, writeGoodEngine.reference) for the differential tests.
import writeGood from 'write-good';
import type { Block, Rule } from '../types.js';
import { blockSentences, type Sentence } from '../text/sentences.js';
import { phraseRanges } from '../text/words.js';
import { findingExtras, reportable, sourceSpan, toneMeta, withBecause } from './common.js';
import { layoutHits, layoutOf, layoutSuggestions, type Layout, type Suggestion, type WriteGoodCheck } from './write-good-fast.js';

export type { WriteGoodCheck } from './write-good-fast.js';
const ALL_CHECKS: WriteGoodCheck[] = ['weasel', 'illusion', 'so', 'thereIs', 'passive', 'adverb', 'tooWordy', 'cliches', 'eprime'];

/** Set `reference` to run write-good itself instead of the one-pass matcher (differential tests). */
export const writeGoodEngine = { reference: false };

export interface Hit {
  /** Index into the text given, end exclusive. */
  start: number;
  end: number;
}

/** write-good's own suggestions for one check (the reference). */
export function referenceSuggestions(text: string, check: WriteGoodCheck): Suggestion[] {
  const opts: Record<string, boolean> = {};
  for (const c of ALL_CHECKS) opts[c] = c === check;
  return writeGood(text, opts).map((s) => ({ index: s.index, offset: s.offset }));
}

/** Run one write-good check over a piece of text, with write-good itself (the reference). */
export function writeGoodHits(text: string, check: WriteGoodCheck): Hit[] {
  if (!text.trim()) return [];
  const triples: number[] = [];
  for (const s of referenceSuggestions(text, check)) triples.push(0, s.index, s.offset);
  return asHits(layoutHits(layoutOf(text, [{ start: 0, end: text.length }], false), check, triples));
}

/** The same hits from the one-pass matcher. */
export function onePassHits(text: string, check: WriteGoodCheck): Hit[] {
  const L = layoutOf(text, [{ start: 0, end: text.length }], false);
  return asHits(layoutHits(L, check, layoutSuggestions(L, check)));
}

function asHits(triples: readonly number[]): Hit[] {
  const out: Hit[] = [];
  for (let x = 0; x < triples.length; x += 3) out.push({ start: triples[x + 1]!, end: triples[x + 2]! });
  return out;
}

/**
 * What write-good reads for a sentence whose line breaks are already spaces (soft wraps, not the
 * clause starts write-good reads them as): a sentence without end punctuation (a heading, a list
 * item) gets a virtual full stop so the clause-based checks (so, there-is) see it. Indexes still
 * line up. The rules' fast path lays the sentences out this way without making the string.
 */
export function writeGoodInput(text: string): string {
  return layoutOf(text, [{ start: 0, end: text.length }], true).len[0]! > text.length ? `${text}.` : text;
}

/** writeGoodInput with its regex (the reference in test/perf-hotspots.test.ts). */
export function writeGoodInputReference(text: string): string {
  return /[.!?;]["'”’)\]]*$/.test(text) ? text : `${text}.`;
}

/** A sentence's line breaks as spaces (what write-good reads; most sentences have none). */
export function asOneLine(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]/g, ' ') : text;
}

interface BlockWork {
  sentences: Sentence[];
  /** The sentences as write-good reads them, laid out once for every check. */
  layout?: Layout;
  /** Each check's hits, (sentence, start, end) triples relative to the sentence. */
  hits: Partial<Record<WriteGoodCheck, number[]>>;
}
// Per block: the seven write-good rules share one layout of its sentences, and each rule then
// walks only its own hits, not the sentences.
const work = new WeakMap<Block, BlockWork>();

function hitsOf(block: Block, check: WriteGoodCheck): { sentences: Sentence[]; hits: readonly number[] } {
  let w = work.get(block);
  if (!w) work.set(block, (w = { sentences: blockSentences(block), hits: {} }));
  const { sentences } = w;
  if (writeGoodEngine.reference) {
    const hits: number[] = [];
    sentences.forEach((s, k) => {
      for (const h of writeGoodHits(writeGoodInput(asOneLine(s.text)), check)) hits.push(k, h.start, h.end);
    });
    return { sentences, hits };
  }
  let h = w.hits[check];
  if (!h) {
    const L = (w.layout ??= layoutOf(block.text, sentences, true));
    h = w.hits[check] = layoutHits(L, check, layoutSuggestions(L, check));
  }
  return { sentences, hits: h };
}

export interface WriteGoodRuleSpec {
  id: string;
  check: WriteGoodCheck;
  description: string;
  /** The message for a flagged span (its text as written). */
  message(found: string): string;
}

/** A tone rule backed by one write-good check. */
export function writeGoodRule(spec: WriteGoodRuleSpec): Rule {
  return {
    meta: { ...toneMeta(spec.id, spec.description, false), scope: 'block' },
    check({ doc, guide, report }) {
      const extras = findingExtras(guide, spec.id);
      for (const block of doc.blocks) {
        const { sentences, hits } = hitsOf(block, spec.check);
        let allowedIn = -1;
        let allowed: Array<[number, number]> = [];
        for (let x = 0; x < hits.length; x += 3) {
          const sentence = sentences[hits[x]!]!;
          const start = hits[x + 1]!;
          const end = Math.min(hits[x + 2]!, sentence.text.length);
          if (start >= end) continue;
          if (guide.allow.length && allowedIn !== hits[x]) {
            allowedIn = hits[x]!;
            allowed = phraseRanges(asOneLine(sentence.text), guide.allow);
          }
          // Like write-good's whitelist: an allowed phrase covering or overlapping the hit keeps it quiet.
          if (allowed.some(([a, b]) => start < b && end > a)) continue;
          const i = sentence.start + start;
          const j = sentence.start + end;
          if (!reportable(doc, block, i, j)) continue;
          report({
            ...sourceSpan(doc, block, i, j),
            message: withBecause(spec.message(block.text.slice(i, j).replace(/\s+/g, ' ')), extras.because),
            ...extras,
          });
        }
      }
    },
  };
}
