// The write-good checks (passive-voice, weasel-words, cliches, wordy, adverbs, there-is, so, e-prime)
// map write-good's {index, offset} on each sentence back to the source. The suggestions come from
// write-good-fast.ts (every check in one pass over each sentence's word runs, shared between the
// rules through a per-block cache); the differential tests hold them to the write-good package.
import type { Block, Guide, Rule, RuleMeta } from '../types.js';
import { blockSentences, type Sentence } from '../text/sentences.js';
import { phraseRanges } from '../text/words.js';
import { findingExtras, reportable, toneMeta } from './common.js';
import { sourceSpan } from '../text/block.js';
import { withBecause } from '../checks/docs.js';
import { layoutHits, layoutOf, layoutSuggestions, newLayout, type WriteGoodCheck } from './write-good-fast.js';

export type { WriteGoodCheck } from './write-good-fast.js';

/** A sentence's line breaks as spaces (what write-good reads; most sentences have none). */
export function asOneLine(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]/g, ' ') : text;
}

const scratch = newLayout();

/**
 * A block's hits for one check as (sentence, start, end) triples, start and end in the block's
 * text: the one-pass matcher over one layout of the block's sentences as write-good reads them
 * (a scratch layout, reused block after block).
 */
export function blockHits(block: Block, check: WriteGoodCheck): number[] {
  const sentences = blockSentences(block);
  const L = layoutOf(block.text, sentences, true, scratch);
  const hits = layoutHits(L, check, layoutSuggestions(L, check));
  const out: number[] = [];
  for (let x = 0; x < hits.length; x += 3) {
    const sentence = sentences[hits[x]!]!;
    const start = hits[x + 1]!;
    // The full stop added to a sentence without end punctuation is not in the text.
    const end = Math.min(hits[x + 2]!, sentence.text.length);
    if (start < end) out.push(hits[x]!, sentence.start + start, sentence.start + end);
  }
  return out;
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
  return {
    meta: withOptions({ ...toneMeta(spec.id, spec.description, false), scope: 'block', messages: spec.messages }, spec.options),
    check({ doc, guide, report }) {
      const extras = findingExtras(guide, spec.id);
      for (const block of doc.blocks) {
        const hits = blockHits(block, spec.check);
        if (hits.length === 0) continue;
        const sentences = guide.allow.length || spec.keep ? blockSentences(block) : [];
        let allowedIn = -1;
        let allowed: Array<[number, number]> = [];
        for (let x = 0; x < hits.length; x += 3) {
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
