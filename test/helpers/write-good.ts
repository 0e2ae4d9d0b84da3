// The write-good package as the oracle of the write-good rules (rules/tone/write-good*.ts): its own
// suggestions for one check, and what the rules report from them, sentence by sentence.
import writeGood from 'write-good';
import { blockSentences } from '../../rules/text/sentences.js';
import { asOneLine } from '../../rules/tone/write-good.js';
import { layoutHits, layoutOf, type Suggestion, type WriteGoodCheck } from '../../rules/tone/write-good-fast.js';
import type { Block } from '../../rules/types.js';

export const CHECKS: readonly WriteGoodCheck[] = ['weasel', 'illusion', 'so', 'thereIs', 'passive', 'adverb', 'tooWordy', 'cliches', 'eprime'];

/** write-good's own suggestions for one check. */
export function writeGoodSuggestions(text: string, check: WriteGoodCheck): Suggestion[] {
  const opts: Record<string, boolean> = {};
  for (const c of CHECKS) opts[c] = c === check;
  return writeGood(text, opts).map((s) => ({ index: s.index, offset: s.offset }));
}

/**
 * What the rules hand write-good for a sentence whose line breaks are already spaces: a sentence
 * without end punctuation (a heading, a list item) gets a full stop, so the clause-based checks
 * (so, there-is) see it.
 */
export function writeGoodInput(text: string): string {
  return /[.!?;]["'”’)\]]*$/.test(text) ? text : `${text}.`;
}

/** write-good's suggestions on one text as the rules report them: (start, end) pairs in the text. */
export function writeGoodHits(text: string, check: WriteGoodCheck): Array<{ start: number; end: number }> {
  if (!text.trim()) return [];
  const triples: number[] = [];
  for (const s of writeGoodSuggestions(text, check)) triples.push(0, s.index, s.offset);
  const hits = layoutHits(layoutOf(text, [{ start: 0, end: text.length }], false), check, triples);
  const out: Array<{ start: number; end: number }> = [];
  for (let x = 0; x < hits.length; x += 3) out.push({ start: hits[x + 1]!, end: hits[x + 2]! });
  return out;
}

/**
 * A block's hits for one check as blockHits gives them, (sentence, start, end) triples in the
 * block's text, from write-good itself on each sentence as the rules hand it over.
 */
export function sentenceBySentence(block: Block, check: WriteGoodCheck): number[] {
  const out: number[] = [];
  blockSentences(block).forEach((s, k) => {
    for (const h of writeGoodHits(writeGoodInput(asOneLine(s.text)), check)) {
      const end = Math.min(h.end, s.text.length);
      if (h.start < end) out.push(k, s.start + h.start, s.start + end);
    }
  });
  return out;
}
