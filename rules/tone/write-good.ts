// The write-good checks (passive-voice, weasel-words, cliches, wordy, adverbs, there-is, so, e-prime)
// map write-good's {index, offset} on each sentence back to the source. The suggestions come from
// write-good-fast.ts (every check in one pass over each sentence's word runs, shared between the
// rules through a per-block cache); write-good itself stays reachable as the reference
// (writeGoodHits, writeGoodEngine.reference) for the differential tests.
import type { Block, Guide, Rule, RuleMeta } from '../types.js';
import { blockSentences, type Sentence } from '../text/sentences.js';
import { phraseRanges } from '../text/words.js';
import { findingExtras, reportable, sourceSpan, toneMeta, withBecause } from './common.js';
import { layoutHits, layoutOf, layoutSuggestions, newLayout, type Suggestion, type WriteGoodCheck } from './write-good-fast.js';
import { lazyModule } from '../lazy-module.js';

// write-good itself runs only as the reference (tests): loaded on first use, not at every start.
const writeGood = lazyModule<typeof import('write-good').default>('write-good', () => require('write-good'));

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
  return writeGood()(text, opts).map((s) => ({ index: s.index, offset: s.offset }));
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

// A block's hits for the write-good checks: one Int32Array [mask, from_0 … from_N, triples…], where
// the triples of check c (ALL_CHECKS[c]) are (sentence, start, end) with start/end in the block's
// text, at [from_c, from_c+1) of the array, and `mask` says which checks it holds. The first
// write-good rule to reach a block computes every check the guide turns on over one layout of its
// sentences (a scratch layout, reused block after block), so the other rules only read their hits.
const N = ALL_CHECKS.length;
const HEAD = N + 2;
const bit = (check: WriteGoodCheck) => 1 << ALL_CHECKS.indexOf(check);
const work = new WeakMap<Block, Int32Array>();
const scratch = newLayout();
/** Blocks without a hit share one empty result per mask. */
const empty = new Map<number, Int32Array>();

/** The rule ids and checks of the write-good rules (writeGoodRule registers each). */
const RULE_CHECKS: Array<{ id: string; bit: number }> = [];

/** The checks of the write-good rules this guide turns on. */
function enabledMask(guide: Guide): number {
  let m = 0;
  for (const r of RULE_CHECKS) {
    const level = guide.tone[r.id]?.level;
    if (level !== undefined && level !== 'off') m |= r.bit;
  }
  return m;
}

/** Pack each check's (sentence, start, end) triples, relative to the sentence, as a block's hits. */
function pack(sentences: readonly Sentence[], mask: number, hitsFor: (check: WriteGoodCheck) => readonly number[]): Int32Array {
  const triples: number[] = [];
  const from: number[] = [];
  for (let c = 0; c < N; c++) {
    from.push(triples.length);
    if (!(mask & (1 << c))) continue;
    const hits = hitsFor(ALL_CHECKS[c]!);
    for (let x = 0; x < hits.length; x += 3) {
      const sentence = sentences[hits[x]!]!;
      const start = hits[x + 1]!;
      // The full stop writeGoodInput adds is not in the text.
      const end = Math.min(hits[x + 2]!, sentence.text.length);
      if (start < end) triples.push(hits[x]!, sentence.start + start, sentence.start + end);
    }
  }
  from.push(triples.length);
  if (triples.length === 0) {
    let e = empty.get(mask);
    if (!e) {
      empty.set(mask, (e = new Int32Array(HEAD)));
      e[0] = mask;
    }
    return e;
  }
  const out = new Int32Array(HEAD + triples.length);
  out[0] = mask;
  for (let c = 0; c <= N; c++) out[1 + c] = HEAD + from[c]!;
  out.set(triples, HEAD);
  return out;
}

/**
 * A block's hits for the checks in `mask` (and any it already holds), from the one-pass matcher
 * over one layout of the block's sentences.
 */
export function blockHits(block: Block, mask: number): Int32Array {
  const had = work.get(block);
  if (had && (had[0]! & mask) === mask) return had;
  if (had) mask |= had[0]!;
  const sentences = blockSentences(block);
  const L = layoutOf(block.text, sentences, true, scratch);
  const h = pack(sentences, mask, (check) => layoutHits(L, check, layoutSuggestions(L, check)));
  work.set(block, h);
  return h;
}

/**
 * The same hits, sentence by sentence (the references): `write-good` runs write-good itself on
 * each sentence as the rules hand it over, `one-pass` the one-pass matcher on each sentence alone.
 */
export function blockHitsReference(block: Block, mask: number, oracle: 'write-good' | 'one-pass'): Int32Array {
  const sentences = blockSentences(block);
  const inputs = sentences.map((s) => writeGoodInput(asOneLine(s.text)));
  return pack(sentences, mask, (check) => {
    const hits: number[] = [];
    inputs.forEach((text, k) => {
      for (const h of oracle === 'write-good' ? writeGoodHits(text, check) : onePassHits(text, check)) hits.push(k, h.start, h.end);
    });
    return hits;
  });
}

export interface WriteGoodRuleSpec {
  id: string;
  check: WriteGoodCheck;
  description: string;
  /** The message for a flagged span (its text as written). */
  message(found: string): string;
  /** The same message as a template (RuleMeta.messages), `{{found}}` for the span. */
  messages: Record<string, string>;
  /**
   * Whether a hit of write-good's pattern is one in this rule's sense (be + adjective is not
   * passive); `sentence` holds it. Without it every hit is.
   */
  keep?(block: Block, start: number, end: number, sentence: Sentence, guide: Guide): boolean;
  /** The rule's options under `tone.<id>` (besides level, because and docs). */
  options?: NonNullable<RuleMeta['options']>['properties'];
}

function withOptions(meta: RuleMeta, options: WriteGoodRuleSpec['options']): RuleMeta {
  return options ? { ...meta, options: { ...meta.options!, properties: { ...meta.options!.properties, ...options } } } : meta;
}

/** A tone rule backed by one write-good check. */
export function writeGoodRule(spec: WriteGoodRuleSpec): Rule {
  const c = ALL_CHECKS.indexOf(spec.check);
  RULE_CHECKS.push({ id: spec.id, bit: 1 << c });
  return {
    meta: withOptions({ ...toneMeta(spec.id, spec.description, false), scope: 'block', messages: spec.messages }, spec.options),
    check({ doc, guide, report }) {
      const extras = findingExtras(guide, spec.id);
      const mask = enabledMask(guide) | (1 << c);
      for (const block of doc.blocks) {
        const hits = writeGoodEngine.reference ? blockHitsReference(block, 1 << c, 'write-good') : blockHits(block, mask);
        const to = hits[2 + c]!;
        let x = hits[1 + c]!;
        if (x === to) continue;
        const sentences = guide.allow.length || spec.keep ? blockSentences(block) : [];
        let allowedIn = -1;
        let allowed: Array<[number, number]> = [];
        for (; x < to; x += 3) {
          const i = hits[x + 1]!;
          const j = hits[x + 2]!;
          if (guide.allow.length) {
            const k = hits[x]!;
            const sentence = sentences[k]!;
            if (allowedIn !== k) {
              allowedIn = k;
              allowed = phraseRanges(asOneLine(sentence.text), guide.allow);
            }
            // Like write-good's whitelist: an allowed phrase covering or overlapping the hit keeps it quiet.
            if (allowed.some(([a, b]) => i - sentence.start < b && j - sentence.start > a)) continue;
          }
          if (!reportable(doc, block, i, j)) continue;
          if (spec.keep && !spec.keep(block, i, j, sentences[hits[x]!]!, guide)) continue;
          const span = sourceSpan(doc, block, i, j);
          report({
            start: span.start,
            end: span.end,
            message: withBecause(spec.message(block.text.slice(i, j).replace(/\s+/g, ' ')), extras.because),
            because: extras.because,
            docs: extras.docs,
            ref: extras.ref,
          });
        }
      }
    },
  };
}
