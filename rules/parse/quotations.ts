// Words that are not the brand's own: quotations (a testimonial, a customer or partner quote) and
// words mentioned as words ("avoid vague words like 'some'"). Marked as regions of the blocks
// (Block.regions) after any parser has run, so every rule and the fix guard see them alike. The
// parsers mark what only the markup tells (an HTML <blockquote> or <q>, an MDX <Quote>, and in
// Markdown what follows an attribution: introducesQuote, isHandleLine); this module marks what the
// text itself tells.
import { SEPARATOR, type Block, type ProseDocument, type Region } from '../types.js';
import { lazyUnicodeRegExp } from '../text/unicode-regexp.js';
import { linkText } from '../match/links.js';

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

// A line that introduces someone else's words after it. With a closing colon it names the source:
// a handle ("@bob:", "As @bob put it:"), a verb of saying ("Alice wrote:"), a comment or message by
// or from someone, or "From the release notes:". Without one it must name a comment, reply or
// message by or from someone ("Jane — comment from 2026-03-02", "Comment by @bob posted on …").
const HANDLE = String.raw`(?<![\p{L}\p{N}_.@/])@[\p{L}\p{N}_][\p{L}\p{N}_-]{0,38}`;
const SAYING = String.raw`(?<![\p{L}\p{N}])(?:wrote|writes|said|says|asked|asks|replied|replies|responded|responds|answered|answers|commented|comments|explained|explains|noted|notes|remarked|remarks|argued|argues|tweeted|tweets|put it|puts it|sums it up|summed it up|according to|in the words of|quoting)(?![\p{L}\p{N}])`;
const SOURCE = String.raw`(?<![\p{L}\p{N}])(?:comments?|repl(?:y|ies)|responses?|messages?|posts?|e-?mails?|reviews?|tweets?|toots?|updates?|feedback|testimonials?|quotes?)[ \t]+(?:by|from)(?![\p{L}\p{N}])`;
const INTRO_SAYING = lazyUnicodeRegExp(SAYING, 'iu');
const INTRO_SOURCE = lazyUnicodeRegExp(SOURCE, 'iu');
const INTRO_NAMED = lazyUnicodeRegExp(String.raw`${HANDLE}|^\s*From\s+(?:the|an?|our|their|his|her|its|this|these|[\p{Lu}@])`, 'u');
/** The longest sentence that can introduce a quotation (an attribution is short). */
const INTRO_MAX = 200;

/**
 * The block ends in an attribution that introduces a quotation after it (see SAYING, SOURCE). The
 * attribution itself stays the page's own words.
 */
export function introducesQuote(text: string): boolean {
  let end = text.length;
  while (end > 0 && /[\s\uFFFC]/.test(text[end - 1]!)) end--;
  if (end === 0) return false;
  if (text[end - 1] !== ':') return end <= 160 && INTRO_SOURCE().test(text.slice(0, end));
  // The sentence that ends in the colon names the source ("We tried it. As Jane put it:").
  let k = end - 1;
  while (k > 0 && end - k <= INTRO_MAX && !(/[.!?]/.test(text[k - 1]!) && /\s/.test(text[k]!))) k--;
  if (end - k > INTRO_MAX) return false;
  const sentence = text.slice(k, end);
  return INTRO_SAYING().test(sentence) || INTRO_SOURCE().test(sentence) || INTRO_NAMED().test(sentence);
}

/** A line that is a handle and a colon only ("@jane:"): what follows is that person's. */
export function isHandleLine(text: string): boolean {
  return /^[\s\uFFFC]*@[\p{L}\p{N}_][\p{L}\p{N}_-]{0,38}[\s\uFFFC]*:[\s\uFFFC]*$/u.test(text);
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
 * the turns of an interview transcript, and words mentioned as words.
 */
export function markQuotations(doc: ProseDocument, speakers = true): void {
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'blockquote') {
      // A run of blockquote blocks: one quotation when it is attributed or opens with a quote mark.
      let j = i;
      while (j + 1 < blocks.length && blocks[j + 1]!.kind === 'blockquote' && onlyQuoteMarkup(doc.source, blocks[j]!, blocks[j + 1]!)) j++;
      const last = blocks[j]!;
      const next = blocks[j + 1];
      const lastLine = last.text.slice(last.text.lastIndexOf('\n') + 1);
      const attributedAfter = next !== undefined && next.kind !== 'blockquote' && ATTRIBUTION_LINE().test(next.text) && next.text.length <= 120;
      // (A parser may have found it a quotation already: an attribution before it, a <blockquote>.)
      if (isQuoted(b) || ATTRIBUTION_LINE().test(lastLine) || /^\s*["“„«]/.test(b.text) || attributedAfter) {
        for (let k = i; k <= j; k++) quoteBlock(blocks[k]!);
        if (attributedAfter) quoteBlock(next!);
      }
      i = j;
      continue;
    }
    markFiller(b);
    markCreditedTitles(doc, b);
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
  if (!speakers) return;
  for (const [i, start, end] of speakerRegions(doc)) addRegion(blocks[i]!, 'quotation', start, end);
  for (const i of sponsorBlocks(doc)) addRegion(blocks[i]!, 'sponsor', 0, blocks[i]!.text.length);
}

// A sponsors section ("## Sponsors", "<h3>💎 Platinum sponsors</h3>", "Backers", "Sponsored by")
// shows other companies' logos, slogans and offers: their copy, not the brand's.
const SPONSOR_HEADING = lazyUnicodeRegExp(
  String.raw`^[^\p{L}\p{N}]*(?:(?:our|special|gold|silver|bronze|platinum|diamond|premium|corporate|financial|top|past|current|thanks to our|thank you to our)[ 	]+)*(?:sponsors?|sponsored by|backers|supporters)\b[^\p{L}\p{N}]*$`,
  'iu',
);
// A thematic break (`---`, `***`, `<hr>`) between two blocks ends a section as a heading does.
const THEMATIC_BREAK = /^[ 	]{0,3}(?:(?:-[ 	]*){3,}|(?:\*[ 	]*){3,}|(?:_[ 	]*){3,})$|<hr\b/im;

/**
 * The blocks of sponsors sections: after a sponsors heading, up to the next heading of its depth or
 * higher, or a thematic break. Read from the whole document, so the editor's chunked parse marks
 * them on the assembled document.
 */
export function sponsorBlocks(doc: ProseDocument): number[] {
  const blocks = doc.blocks;
  const out: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const h = blocks[i]!;
    if (h.kind !== 'heading' || h.text.length > 60 || !SPONSOR_HEADING().test(h.text)) continue;
    const depth = h.depth ?? 6;
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (b.kind === 'heading' && (b.depth ?? 6) <= depth) break;
      const from = lastOffset(blocks[j - 1]!);
      if (from >= 0 && b.map.length && THEMATIC_BREAK.test(doc.source.slice(from + 1, b.map[0]!))) break;
      out.push(j);
    }
    i = j - 1;
  }
  return out;
}

function lastOffset(b: Block): number {
  return b.map.length ? b.map[b.map.length - 1]! : -1;
}

// A linked title credited to its author is theirs: "[Utilize debugger APIs to improve debug info
// tests](…) by [Anthony](…)", "[Growing a Community of Gophers](…), by Cassandra Salisbury".
const CREDIT_AFTER = lazyUnicodeRegExp(String.raw`^[*_]*,?[ \t]+by[ \t]+[*_]*(?:\uFFFC|@|\p{Lu})`, 'u');
function markCreditedTitles(doc: ProseDocument, b: Block): void {
  for (const m of b.marks) {
    if (m.kind !== 'link' || m.at === 0 || !CREDIT_AFTER().test(b.text.slice(m.at + (b.text[m.at] === SEPARATOR ? 1 : 0), m.at + 40))) continue;
    const span = linkText(doc, b, m.at - 1, m.at);
    if (span) addRegion(b, 'quotation', span[0], span[1]);
  }
}

// A template's filler: "Lorem ipsum dolor sit amet, consectetur adipiscing elit…" (and its
// scrambled variants, which keep the opening words) up to the end of its block.
const LOREM = /\b(?:lorem ipsum|dolor sit amet)\b/i;
function markFiller(b: Block): void {
  const m = LOREM.exec(b.text);
  if (m) addRegion(b, 'placeholder', m.index, b.text.length);
}

/**
 * The block's being a quotation, or its text, decides whether blocks after it are quoted (an
 * attribution, a handle line, a blockquote whose attribution may follow, a quoted paragraph). The
 * editor's chunked parse never ends a chunk after such a block.
 */
export function reachesForward(b: Block): boolean {
  return b.kind === 'blockquote' || isHandleLine(b.text) || introducesQuote(b.text) || (QUOTE_CHAR.test(b.text) && WHOLE_QUOTE().test(b.text));
}

// An interview transcript: paragraphs that open with a bold speaker label (`**Jan Doe**: …`,
// `**Q:** …`). The label is a speaker's when it is a handle, Q or A (with both in the document), or
// a name of one to four capitalised words whose first word the document also writes as a name: in
// the middle of a sentence or before another capitalised word ("with Jan Doe", "Rob Pike, Ian").
// Labels such as "Note:", "Who:", "Best for:" are no names; and it takes two turns or more.
const SPEAKER = lazyUnicodeRegExp(String.raw`^(@[\p{L}\p{N}_][\p{L}\p{N}_-]{0,38}|\p{Lu}[\p{L}'’.-]{0,30}(?:[ \t](?:\p{Lu}[\p{L}'’.-]{0,30}|van|von|de|der|den|da|di|du|le|la|bin|al)){0,3}):`, 'u');
const ASKER = /^(?:Q|Question|Interviewer)$/;
const ANSWERER = /^(?:A|Answer)$/;
// A capitalised word in the middle of a sentence, or one before another: a name.
const NAME_WORD = lazyUnicodeRegExp(String.raw`[\p{Ll}\p{N},;][ \t\n]+[\[(]?(\p{Lu}[\p{L}'’-]*)|(?<![\p{L}\p{N}])(\p{Lu}[\p{L}'’-]*)[ \t]+\p{Lu}\p{Ll}`, 'gu');

/**
 * The quotation regions of an interview transcript, as [block index, start, end]: found over the
 * whole document (a speaker is known by names written anywhere in it), so the editor's chunked
 * parse adds them to the assembled document rather than to each chunk.
 */
export function speakerRegions(doc: ProseDocument): Array<[number, number, number]> {
  if (doc.format !== 'markdown' && doc.format !== 'mdx') return [];
  const turns: Array<{ block: Block; label: string; at: number }> = [];
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'paragraph' || !b.text.includes(':')) continue;
    const m = SPEAKER().exec(b.text);
    if (!m || !boldLabel(doc.source, b, m[0].length - 1)) continue;
    turns.push({ block: b, label: m[1]!, at: i });
  }
  if (turns.length < 2) return [];
  const labels = new Set(turns.map((t) => t.label));
  const qa = [...labels].some((l) => ASKER.test(l)) && [...labels].some((l) => ANSWERER.test(l));
  // First words of names the document writes outside the labels.
  const names = new Set<string>();
  const labelled = new Set(turns.map((t) => t.block));
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || !/\p{Lu}/u.test(b.text)) continue;
    const from = labelled.has(b) ? b.text.indexOf(':') + 1 : 0;
    for (const m of b.text.slice(from).matchAll(NAME_WORD())) names.add((m[1] ?? m[2])!);
  }
  const speaker = (l: string) => l.startsWith('@') || (qa && (ASKER.test(l) || ANSWERER.test(l))) || names.has(l.split(/[ \t]/)[0]!);
  const spoken = turns.filter((t) => speaker(t.label));
  if (spoken.length < 2) return [];
  const out: Array<[number, number, number]> = spoken.map((t) => [t.at, t.label.length + 1, t.block.text.length]);
  // Between two turns with no heading between them, the conversation goes on: a turn of more than
  // one paragraph, a question put to the speakers. After the last turn the page speaks again.
  for (let k = 1; k < spoken.length; k++) {
    const from = spoken[k - 1]!.at + 1;
    const to = spoken[k]!.at;
    if (doc.blocks.slice(from, to).some((b) => b.kind === 'heading')) continue;
    for (let i = from; i < to; i++) if (doc.blocks[i]!.kind !== 'front-matter') out.push([i, 0, doc.blocks[i]!.text.length]);
  }
  return out;
}

/** The block opens with a bold label that ends at the colon at `colon` (`**Jan**:` or `**Jan:**`). */
function boldLabel(source: string, b: Block, colon: number): boolean {
  const s = b.map[0]!;
  const c = b.map[colon]!;
  const d = source.slice(s - 2, s);
  if (d !== '**' && d !== '__') return false;
  return source.slice(c - 2, c) === d || source.slice(c + 1, c + 3) === d;
}

/** The whole block is someone else's words: quoted from its first character to its last. */
export function isQuoted(b: Block): boolean {
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

/** What a container's child is, for FollowingQuotes: a block quote, a paragraph, a break in the copy (heading, rule, raw HTML), nothing (a comment, a definition) or other copy. */
export type Sibling = 'blockquote' | 'paragraph' | 'break' | 'none' | 'other';

/**
 * Quotations that an attribution before them tells, read over the children of one container in
 * order (both Markdown readers): a block quote right after an attribution (introducesQuote), and the
 * blocks after a line that is only a handle and a colon ("@jane:"), up to the next heading, rule,
 * raw HTML or attribution. A child with no prose (a code block) stands between an attribution and
 * what follows.
 */
export class FollowingQuotes {
  private pasted = false;
  /** The blocks read when the last child ended, when that child read any (else -1). */
  private end = -1;
  constructor(private readonly blocks: Block[]) {}

  /** The block right before the child starting at `first` when the previous child read it. */
  before(first: number): Block | undefined {
    return this.end === first && first > 0 ? this.blocks[first - 1] : undefined;
  }

  /** After a child read blocks [first, end): quotes them when the attribution before tells so. */
  read(kind: Sibling, first: number, before: Block | undefined): void {
    if (kind === 'none') return;
    const blocks = this.blocks;
    if (kind === 'break') this.pasted = false;
    let quote = kind === 'blockquote' && before !== undefined && introducesQuote(before.text);
    const own = blocks[first];
    if (kind === 'paragraph' && own && (isHandleLine(own.text) || introducesQuote(own.text))) {
      // The attribution of what follows is the page's own line.
      this.pasted = isHandleLine(own.text);
    } else if (this.pasted && kind !== 'break') quote = true;
    if (quote) for (let k = first; k < blocks.length; k++) quoteBlock(blocks[k]!);
    this.end = blocks.length > first ? blocks.length : -1;
  }
}
