import type { Block, ClaimEntry, ProseDocument, Rule } from '../types.js';
import { claimMatcher, longestHits, patternHits, phraseHits } from '../match/brand.js';
import { sentenceBounds } from '../match/sentence.js';
import { sourceSpan } from '../text/block.js';
import { docsFor, q, ruleDocs, withReason } from './docs.js';
import { partOfDottedName } from './term.js';

// A citation in the sentence: a link or footnote reference (marks from the parser), a marker such as
// *, †, ‡, a superscript number, or a bracketed reference like [1]. A footnote reference whose
// definition is elsewhere (an email, a guide's one-line example) is text "[^1]" to the parser, and
// still the writer's citation.
const MARKER = /[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\d+\]|\(\d+\)|\[\^[^\]\s]+\]/u;

function hasCitation(block: Block, start: number, end: number): boolean {
  const [s, e] = sentenceBounds(block.text, start, end);
  if (block.marks.some((m) => (m.kind === 'link' || m.kind === 'footnote') && m.at >= s && m.at <= e)) return true;
  return MARKER.test(block.text.slice(s, e));
}

const disclaimerCache = new WeakMap<ProseDocument, string>();
function proseOf(doc: ProseDocument): string {
  let t = disclaimerCache.get(doc);
  if (t === undefined) {
    t = normalize(doc.blocks.map((b) => b.text).join('\n'));
    disclaimerCache.set(doc, t);
  }
  return t;
}

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').toLowerCase();
}

function hasDisclaimer(doc: ProseDocument, entry: ClaimEntry): boolean {
  return !!entry.disclaimer && proseOf(doc).includes(normalize(entry.disclaimer).trim());
}

export const claim: Rule = {
  meta: {
    id: 'claim',
    description: 'Marketing claims (best, #1, guaranteed…) carry a citation in the same sentence or the guide’s disclaimer.',
    defaultLevel: 'warning',
    fixable: false,
    docs: ruleDocs('claim'),
    category: 'claims',
  },
  check({ doc, guide, report }) {
    if (guide.claims.length === 0) return;
    const phrases = phraseHits(doc, claimMatcher(guide.claims)).filter((h) => !partOfDottedName(h.block.text, h.start, h.end));
    const hits = longestHits([...phrases, ...patternHits(doc, guide.claims)]);
    for (const h of hits) {
      const { entry } = h.payload;
      const found = h.block.text.slice(h.start, h.end).replace(/\s+/g, ' ');
      let message: string;
      if (entry.needs === 'citation' || (!entry.needs && entry.disclaimer)) {
        if (hasCitation(h.block, h.start, h.end) || hasDisclaimer(doc, entry)) continue;
        message = entry.disclaimer
          ? `The claim ${q(found)} needs a citation in the same sentence (a link, footnote or marker) or the disclaimer ${q(entry.disclaimer)}.`
          : `The claim ${q(found)} needs a citation in the same sentence: a link, a footnote or a marker such as *.`;
      } else if (entry.needs === 'disclaimer') {
        if (hasDisclaimer(doc, entry)) continue;
        message = entry.disclaimer
          ? `The claim ${q(found)} needs the disclaimer ${q(entry.disclaimer)} in this document.`
          : `The claim ${q(found)} needs a disclaimer.`;
      } else {
        message = `The claim ${q(found)} is not one the brand makes.`;
      }
      report({
        ...sourceSpan(h.block, h.start, h.end),
        message: withReason(message, entry.because),
        level: entry.level,
        because: entry.because,
        docs: docsFor(entry, guide, 'claim'),
        ref: entry.ref,
      });
    }
  },
};
