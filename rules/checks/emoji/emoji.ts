import type { Block, Rule } from '../../types.js';
import { blocksInOrder, findingExtras, numberOption, reportable, toneMeta } from '../../tone/common.js';
import { isVerbatim, sourceSpan } from '../../text/block.js';
import { withBecause } from '../docs.js';
import { unicodeRegExp } from '../../text/unicode-regexp.js';
import { lazyModule } from '../../lazy-module.js';

// emoji-regex (one pattern of 14 KB that V8 checks when it compiles the bundle) is loaded with the
// first text checked: the rule is off by default.
const emojiRegex = lazyModule<typeof import('emoji-regex')>('emoji-regex', () => require('emoji-regex'));

const ID = 'emoji';
export const DEFAULT_MAX_EMOJI = 3;

// Text-style symbols that emoji-regex also matches (©, ®, ™, ‼, digits of a keycap…) are not
// emoji unless drawn as one: a pictograph with emoji presentation, a VS16, a keycap or a ZWJ
// sequence. That keeps trademark signs out of the count.
const PRESENTATION = unicodeRegExp(String.raw`\p{Emoji_Presentation}|\uFE0F|\u20E3|\u200D`);

/** Emoji in a block's text, as [start, end) indexes. */
export function emojiIn(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(emojiRegex().default())) {
    if (PRESENTATION.test(m[0])) out.push([m.index!, m.index! + m[0].length]);
  }
  return out;
}

export const emoji: Rule = {
  meta: {
    ...toneMeta(ID, 'At most `max` emoji per document (default 3); each one beyond is flagged.', true),
    options: {
      type: 'object',
      setIn: `tone.${ID}`,
      properties: { max: { type: 'number', minimum: 0, default: DEFAULT_MAX_EMOJI, description: 'The most emoji in a document.' } },
      additionalProperties: false,
    },
    messages: { tooMany: 'Too many emoji: {{count}} in this document, at most {{max}}.' },
  },
  check({ doc, guide, report }) {
    const max = Math.floor(numberOption(guide, ID, 'max', DEFAULT_MAX_EMOJI));
    const extras = findingExtras(guide, ID);
    const hits: Array<{ block: Block; i: number; j: number }> = [];
    for (const block of blocksInOrder(doc)) {
      for (const [i, j] of emojiIn(block.text)) if (reportable(doc, block, i, j)) hits.push({ block, i, j });
    }
    if (hits.length <= max) return;
    for (const { block, i, j } of hits.slice(max)) {
      const span = sourceSpan(doc, block, i, j);
      report({
        ...span,
        message: withBecause(`Too many emoji: ${hits.length} in this document, at most ${max}.`, extras.because),
        ...extras,
        fixes: isVerbatim(doc, block, i, j) ? [{ title: `Remove ${block.text.slice(i, j)}`, edits: [{ ...span, text: '' }] }] : [],
      });
    }
  },
};
