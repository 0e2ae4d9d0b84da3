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
import { onePassSuggestions, runsOf, type Runs, type Suggestion, type WriteGoodCheck } from './write-good-fast.js';

export type { WriteGoodCheck } from './write-good-fast.js';
const ALL_CHECKS: WriteGoodCheck[] = ['weasel', 'illusion', 'so', 'thereIs', 'passive', 'adverb', 'tooWordy', 'cliches', 'eprime'];

/** Set `reference` to run write-good itself instead of the one-pass matcher (differential tests). */
export const writeGoodEngine = { reference: false };

// write-good's "so" and "there is" checks point at the last white-space character before the word
// when a clause starts with more than one; these re-find the word where it really starts. A
// hyphenated "So-called" is an adjective, not a filler "So".
const ANCHORED: Partial<Record<WriteGoodCheck, RegExp>> = {
  so: /^so\b(?![-\u2010\u2011])/i,
  thereIs: /^there\s+(?:is|are)\b/i,
};

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
  return toHits(text, check, referenceSuggestions(text, check));
}

/** The same hits from the one-pass matcher. */
export function onePassHits(text: string, check: WriteGoodCheck, runs: Runs = runsOf(text)): Hit[] {
  if (!text.trim()) return [];
  return toHits(text, check, onePassSuggestions(runs, check));
}

function toHits(text: string, check: WriteGoodCheck, suggestions: Suggestion[]): Hit[] {
  const out: Hit[] = [];
  for (const s of suggestions) {
    let start = s.index;
    let end = s.index + s.offset;
    while (start < end && /\s/.test(text[start]!)) start++;
    const anchor = ANCHORED[check];
    if (anchor) {
      const m = anchor.exec(text.slice(start));
      if (!m) continue;
      end = start + m[0].length;
    }
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * What write-good reads for a sentence whose line breaks are already spaces (soft wraps, not the
 * clause starts write-good reads them as): a sentence without end punctuation (a heading, a list
 * item) gets a virtual full stop so the clause-based checks (so, there-is) see it. Indexes still
 * line up.
 */
export function writeGoodInput(text: string): string {
  // /[.!?;]["'”’)\]]*$/ read from the end: the closers, then an end mark (the two sets are disjoint).
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i]!)) i--;
  return i >= 0 && END_MARKS.includes(text[i]!) ? text : `${text}.`;
}
const CLOSERS = '"\'”’)]';
const END_MARKS = '.!?;';

/** writeGoodInput with its regex (the reference in test/perf-hotspots.test.ts). */
export function writeGoodInputReference(text: string): string {
  return /[.!?;]["'”’)\]]*$/.test(text) ? text : `${text}.`;
}

/** A sentence's line breaks as spaces (what write-good reads; most sentences have none). */
export function asOneLine(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]/g, ' ') : text;
}

interface SentenceWork {
  sentence: Sentence;
  /** The sentence with its line breaks read as spaces. */
  text: string;
  input: string;
  runs?: Runs;
  hits: Partial<Record<WriteGoodCheck, Hit[]>>;
}
// Per block, the sentences as write-good reads them, their word runs and each check's hits: the
// seven write-good rules read one block's sentences once.
const work = new WeakMap<Block, SentenceWork[]>();

function blockWork(block: Block): SentenceWork[] {
  let w = work.get(block);
  if (!w) {
    w = blockSentences(block).map((sentence) => {
      const text = asOneLine(sentence.text);
      return { sentence, text, input: writeGoodInput(text), hits: {} };
    });
    work.set(block, w);
  }
  return w;
}

function hitsOf(sw: SentenceWork, check: WriteGoodCheck): Hit[] {
  if (writeGoodEngine.reference) return writeGoodHits(sw.input, check);
  let h = sw.hits[check];
  if (!h) h = sw.hits[check] = onePassHits(sw.input, check, (sw.runs ??= runsOf(sw.input)));
  return h;
}

export interface WriteGoodRuleSpec {
  id: string;
  check: WriteGoodCheck;
  description: string;
  /** The message for a flagged span (its text as written). */
  message(found: string): string;
  /** A cheap test that a sentence may match at all (false skips write-good for it). */
  mayMatch?(text: string): boolean;
}

/** A tone rule backed by one write-good check. */
export function writeGoodRule(spec: WriteGoodRuleSpec): Rule {
  return {
    meta: { ...toneMeta(spec.id, spec.description, false), scope: 'block' },
    check({ doc, guide, report }) {
      const extras = findingExtras(guide, spec.id);
      for (const block of doc.blocks) {
        for (const sw of blockWork(block)) {
          const { sentence } = sw;
          if (spec.mayMatch && !spec.mayMatch(sentence.text)) continue;
          const hits = hitsOf(sw, spec.check);
          if (hits.length === 0) continue;
          const { text } = sw;
          const allowed = guide.allow.length ? phraseRanges(text, guide.allow) : [];
          for (const h of hits) {
            const end = Math.min(h.end, text.length);
            if (h.start >= end) continue;
            // Like write-good's whitelist: an allowed phrase covering or overlapping the hit keeps it quiet.
            if (allowed.some(([a, b]) => h.start < b && end > a)) continue;
            const i = sentence.start + h.start;
            const j = sentence.start + end;
            if (!reportable(doc, block, i, j)) continue;
            report({
              ...sourceSpan(doc, block, i, j),
              message: withBecause(spec.message(block.text.slice(i, j).replace(/\s+/g, ' ')), extras.because),
              ...extras,
            });
          }
        }
      }
    },
  };
}
