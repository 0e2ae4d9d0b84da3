import type { Block, Rule } from '../../types.js';
import { readerSentences } from '../../text/sentences.js';
import { countWords } from '../../tone/counting.js';
import { findingExtras, numberOption, toneMeta } from '../../tone/common.js';
import { sourceSpan } from '../../text/block.js';
import { withBecause } from '../docs.js';
import { skippedRegions } from '../../text/regions.js';

const ID = 'sentence-length';
export const DEFAULT_MAX_WORDS = 30;

// Sentences come from sentence-splitter (abbreviations, decimals, versions, URLs and ellipses do
// not end a sentence), cut further where a reader sees an end it does not: after a full stop inside
// closing quotes, after a number, between the sentences of a quotation (readerSentences). The
// finding spans the whole sentence.
export const sentenceLength: Rule = {
  meta: {
    ...toneMeta(ID, 'Sentences of at most `max` words (default 30).', false),
    scope: 'block',
    options: {
      type: 'object',
      setIn: `tone.${ID}`,
      properties: { max: { type: 'number', minimum: 0, default: DEFAULT_MAX_WORDS, description: 'The most words in a sentence.' } },
      additionalProperties: false,
    },
    messages: { tooLong: 'Sentence is {{words}} words long; keep it to {{max}} or fewer.' },
  },
  check({ doc, guide, report }) {
    const max = numberOption(guide, ID, 'max', DEFAULT_MAX_WORDS);
    const extras = findingExtras(guide, ID);
    const skipQuoted = skippedRegions(sentenceLength.meta, guide).has('quotation');
    for (const block of doc.blocks) {
      for (const s of readerSentences(block)) {
        const n = countWords(block, s.start, s.end);
        if (n <= max) continue;
        // Someone else's words do not make the brand's sentence long: "The auditors concluded that
        // Linkerd "…31 words…"" is as long as the brand wrote it, when the quotation is a good part
        // of the sentence (a third or more).
        if (skipQuoted && block.regions) {
          const quoted = quotedWords(block, s.start, s.end);
          if (n - quoted <= max && quoted * 3 >= n) continue;
        }
        report({
          ...sourceSpan(doc, block, s.start, s.end),
          message: withBecause(`Sentence is ${n} words long; keep it to ${max} or fewer.`, extras.because),
          ...extras,
        });
      }
    }
  },
};

/** A quotation this long is someone's words; a shorter one is a name or a phrase ("the usual arithmetic conversions"). */
const QUOTE_WORDS = 8;

/** Words of [start, end) inside the block's quotations of QUOTE_WORDS words or more. */
function quotedWords(block: Block, start: number, end: number): number {
  let n = 0;
  for (const g of block.regions!) {
    if (g.kind !== 'quotation') continue;
    const a = Math.max(start, g.start);
    const b = Math.min(end, g.end);
    const words = a < b ? countWords(block, a, b) : 0;
    if (words >= QUOTE_WORDS) n += words;
  }
  return n;
}
