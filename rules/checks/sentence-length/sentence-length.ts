import type { Rule } from '../../types.js';
import { readerSentences } from '../../text/sentences.js';
import { countWords } from '../../tone/counting.js';
import { findingExtras, numberOption, sourceSpan, toneMeta, withBecause } from '../../tone/common.js';

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
    for (const block of doc.blocks) {
      for (const s of readerSentences(block)) {
        const n = countWords(block, s.start, s.end);
        if (n <= max) continue;
        report({
          ...sourceSpan(doc, block, s.start, s.end),
          message: withBecause(`Sentence is ${n} words long; keep it to ${max} or fewer.`, extras.because),
          ...extras,
        });
      }
    }
  },
};
