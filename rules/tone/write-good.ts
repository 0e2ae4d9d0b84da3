// The write-good checks (passive-voice, weasel-words, cliches, wordy, adverbs, there-is, so, e-prime)
// run write-good itself, one check at a time, on each sentence, and map its {index, offset} back to
// the source. write-good stays the reference: its word lists and regexes are not copied here.
import writeGood from 'write-good';
import type { Rule } from '../types.js';
import { blockSentences } from '../text/sentences.js';
import { phraseRanges } from '../text/words.js';
import { findingExtras, reportable, sourceSpan, toneMeta, withBecause } from './common.js';

export type WriteGoodCheck = 'weasel' | 'illusion' | 'so' | 'thereIs' | 'passive' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';
const ALL_CHECKS: WriteGoodCheck[] = ['weasel', 'illusion', 'so', 'thereIs', 'passive', 'adverb', 'tooWordy', 'cliches', 'eprime'];

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

/** Run one write-good check over a piece of text. */
export function writeGoodHits(text: string, check: WriteGoodCheck): Hit[] {
  if (!text.trim()) return [];
  const opts: Record<string, boolean> = {};
  for (const c of ALL_CHECKS) opts[c] = c === check;
  const out: Hit[] = [];
  for (const s of writeGood(text, opts)) {
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
        for (const sentence of blockSentences(block)) {
          // Line breaks inside a sentence are soft wraps, not the clause starts write-good reads
          // them as; a sentence without end punctuation (a heading, a list item) gets a virtual
          // full stop so the clause-based checks (so, there-is) see it. Lengths are unchanged, so
          // indexes still line up.
          if (spec.mayMatch && !spec.mayMatch(sentence.text)) continue;
          const text = sentence.text.replace(/[\r\n]/g, ' ');
          const input = /[.!?;]["'”’)\]]*$/.test(text) ? text : `${text}.`;
          const allowed = guide.allow.length ? phraseRanges(text, guide.allow) : [];
          for (const h of writeGoodHits(input, spec.check)) {
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
