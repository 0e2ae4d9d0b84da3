import type { Rule } from '../../types.js';
import { termMatcher, phraseHits } from '../../match/brand.js';
import { mappedSpan, isVerbatim } from '../../text/block.js';
import { docsFor, q, ruleDocs, withBecause } from '../docs.js';
import { partOfDottedName } from '../term/term.js';

// The symbol as it may be written in the source right after the name (plain, HTML entity, superscript).
const SPELLINGS: Record<string, string[]> = {
  '®': ['®', '&reg;', '&#174;', '&#xae;', '(R)'],
  '™': ['™', '&trade;', '&#8482;', '&#x2122;', '(TM)'],
  '℠': ['℠', '&#8480;', '(SM)'],
  '©': ['©', '&copy;', '&#169;'],
};

function carriesSymbol(source: string, end: number, symbol: string): boolean {
  const after = source.slice(end, end + 24).replace(/^(?:<sup>|\^)/i, '');
  const spellings = SPELLINGS[symbol] ?? [symbol];
  return spellings.some((s) => after.toLowerCase().startsWith(s.toLowerCase()));
}

export const trademark: Rule = {
  meta: {
    id: 'trademark',
    description: 'The first mention of a trademarked name in a document carries its symbol (®, ™).',
    defaultLevel: 'warning',
    fixable: true,
    docs: ruleDocs('trademark'),
    category: 'terms',
    // No options: a term's `trademark` symbol is the rule's data.
    options: { type: 'object', properties: {}, additionalProperties: false },
    messages: { firstMention: 'The first mention of "{{term}}" carries {{symbol}}: write "{{marked}}".' },
  },
  check({ doc, guide, report }) {
    const marked = guide.terms.filter((t) => t.trademark);
    if (marked.length === 0) return;
    const hits = phraseHits(doc, termMatcher(guide.terms))
      .filter((h) => !partOfDottedName(h.block.text, h.start, h.end))
      .map((h) => ({ ...h, src: mappedSpan(h.block, h.start, h.end) }))
      .sort((a, b) => a.src.start - b.src.start);
    const done = new Set<object>();
    for (const h of hits) {
      const entry = h.payload.term;
      if (!entry.trademark || done.has(entry)) continue;
      done.add(entry);
      const symbol = entry.trademark;
      if (carriesSymbol(doc.source, h.src.end, symbol) || h.block.text.startsWith(symbol, h.end)) continue;
      const found = doc.source.slice(h.src.start, h.src.end);
      report({
        ...h.src,
        message: withBecause(`The first mention of ${q(entry.use)} carries ${symbol}: write ${q(entry.use + symbol)}.`, entry.because),
        level: entry.level,
        because: entry.because,
        docs: docsFor(entry, guide, 'trademark'),
        suggestions: [found + symbol],
        fixes: isVerbatim(doc, h.block, h.start, h.end)
          ? [{ title: `Add ${symbol} after ${q(found)}`, edits: [{ ...h.src, text: found + symbol }] }]
          : [],
        ref: entry.ref,
      });
    }
  },
};
