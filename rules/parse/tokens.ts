// Things in social and email copy that are not prose: URLs, e-mail addresses, @handles, and the `#`
// of a hashtag. Shared by the parsers (to keep them out of prose) and the channel rules (to count
// them), so both agree on what a hashtag or a mention is.
import { twitterText } from '../text/twitter-text.js';
import { SEPARATOR, type Block, type Mark } from '../types.js';
import { lazyUnicodeRegExp } from '../text/unicode-regexp.js';

export type TokenKind = 'url' | 'email' | 'mention' | 'hashtag';

export interface Token {
  kind: TokenKind;
  /** Indices into the scanned text, end exclusive. For a hashtag: the `#` and the word. */
  start: number;
  end: number;
}

const URL = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`\uFFFC]+/giu;
// Made on first use: with their Unicode classes they take ~3 ms to make, and Markdown never needs them.
const EMAIL = lazyUnicodeRegExp(String.raw`(?<![\p{L}\p{N}._%+@-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`, 'gu');
// @user, @user@instance.social (Mastodon), @name.bsky.social (Bluesky); not the @ of an e-mail.
const MENTION = lazyUnicodeRegExp(String.raw`(?<![\p{L}\p{N}_@.!#$%&*+/=?^\x60{|}~-])@[\p{L}\p{N}_]+(?:[.@-][\p{L}\p{N}_]+)*`, 'gu'); // \x60: a backtick
// A hashtag needs a letter: `#1` is a claim, not a tag (X and Mastodon agree).
const HASHTAG = lazyUnicodeRegExp(String.raw`(?<![\p{L}\p{N}_&/#])#[\p{L}\p{M}\p{N}_]*[\p{L}][\p{L}\p{M}\p{N}_]*`, 'gu');

/** Trailing punctuation is not part of a URL unless it closes a bracket the URL opened. */
function trimUrl(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text[end - 1]!;
    if (/[.,;:!?'"*]/.test(c)) {
      end--;
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      const open = c === ')' ? '(' : c === ']' ? '[' : '{';
      const body = text.slice(start, end);
      if (body.split(open).length - 1 < body.split(c).length - 1) {
        end--;
        continue;
      }
    }
    break;
  }
  return end;
}

/** Every non-prose token in `text`, sorted, not overlapping (URLs win over the rest). */
export function findTokens(text: string): Token[] {
  const found: Token[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (kind: TokenKind, s: number, e: number) => {
    if (e <= s || !free(s, e)) return;
    found.push({ kind, start: s, end: e });
    taken.push([s, e]);
  };
  for (const m of text.matchAll(URL)) add('url', m.index, trimUrl(text, m.index, m.index + m[0].length));
  // Bare domains (example.com/launch) as X recognises them.
  try {
    for (const u of twitterText().extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })) {
      add('url', u.indices[0], u.indices[1]);
    }
  } catch {
    // twitter-text never should throw, but odd input must not stop the parse.
  }
  for (const m of text.matchAll(EMAIL())) add('email', m.index, m.index + m[0].length);
  for (const m of text.matchAll(MENTION())) add('mention', m.index, m.index + m[0].length);
  for (const m of text.matchAll(HASHTAG())) add('hashtag', m.index, m.index + m[0].length);
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The block with URLs, e-mail addresses and @handles each replaced by one SEPARATOR (mark 'url'), and
 * the `#` of each hashtag by a SEPARATOR: the hashtag's word stays prose, because a copy editor reads
 * `#synergy` or `#Javascript` as the brand saying that word (and CamelCase tags are the accessible
 * form), while `#` itself is punctuation no rule should see.
 */
export function excludeTokens(block: Block): Block {
  const tokens = findTokens(block.text);
  if (tokens.length === 0) return block;
  const chars: string[] = [];
  const map: number[] = [];
  const marks: Mark[] = [];
  const oldToNew = new Int32Array(block.text.length + 1);
  let ti = 0;
  for (let i = 0; i < block.text.length; ) {
    const t = tokens[ti];
    if (t && i === t.start) {
      oldToNew[i] = chars.length;
      chars.push(SEPARATOR);
      map.push(block.map[i]!);
      if (t.kind !== 'hashtag') marks.push({ kind: 'url', at: chars.length - 1 });
      const skipTo = t.kind === 'hashtag' ? i + 1 : t.end;
      for (let k = i + 1; k < skipTo; k++) oldToNew[k] = chars.length - 1;
      i = skipTo;
      ti++;
      continue;
    }
    oldToNew[i] = chars.length;
    chars.push(block.text[i]!);
    map.push(block.map[i]!);
    i++;
  }
  oldToNew[block.text.length] = chars.length;
  for (const m of block.marks) marks.push({ kind: m.kind, at: oldToNew[Math.min(m.at, block.text.length)]! });
  marks.sort((a, b) => a.at - b.at);
  return withRegions({ ...block, text: chars.join(''), map: Int32Array.from(map), marks }, block, oldToNew);
}

/**
 * Like excludeTokens, with tokens found in the source (offsets into `source`), for blocks another
 * parser built: Markdown turns `user@host.social` into an e-mail link, which hides the handle's `@`
 * from a scan of the block text, but not from a scan of the source.
 */
export function excludeSourceTokens(block: Block, tokens: Token[]): Block {
  if (tokens.length === 0 || block.text.length === 0) return block;
  const chars: string[] = [];
  const map: number[] = [];
  const marks: Mark[] = [];
  const oldToNew = new Int32Array(block.text.length + 1);
  let ti = 0;
  let lastToken = -1;
  for (let i = 0; i < block.text.length; i++) {
    const at = block.map[i]!;
    while (ti < tokens.length && tokens[ti]!.end <= at) ti++;
    const t = tokens[ti];
    const inToken = t && at >= t.start && (t.kind === 'hashtag' ? at === t.start : true);
    oldToNew[i] = chars.length;
    if (inToken) {
      if (lastToken === ti && chars[chars.length - 1] === SEPARATOR) {
        oldToNew[i] = chars.length - 1;
        continue; // the rest of a URL or handle: already one SEPARATOR
      }
      lastToken = ti;
      chars.push(SEPARATOR);
      map.push(at);
      if (t.kind !== 'hashtag') marks.push({ kind: 'url', at: chars.length - 1 });
      continue;
    }
    chars.push(block.text[i]!);
    map.push(at);
  }
  oldToNew[block.text.length] = chars.length;
  for (const m of block.marks) marks.push({ kind: m.kind, at: oldToNew[Math.min(m.at, block.text.length)]! });
  marks.sort((a, b) => a.at - b.at);
  return withRegions({ ...block, text: chars.join(''), map: Int32Array.from(map), marks }, block, oldToNew);
}

/** The block's regions carried over to `out` through an old-index → new-index table. */
function withRegions(out: Block, block: Block, oldToNew: Int32Array): Block {
  if (!block.regions) return out;
  const regions = block.regions.map((g) => ({ kind: g.kind, start: oldToNew[g.start]!, end: oldToNew[g.end]! })).filter((g) => g.end > g.start);
  if (regions.length) out.regions = regions;
  else delete out.regions;
  return out;
}
