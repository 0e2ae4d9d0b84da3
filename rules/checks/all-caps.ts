import type { Guide, Rule } from '../types.js';
import { ACRONYMS, isRomanNumeral } from '../tone/acronyms.js';
import { isEnglishWord } from '../tone/dictionary.js';
import { findingExtras, isVerbatim, reportable, sourceSpan, toneMeta, withBecause } from '../tone/common.js';
import { blockSentences } from '../text/sentences.js';
import { capitalize, isUpper, wordsOf } from '../text/words.js';

const ID = 'all-caps';
export const MIN_CAPITALS = 4;

// Shouting: an English word of four or more letters written in capitals ("FREE", "TODAY"). Not a
// known acronym, a Roman numeral, a code with digits (H264, GPT4), a word no English dictionary
// has (GOPATH, CNCF: an acronym we have not listed), or written that way in the guide (a term's
// `use`, the brand name, or the guide's `allow` list).
// Words the guide writes itself, once per guide: 10,000 terms took milliseconds per keystroke.
const knownCache = new WeakMap<Guide, Set<string>>();
function knownWords(guide: Guide): Set<string> {
  let known = knownCache.get(guide);
  if (!known) {
    known = new Set<string>();
    for (const phrase of [...guide.terms.map((t) => t.use), guide.brand ?? '', ...guide.allow]) {
      for (const w of wordsOf(phrase)) known.add(w.text);
    }
    knownCache.set(guide, known);
  }
  return known;
}

export const allCaps: Rule = {
  meta: { ...toneMeta(ID, 'Flags words in all capitals (4+ letters) that are not known acronyms or brand terms.', true), scope: 'block' },
  check({ doc, guide, report }) {
    const extras = findingExtras(guide, ID);
    const known = knownWords(guide);
    for (const block of doc.blocks) {
      const starts = new Set(blockSentences(block).map((s) => firstWordStart(block.text, s.start)));
      for (const w of wordsOf(block.text)) {
        const letters = w.text.replace(/['\u2019]/g, '');
        if (letters.length < MIN_CAPITALS || /\p{N}/u.test(letters) || !isUpper(letters) || /\p{Ll}/u.test(letters)) continue;
        if (ACRONYMS.has(letters) || known.has(w.text) || isRomanNumeral(letters)) continue;
        // A contraction ("DON'T") is English when the word it is built on is.
        if (isEnglishWord(w.text.split(/['\u2019]/)[0]!) === false) continue;
        if (!reportable(doc, block, w.start, w.end)) continue;
        const lower = w.text.toLowerCase();
        const better = starts.has(w.start) ? capitalize(lower) : lower;
        report({
          ...sourceSpan(doc, block, w.start, w.end),
          message: withBecause(`"${w.text}" is in all capitals, which reads as shouting. Write "${better}".`, extras.because),
          ...extras,
          suggestions: [better],
          fixes: isVerbatim(doc, block, w.start, w.end) ? undefined : [],
        });
      }
    }
  },
};

// Where the first word of a sentence starts (past opening quotes and brackets).
function firstWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[\s"'“‘(\[¡¿*_]/.test(text[i]!)) i++;
  return i;
}
