import type { Rule } from '../../types.js';
import { termMatcher, phraseHits } from '../../match/brand.js';
import { inflect } from '../../match/inflect.js';
import { capitalize } from '../../match/case.js';
import { isTitleCase, startsSentence } from '../../match/sentence.js';
import { isVerbatim, mappedSpan } from '../../text/block.js';
import { docsFor, q, ruleDocs, withBecause } from '../docs.js';
import { LETTER_OR_DIGIT, unicodeRegExp } from '../../text/unicode-regexp.js';

export const term: Rule = {
  meta: {
    id: 'term',
    description: 'Product and brand names are written the one right way (any case variant or listed wrong form is flagged).',
    defaultLevel: 'warning',
    fixable: true,
    docs: ruleDocs('term'),
    category: 'terms',
    scope: 'block',
    // No options: the guide's `terms` list (use, not, because…) is the rule's data.
    options: { type: 'object', properties: {}, additionalProperties: false },
    messages: { wrongForm: 'Write "{{expected}}", not "{{found}}".' },
  },
  check({ doc, guide, report }) {
    if (guide.terms.length === 0) return;
    for (const h of phraseHits(doc, termMatcher(guide.terms))) {
      if (partOfDottedName(h.block.text, h.start, h.end)) continue;
      const { term: entry, wrong } = h.payload;
      const found = h.block.text.slice(h.start, h.end);
      const form = h.hit?.form ?? 'base';
      let expected = form === 'base' ? entry.use : inflectLastWord(entry.use, form);
      const lowercaseTerm = entry.use === entry.use.toLowerCase();
      // "email" may open a sentence as "Email", and a Title Case heading may capitalise it.
      const capitalOk =
        lowercaseTerm && (startsSentence(h.block.text, h.start) || ((h.block.kind === 'heading' || h.block.kind === 'alt' || h.block.field === 'title' || h.block.field === 'subject') && isTitleCase(h.block.text)));
      if (!wrong && (found === expected || (capitalOk && found === capitalize(expected)))) continue;
      const span = mappedSpan(h.block, h.start, h.end);
      // Hashtags are case-insensitive on every platform: #javascript is not a misspelt name.
      if (!wrong && doc.source[span.start - 1] === '#') continue;
      if (capitalOk && startsSentence(h.block.text, h.start)) expected = capitalize(expected);
      report({
        ...span,
        message: withBecause(`Write ${q(expected)}, not ${q(found)}.`, entry.because),
        level: entry.level,
        because: entry.because,
        docs: docsFor(entry, guide, 'term'),
        suggestions: [expected],
        fixes: isVerbatim(doc, h.block, h.start, h.end) ? undefined : [],
        ref: entry.ref,
      });
    }
  },
};

const WORD_CHAR = LETTER_OR_DIGIT;
const LAST_WORD = unicodeRegExp(String.raw`^(.*?)([\p{L}]+)$`);
/**
 * Is text[start, end) one part of a dotted name (Node.js, index.js, ASP.NET, socket.io), glued to a
 * word by a dot with no space? Such a part is not the listed word: the term `JavaScript` with
 * `not: [JS]` must leave "Nuxt.js" alone, and the banned "io" "socket.io". Used by the phrase rules.
 */
export function partOfDottedName(text: string, start: number, end: number): boolean {
  return (text[start - 1] === '.' && WORD_CHAR.test(text[start - 2] ?? '')) || (text[end] === '.' && WORD_CHAR.test(text[end + 1] ?? ''));
}

function inflectLastWord(phrase: string, form: 'base' | 's' | 'ed' | 'ing'): string {
  const m = LAST_WORD.exec(phrase);
  if (!m) return phrase;
  return m[1]! + inflect(m[2]!, form);
}
