import type { Rule, TermEntry } from '../../types.js';
import { findingExtras, reportable, toneMeta, valueOption } from '../../tone/common.js';
import { isVerbatim, sourceSpan } from '../../text/block.js';
import { withBecause } from '../docs.js';
import { OTHER_SPELLINGS, type Variety } from '../../tone/spelling-data.js';
import { matchCase, phraseRanges, wordsOf } from '../../text/words.js';
import { unbanned } from '../banned/banned.js';

const ID = 'spelling';
export const VARIETIES = ['en-US', 'en-GB'] as const;
const NAMES: Record<Variety, string> = { 'en-US': 'American', 'en-GB': 'British' };

// One variety of English throughout: with `en-US`, British spellings (colour, organise, catalogue)
// are flagged with the American one as the fix; with `en-GB`, the other way. Words inside a
// brand term (a guide term's `use`, e.g. "Colour Labs") are the brand's own spelling.
// The guide's names, once per guide (it may hold 10,000 terms; this runs on every keystroke).
const namesCache = new WeakMap<TermEntry[], string[]>();
function termNames(terms: TermEntry[]): string[] {
  let names = namesCache.get(terms);
  if (!names) namesCache.set(terms, (names = terms.map((t) => t.use)));
  return names;
}

export const spelling: Rule = {
  meta: {
    ...toneMeta(ID, 'One variety of English: `en-US` (color, organize) or `en-GB` (colour, organise).', true),
    scope: 'block',
    options: {
      type: 'object',
      setIn: `tone.${ID}`,
      properties: {
        value: { type: 'string', enum: VARIETIES, default: 'en-US', description: 'The variety to keep (`spelling: en-GB` is short for `{ value: en-GB }`).' },
      },
      additionalProperties: false,
    },
    messages: {
      otherVariety: '"{{found}}" is the {{other}} spelling; this brand writes {{variety}} English: "{{fix}}".',
      bannedSpelling: '"{{found}}" is the {{other}} spelling; this brand writes {{variety}} English: "{{spelt}}", and the guide says "{{fix}}" for that.',
      bannedNoFix: '"{{found}}" is the {{other}} spelling; this brand writes {{variety}} English: "{{spelt}}", a word the guide bans.',
    },
  },
  check({ doc, guide, report }) {
    const variety: Variety = valueOption(guide, ID, VARIETIES, 'en-US');
    const other = OTHER_SPELLINGS[variety];
    const extras = findingExtras(guide, ID);
    const names = termNames(guide.terms);
    for (const block of doc.blocks) {
      // Brand names are located only in blocks that have a candidate word: scanning every block
      // for 10,000 terms took 370 ms on a 5,000-word document.
      let inName: Array<[number, number]> | undefined;
      for (const w of wordsOf(block.text)) {
        const better = other.get(w.text.toLowerCase());
        if (!better) continue;
        inName ??= names.length ? phraseRanges(block.text, names) : [];
        if (!reportable(doc, block, w.start, w.end) || inName.some(([a, b]) => w.start < b && w.end > a)) continue;
        // The other variety's spelling may be a word the guide bans ("utilize"): its suggestion then.
        const spelt = matchCase(better, w.text);
        const fix = unbanned(guide, spelt);
        report({
          ...sourceSpan(doc, block, w.start, w.end),
          message: withBecause(`"${w.text}" is the ${NAMES[variety === 'en-US' ? 'en-GB' : 'en-US']} spelling; this brand writes ${NAMES[variety]} English: "${spelt}"${fix === spelt ? '' : fix === null ? ', a word the guide bans' : `, and the guide says "${fix}" for that`}.`, extras.because),
          ...extras,
          suggestions: [fix ?? spelt],
          fixes: isVerbatim(doc, block, w.start, w.end) && fix !== null ? undefined : [],
        });
      }
    }
  },
};
