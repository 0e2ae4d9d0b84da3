import type { Block, ProseDocument, Rule, TermEntry } from '../../types.js';
import { termMatcher, inProse, type BlockHit, type TermPayload } from '../../match/brand.js';
import { longestFirst } from '../../match/phrases.js';
import { tokensOf } from '../../match/tokens.js';
import { capitalisedAfter, wordBefore } from '../../match/names.js';
import { isTitleCase, SMALL, startsSentence } from '../../match/sentence.js';
import { mappedSpan, isVerbatim } from '../../text/block.js';
import { docsFor, q, ruleDocs, withBecause } from '../docs.js';
import { keepTermHit } from '../term/term.js';
import { namesItsLinkTarget } from '../../match/links.js';

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

/**
 * The mentions of terms in the visible body, in source order. Front-matter and email fields (a
 * title, a summary, a subject line) are metadata, and image alt text and attributes (aria-label,
 * title) are not seen: none holds the first mention. A mention inside a longer term (Acme in "Acme Cloud") or inside another
 * capitalised name ("European Galaxy Days", "Galaxy & Bioconductor Community Conference") is part
 * of that name, unless the entry says `mention: anywhere`.
 */
function mentions(doc: ProseDocument, terms: TermEntry[]): Array<BlockHit<TermPayload> & { src: { start: number; end: number } }> {
  const matcher = termMatcher(terms);
  const keep = keepTermHit(terms);
  const out: Array<BlockHit<TermPayload> & { src: { start: number; end: number } }> = [];
  for (const block of doc.blocks) {
    if (block.field || block.kind === 'front-matter' || block.kind === 'alt' || block.kind === 'attribute') continue;
    const tokens = tokensOf(block);
    const kept = matcher.hits(tokens).filter((h) => {
      const start = tokens[h.first]!.start;
      const end = tokens[h.last - 1]!.end;
      return inProse(block, tokens, h, matcher) && keep(block, start, end, h) && !namesItsLinkTarget(doc, block, start, end);
    });
    const all = kept.filter((h) => h.payload.term.trademark);
    if (all.length === 0) continue;
    const longest = new Set(longestFirst(kept));
    for (const h of all) {
      const start = tokens[h.first]!.start;
      const end = tokens[h.last - 1]!.end;
      const anywhere = h.payload.term.mention === 'anywhere';
      if (!anywhere && (!longest.has(h) || insideName(block, start, end) || insideTitle(block, start, end))) continue;
      out.push({ block, start, end, payload: h.payload, hit: h, src: mappedSpan(block, start, end) });
    }
  }
  return out.sort((a, b) => a.src.start - b.src.start);
}

/**
 * Is the name at text[start, end) one word of another capitalised name: after a capitalised word
 * that is not just a sentence's first ("European Galaxy Days"), or before two more ("Galaxy &
 * Bioconductor Community Conference")? A Title Case heading says nothing: every word is capitalised.
 * "Galaxy Project" (one capitalised word after) is the brand's own name and counts.
 */
function insideName(block: Block, start: number, end: number): boolean {
  const text = block.text;
  const before = wordBefore(text, start);
  // "The Galaxy Project" starting a sentence is "the Galaxy Project": its article is capitalised by
  // the sentence, not by the name.
  const capBefore = before !== undefined && /^\p{Lu}/u.test(before) && !(DETERMINERS.has(before.toLowerCase()) && startsSentence(text, start - before.length - spacesBefore(text, start)));
  const after = capitalisedAfter(text, end);
  if (!capBefore && after < 2) return false;
  if (block.kind === 'heading' && isTitleCase(text)) return false;
  if (after >= 1) return true;
  return !startsSentence(text, start - spacesBefore(text, start) - before!.length);
}

/**
 * Is the name at text[start, end) the first word of a title with a subtitle, in running text or a
 * list ("Part 4 — Go Modules: v2 and Beyond", "presented Galaxy Ecology: 2025 Update")? The title
 * is that work's, as a longer name is its owner's. A heading is the document's own: its words count.
 */
function insideTitle(block: Block, start: number, end: number): boolean {
  if (block.kind === 'heading') return false;
  const text = block.text;
  const line = text.slice(start, Math.min(text.length, start + 120)).split(/\n|[.!?,;](?:\s|$)|\uFFFC|\s[(—–]/)[0]!;
  const m = /^([^:]+):[ \t]+(\S[^:]*)$/.exec(line);
  if (!m || !isTitleCase(m[1]!)) return false;
  const sub = (m[2]!.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? []).filter((w) => !SMALL.has(w.toLowerCase()));
  const caps = sub.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps >= 1 && caps * 2 >= sub.length;
}

/** Words that open a noun phrase; capitalised only by the sentence they start. */
const DETERMINERS = new Set('the a an this that these those our your their its my his her every each'.split(' '));

function spacesBefore(text: string, at: number): number {
  let b = at;
  while (b > 0 && /[ \t\u00A0]/.test(text[b - 1]!)) b--;
  return at - b;
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
    const hits = mentions(doc, guide.terms);
    const done = new Set<object>();
    for (const h of hits) {
      const entry = h.payload.term;
      if (!entry.trademark || done.has(entry)) continue;
      // A symbol would break a hashtag; the first mention in prose carries it.
      if (doc.source[h.src.start - 1] === '#') continue;
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
