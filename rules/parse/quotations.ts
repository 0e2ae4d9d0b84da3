// Words that are not the brand's own: quotations (a testimonial, a customer or partner quote) and
// words mentioned as words ("avoid vague words like 'some'"). Marked as regions of the blocks
// (Block.regions) after any parser has run, so every rule and the fix guard see them alike. The
// parsers mark what only the markup tells (an HTML <blockquote> or <q>, an MDX <Quote>); this
// module marks what the text itself tells.
import type { Block, ProseDocument, Region } from '../types.js';
import { lazyUnicodeRegExp } from '../text/unicode-regexp.js';

/** Adds a region to a block (regions stay sorted by start; a region already covered adds nothing). */
export function addRegion(block: Block, kind: Region['kind'], start: number, end: number): void {
  if (end <= start) return;
  const old = block.regions ?? [];
  if (old.some((g) => g.kind === kind && g.start <= start && end <= g.end)) return;
  const list = old.filter((g) => !(g.kind === kind && start <= g.start && g.end <= end));
  block.regions = list;
  list.push({ kind, start, end });
  list.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The whole block is someone else's words. */
export function quoteBlock(block: Block): void {
  addRegion(block, 'quotation', 0, block.text.length);
}

// A dash, or two hyphens, then a capitalised name: the attribution of a quotation.
const ATTRIBUTION_LINE = lazyUnicodeRegExp(String.raw`^[ \t]*(?:[—–―~]|--?)[ \t]*[\p{Lu}@][^\n]{0,120}$`, 'u');
// A block that is one quotation from end to end.
const WHOLE_QUOTE = lazyUnicodeRegExp(String.raw`^\s*(?:"[^"]{3,}"|“[^”]{3,}”|«[^»]{3,}»)[\p{P}\s]*$`, 'u');
// "…" – Jane Doe, Acme. The quoted words and the attribution to the end of its line.
const ATTRIBUTED = lazyUnicodeRegExp(
  String.raw`(["“„«])[^"“”„«»\uFFFC]{3,}?(["”»])[,.]?[ \t]*(?:\n[ \t]*)?(?:[—–―~]|--?)[ \t]*[\p{Lu}@][^\n]*`,
  'gu',
);
// "…," says Jane. The quoted words only.
const SAID = lazyUnicodeRegExp(
  String.raw`(["“„«])[^"“”„«»\uFFFC]{3,}?[,.!?]?(["”»]),?[ \t]+(?:said|says|adds|added|explains|explained|notes|noted|writes|wrote|recalls|recalled)[ \t]+[\p{Lu}]`,
  'gu',
);
// A word or short phrase in quotes after a word that introduces it as a word: `words like "some"`,
// `the term 'leverage'`, `avoid "synergy"`, `use "sign in", not "login"`. Further quoted words
// joined by commas, `and` or `or` belong to the same mention.
const QUOTED_WORD = String.raw`(?:"[^"\n\uFFFC]{1,40}"|“[^”\n\uFFFC]{1,40}”|‘[^’\n\uFFFC]{1,40}’|'[^'\n\uFFFC]{1,40}'(?![\p{L}\p{N}])|«[^»\n\uFFFC]{1,40}»)`;
const MENTION = lazyUnicodeRegExp(
  String.raw`(?<![\p{L}\p{N}])(?:words?|terms?|phrases?|expressions?|like|such as|say|saying|write|writing|avoid|avoiding|use|using|called|named|instead of|rather than|not|e\.g\.,?)[ \t]+(?:(?:the|a)[ \t]+(?:word|term|phrase|expression)[ \t]+)?(${QUOTED_WORD}(?:[ \t]*(?:,|,?[ \t]+(?:and|or))[ \t]*${QUOTED_WORD})*)`,
  'giu',
);
const QUOTED_WORD_RE = lazyUnicodeRegExp(QUOTED_WORD, 'gu');
const QUOTE_CHAR = /["“„«'‘]/;

/** At most this many words make a mention; more is a quotation of a sentence (or a use). */
const MENTION_WORDS = 3;

/**
 * Marks quotations and mentions the text tells: a blockquote with an attribution line (in it or
 * right after it), a blockquote that opens with a quotation mark, `"…" – Name`, `"…," says Name`,
 * and words mentioned as words.
 */
export function markQuotations(doc: ProseDocument): void {
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'blockquote' && !isQuoted(b)) {
      // A run of blockquote blocks: one quotation when it is attributed or opens with a quote mark.
      let j = i;
      while (j + 1 < blocks.length && blocks[j + 1]!.kind === 'blockquote' && onlyQuoteMarkup(doc.source, blocks[j]!, blocks[j + 1]!)) j++;
      const last = blocks[j]!;
      const next = blocks[j + 1];
      const lastLine = last.text.slice(last.text.lastIndexOf('\n') + 1);
      const attributedAfter = next !== undefined && next.kind !== 'blockquote' && ATTRIBUTION_LINE().test(next.text) && next.text.length <= 120;
      if (ATTRIBUTION_LINE().test(lastLine) || /^\s*["“„«]/.test(b.text) || attributedAfter) {
        for (let k = i; k <= j; k++) quoteBlock(blocks[k]!);
        if (attributedAfter) quoteBlock(next!);
      }
      i = j;
      continue;
    }
    if (!QUOTE_CHAR.test(b.text)) continue;
    // A quoted paragraph or line, and its attribution on the next line (a block of its own).
    const next = blocks[i + 1];
    if (next && WHOLE_QUOTE().test(b.text) && ATTRIBUTION_LINE().test(next.text) && next.text.length <= 120) {
      quoteBlock(b);
      quoteBlock(next);
      i++;
      continue;
    }
    markInline(b);
  }
}

function isQuoted(b: Block): boolean {
  return b.regions?.some((g) => g.kind === 'quotation' && g.start === 0 && g.end >= b.text.length) ?? false;
}

/** Between two blocks of one blockquote the source holds only `>` markers and blanks. */
function onlyQuoteMarkup(source: string, a: Block, b: Block): boolean {
  const from = a.map[a.map.length - 1]! + 1;
  const to = b.map[0]!;
  if (to <= from || to - from > 400) return false;
  return /^[\s>]*$/.test(source.slice(from, to));
}

/** A quoted span of at least this many words is someone's words (a quote, a title), not a scare quote. */
const QUOTED_WORDS = 4;
/** Between two quoted spans, an attribution (`,” Rossney said, “`) that joins them into one quotation. */
const BETWEEN_QUOTES = /^[\s,;:—–-]*[^.!?"“”\n\uFFFC]{0,60}?[,:—–-]\s*$/;

/**
 * Paired double quotation marks ("…", “…”, „…“, «…»), as [open, close] indices: a quoted span
 * of QUOTED_WORDS words or more, or one that ends a sentence inside its marks ("thank you!"), is
 * a quotation. Quoted spans of one sentence split by an attribution are joined.
 */
function quotedSpans(t: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (open < 0) {
      if (c === '"' || c === '“' || c === '„' || c === '«') {
        open = i;
        closer = c === '"' ? '"' : c === '«' ? '»' : '”';
      }
      continue;
    }
    if (c === closer || (closer === '”' && c === '“' && t[open] === '„') || (closer === '"' && c === '”')) {
      const inner = t.slice(open + 1, i);
      const words = inner.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (words >= QUOTED_WORDS || (words >= 2 && /[.!?…,]\s*$/.test(inner)) || (words >= 1 && /[.!?…]\s*$/.test(inner))) {
        const prev = out[out.length - 1];
        if (prev && BETWEEN_QUOTES.test(t.slice(prev[1], open))) prev[1] = i + 1;
        else out.push([open, i + 1]);
      }
      open = -1;
    } else if (i - open > 3000) open = -1;
  }
  // Single quotation marks ('…', ‘…’) for titles and slogans: only spans of QUOTED_WORDS words or
  // more, and only marks that cannot be apostrophes (a closing mark before a letter is one).
  if (t.includes("'") || t.includes('‘')) {
    for (const m of t.matchAll(SINGLE_QUOTED())) {
      const words = m[0].slice(1, -1).trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (words < QUOTED_WORDS || out.some(([a, b]) => a <= m.index && m.index < b)) continue;
      out.push([m.index, m.index + m[0].length]);
    }
    out.sort((a, b) => a[0] - b[0]);
  }
  return out;
}
const SINGLE_QUOTED = lazyUnicodeRegExp(String.raw`(?<![\p{L}\p{N}])(?:'(?=\S)[^'\n\uFFFC]{3,300}?(?<=\S)'|‘(?=\S)[^’\n\uFFFC]{3,300}?(?<=\S)’)(?![\p{L}\p{N}])`, 'gu');

function markInline(b: Block): void {
  const t = b.text;
  for (const [s, e] of quotedSpans(t)) addRegion(b, 'quotation', s, e);
  if (/["“„«]/.test(t)) {
    for (const m of t.matchAll(ATTRIBUTED())) {
      if (pairs(m[1]!, m[2]!)) addRegion(b, 'quotation', m.index, m.index + m[0].length);
    }
    for (const m of t.matchAll(SAID())) {
      if (!pairs(m[1]!, m[2]!)) continue;
      const close = m.index + m[0].search(/["”»],?[ \t]+\S+[ \t]+\S$/u) + 1;
      addRegion(b, 'quotation', m.index, close);
    }
  }
  for (const m of t.matchAll(MENTION())) {
    const list = m[1]!;
    const at = m.index + m[0].length - list.length;
    for (const q of list.matchAll(QUOTED_WORD_RE())) {
      const inner = q[0].slice(1, -1).trim();
      if (!inner || inner.split(/\s+/).length > MENTION_WORDS) continue;
      addRegion(b, 'mention', at + q.index, at + q.index + q[0].length);
    }
  }
}

function pairs(open: string, close: string): boolean {
  if (open === '«') return close === '»';
  return close === '"' || close === '”';
}
