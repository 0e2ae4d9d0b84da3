import type { Block, ClaimEntry, Mark, ProseDocument, Rule } from '../../types.js';
import { claimMatcher, longestHits, patternHits, phraseHits } from '../../match/brand.js';
import { sentenceBounds } from '../../match/sentence.js';
import { mappedSpan } from '../../text/block.js';
import { docsFor, q, ruleDocs, withBecause } from '../docs.js';
import { laterFirst } from '../banned/banned.js';
import { familyOf, inContext, isClaimUse, statesFreeTerms } from './sense.js';

// A citation in the sentence: a link or footnote reference (marks from the parser), a marker such as
// *, †, ‡, a superscript number, or a bracketed reference like [1]. A footnote reference whose
// definition is elsewhere (an email, a guide's one-line example) is text "[^1]" to the parser, and
// still the writer's citation.
const MARKER = /[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\d+\]|\(\d+\)|\[\^[^\]\s]+\]/u;

// Per block, once: where its sentences end (every boundary sentenceBounds finds, in order), where
// its links and footnote references are, and which sentences cite. Asking sentenceBounds per claim
// was quadratic: 20,000 "FREE" in one sentence without a full stop took minutes.
interface BlockCitations {
  ends: number[];
  refs: number[];
  cited: Map<number, boolean>;
  /** Where the links end, in order. */
  links: number[];
  /** By sentence index: whether a figure there has its source linked beside it (sourceLinkedBeside). */
  beside: Map<number, boolean>;
}
const citationCache = new WeakMap<Block, BlockCitations>();
const HTML_LINK = /^<a\s[^>]*\bhref\s*=/i;
function citationsOf(block: Block, source: string): BlockCitations {
  let c = citationCache.get(block);
  if (!c) {
    const ends: number[] = [];
    for (let pos = 0; pos < block.text.length; ) {
      const e = sentenceBounds(block.text, pos)[1];
      ends.push(e);
      pos = e;
    }
    // An HTML link in Markdown copy (`faster <a href="…">compared to other libraries</a>`) is a link too.
    const isLink = (m: Mark): boolean => m.kind === 'link' || (m.kind === 'html' && HTML_LINK.test(source.slice(block.map[m.at] ?? 0, (block.map[m.at] ?? 0) + 300)));
    const refs = block.marks
      .filter((m) => m.kind === 'footnote' || isLink(m))
      .map((m) => m.at)
      .sort((a, b) => a - b);
    const links = block.marks.filter(isLink).map((m) => m.at).sort((a, b) => a - b);
    c = { ends, refs, cited: new Map(), links, beside: new Map() };
    citationCache.set(block, c);
  }
  return c;
}

/** Index of the first element of a sorted list that is >= x (the list's length when none is). */
function lowerBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hasCitation(block: Block, start: number, end: number, source: string): boolean {
  // The same span as sentenceBounds(block.text, start, end): from the end of the sentence before
  // `start` to the end of the sentence holding `end`.
  const c = citationsOf(block, source);
  const before = lowerBound(c.ends, start + 1) - 1;
  const s = before >= 0 ? c.ends[before]! : 0;
  const after = lowerBound(c.ends, end + 1);
  const e = after < c.ends.length ? c.ends[after]! : block.text.length;
  const key = s * (block.text.length + 1) + e;
  let cited = c.cited.get(key);
  if (cited === undefined) {
    const r = lowerBound(c.refs, s);
    cited = (r < c.refs.length && c.refs[r]! <= e) || MARKER.test(block.text.slice(s, e));
    c.cited.set(key, cited);
  }
  return cited;
}

// "…a discount, ending tomorrow. You can find details on their blog: <link>": the next sentence
// links the terms.
const TERMS = /\b(?:details|terms|conditions|fine print|T&Cs?)\b/i;
function termsLinkedNext(block: Block, end: number, source: string): boolean {
  const c = citationsOf(block, source);
  const k = lowerBound(c.ends, end);
  if (k + 1 >= c.ends.length) return false;
  const s = c.ends[k]!;
  const e = c.ends[k + 1]!;
  if (!TERMS.test(block.text.slice(s, e))) return false;
  return block.marks.some((m) => (m.kind === 'link' || m.kind === 'url') && m.at >= s && m.at <= e);
}

// A figure or a comparison ("up to 90%", "as much as 40%", "faster than Istio") whose source is
// linked in the sentence before or after it, in the same paragraph: the sentence names the evidence
// ("we published [benchmarks](…)", "[Watch the talk](…)") or links what the claim's sentence opens
// with ("…called [Green Tea](…). Green Tea reduces … as much as 40%"). A link to anything else (a
// release, an issue) is no source; a superlative needs its own citation.
const EVIDENCE = /\b(?:benchmark\w*|measure\w*|results?|reports?|stud(?:y|ies)|papers?|talks?|data|analys[ie]s|surveys?|experiments?|release notes)\b/i;
function sourceLinkedBeside(block: Block, start: number, end: number, source: string): boolean {
  const c = citationsOf(block, source);
  const k = lowerBound(c.ends, end); // the sentence holding the claim ends at c.ends[k]
  if (lowerBound(c.ends, start + 1) !== k) return false; // a claim across sentences: cite it in its own
  let r = c.beside.get(k);
  if (r === undefined) c.beside.set(k, (r = linkedBeside(block, c, k)));
  return r;
}

function linkedBeside(block: Block, c: BlockCitations, k: number): boolean {
  const from = (i: number) => (i > 0 ? c.ends[i - 1]! : 0);
  const claimSentence = block.text.slice(from(k), c.ends[k]!).trim();
  const cites = (i: number): boolean => {
    if (i < 0 || i >= c.ends.length) return false;
    const s = from(i);
    const e = c.ends[i]!;
    const links: number[] = [];
    for (let j = lowerBound(c.links, s + 1); j < c.links.length && c.links[j]! <= e; j++) links.push(c.links[j]!);
    if (links.length === 0) return false;
    if (EVIDENCE.test(block.text.slice(s, e)) || EVIDENCE.test(claimSentence)) return true;
    // The claim's sentence opens with the last words of a link's text (the mark is where it ends).
    return links.some((at) => {
      const words = block.text.slice(Math.max(s, at - 60), at).split(/\s+/).filter(Boolean);
      for (let n = 1; n <= Math.min(3, words.length); n++) {
        const name = words.slice(-n).join(' ');
        if (name.length >= 3 && /^\p{Lu}/u.test(name) && (claimSentence + ' ').startsWith(name + ' ')) return true;
      }
      return false;
    });
  };
  return cites(k - 1) || cites(k + 1);
}

// A free offer in a heading or a short line ("FREE SHIPPING", "Free for Open Source") whose terms
// the block right after it states ("ON ALL ORDERS OVER $50", "100 hours a month for public
// repositories").
const SHORT_LINE = 8;
function termsInNextBlock(doc: ProseDocument, block: Block): boolean {
  let r = termsBelow.get(block);
  if (r === undefined) termsBelow.set(block, (r = statesTermsBelow(doc, block)));
  return r;
}
const termsBelow = new WeakMap<Block, boolean>();

function statesTermsBelow(doc: ProseDocument, block: Block): boolean {
  if (block.kind !== 'heading' && (block.text.length > 200 || block.text.trim().split(/\s+/).length > SHORT_LINE)) return false;
  const next = nextBlock(doc, block);
  return next !== undefined && next.kind !== 'heading' && statesFreeTerms(next.text);
}

const blockIndex = new WeakMap<ProseDocument, Map<Block, number>>();
function nextBlock(doc: ProseDocument, block: Block): Block | undefined {
  let index = blockIndex.get(doc);
  if (!index) blockIndex.set(doc, (index = new Map(doc.blocks.map((b, i) => [b, i]))));
  return doc.blocks[(index.get(block) ?? -2) + 1];
}

/**
 * "Ajv is the fastest validator according to these benchmarks:" and the linked benchmarks in the
 * list or paragraph right below: the claim's sentence names its evidence and introduces the links.
 */
function evidenceListedBelow(doc: ProseDocument, block: Block, start: number, end: number): boolean {
  // Per sentence, once: a block may hold thousands of claims in one long sentence.
  const c = citationsOf(block, doc.source);
  const k = lowerBound(c.ends, end);
  if (k !== c.ends.length - 1 || lowerBound(c.ends, start + 1) !== k) return false; // the block's last sentence
  let seen = evidenceBelow.get(block);
  if (!seen) evidenceBelow.set(block, (seen = new Map()));
  let r = seen.get(k);
  if (r === undefined) {
    const s = k > 0 ? c.ends[k - 1]! : 0;
    let e = c.ends[k]!;
    while (e > s && /\s/.test(block.text[e - 1]!)) e--;
    const next = block.text[e - 1] === ':' && EVIDENCE.test(block.text.slice(s, e)) ? nextBlock(doc, block) : undefined;
    r = next !== undefined && next.kind !== 'heading' && next.marks.some((m) => m.kind === 'link');
    seen.set(k, r);
  }
  return r;
}
const evidenceBelow = new WeakMap<Block, Map<number, boolean>>();

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

// The document says its product is open source: a licence name, or the words.
const OPEN_SOURCE = /\bopen[- ]source\b|\b(?:MIT|Apache|BSD|ISC|GPL|MPL)[- ](?:licen[cs](?:e|ed)|2\.0)\b|\blicensed under\b/i;

export const claim: Rule = {
  meta: {
    id: 'claim',
    description: 'Marketing claims (best, #1, guaranteed…) carry a citation in the same sentence or the guide’s disclaimer.',
    defaultLevel: 'warning',
    fixable: false,
    docs: ruleDocs('claim'),
    category: 'claims',
    // No options: the guide's `claims` list (phrase or pattern, needs, disclaimer…) is the rule's data.
    options: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      needsCitationOrDisclaimer: 'The claim "{{claim}}" needs a citation in the same sentence (a link, footnote or marker) or the disclaimer "{{disclaimer}}".',
      needsCitation: 'The claim "{{claim}}" needs a citation in the same sentence: a link, a footnote or a marker such as *.',
      needsTheDisclaimer: 'The claim "{{claim}}" needs the disclaimer "{{disclaimer}}" in this document.',
      needsDisclaimer: 'The claim "{{claim}}" needs a disclaimer.',
      notMade: 'The claim "{{claim}}" is not one the brand makes.',
    },
  },
  check({ doc, guide, report }) {
    if (guide.claims.length === 0) return;
    const phrases = phraseHits(doc, claimMatcher(laterFirst(guide.claims)));
    const hits = longestHits([...phrases, ...patternHits(doc, guide.claims)]);
    // Read from the whole source only when a "free" asks.
    let open: boolean | undefined;
    const openSource = (): boolean => (open ??= OPEN_SOURCE.test(doc.source));
    for (const h of hits) {
      const { entry } = h.payload;
      const found = h.block.text.slice(h.start, h.end).replace(/\s+/g, ' ');
      // A phrase the guide lists is a claim only in its claim sense (sense.ts) and, when the entry
      // names a context ("proven to" near health words), in that context.
      if (!inContext(h.block, entry)) continue;
      if (!isClaimUse(h.block, h.start, h.end, found, guide.brand, openSource)) continue;
      let message: string;
      if (entry.needs === 'citation' || (!entry.needs && entry.disclaimer)) {
        const family = familyOf(found);
        if (hasCitation(h.block, h.start, h.end, doc.source) || termsLinkedNext(h.block, h.end, doc.source) || hasDisclaimer(doc, entry)) continue;
        if ((family === 'upTo' || family === 'comparative') && sourceLinkedBeside(h.block, h.start, h.end, doc.source)) continue;
        if (family === 'free' && termsInNextBlock(doc, h.block)) continue;
        if (evidenceListedBelow(doc, h.block, h.start, h.end)) continue;
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
        ...mappedSpan(h.block, h.start, h.end),
        message: withBecause(message, entry.because),
        level: entry.level,
        because: entry.because,
        docs: docsFor(entry, guide, 'claim'),
        ref: entry.ref,
      });
    }
  },
};
