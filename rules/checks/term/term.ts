import type { Fix, Rule, TextEdit } from '../../types.js';
import { termMatcher, phraseHits } from '../../match/brand.js';
import { inflect } from '../../match/inflect.js';
import { capitalize } from '../../match/case.js';
import { isTitleCase, startsSentence } from '../../match/sentence.js';
import { replacementEdits, sourceSpan } from '../../text/block.js';
import { docsFor, q, ruleDocs, withReason } from '../docs.js';
import { unicodeRegExp } from '../../text/unicode-regexp.js';

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
      const { term: entry, wrong } = h.payload;
      const found = h.block.text.slice(h.start, h.end);
      const form = h.hit?.form ?? 'base';
      let expected = form === 'base' ? entry.use : inflectLastWord(entry.use, form);
      const lowercaseTerm = entry.use === entry.use.toLowerCase();
      // "email" may open a sentence as "Email", and a Title Case heading may capitalise it.
      const capitalOk =
        lowercaseTerm && (startsSentence(h.block.text, h.start) || ((h.block.kind === 'heading' || h.block.kind === 'alt' || h.block.field === 'title' || h.block.field === 'subject') && isTitleCase(h.block.text)));
      // A line break or &nbsp; between the words is the term's own spacing, not a wrong form.
      const shown = found.replace(/\s+/g, ' ');
      // The text as written is the term (a `not` form that differs only in case matched it too).
      if (shown === expected || (!wrong && capitalOk && shown === capitalize(expected))) continue;
      const span = sourceSpan(h.block, h.start, h.end);
      // A hashtag is one token, case-insensitive on every platform: #javascript and #AcmeCloud (for
      // "Acme Cloud") are the name; another word is fixed to the name joined (#JS -> #JavaScript).
      if (doc.source[span.start - 1] === '#') {
        if (!wrong || shown.toLowerCase() === expected.replace(/\s+/g, '').toLowerCase()) continue;
        expected = expected.replace(/\s+/g, '');
      }
      if (capitalOk && startsSentence(h.block.text, h.start)) expected = capitalize(expected);
      report({
        ...span,
        message: withReason(`Write ${q(expected)}, not ${q(shown)}.`, entry.because),
        level: entry.level,
        because: entry.because,
        docs: docsFor(entry, guide, 'term'),
        suggestions: [expected],
        fixes: fixesOf(expected, replacementEdits(doc, h.block, h.start, h.end, expected)),
        ref: entry.ref,
      });
    }
  },
};

const LAST_WORD = unicodeRegExp(String.raw`^(.*?)([\p{L}]+)$`);
function fixesOf(expected: string, edits: TextEdit[] | undefined): Fix[] {
  return edits && edits.length > 0 ? [{ title: `Replace with "${expected}"`, edits }] : [];
}

function inflectLastWord(phrase: string, form: 'base' | 's' | 'ed' | 'ing'): string {
  const m = LAST_WORD.exec(phrase);
  if (!m) return phrase;
  return m[1]! + inflect(m[2]!, form);
}
