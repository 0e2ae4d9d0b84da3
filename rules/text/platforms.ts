// How long a post is, counted the way each platform counts it, and where the part beyond a limit
// starts. X: twitter-text's weighted length (URLs 23, CJK and emoji 2). Bluesky: graphemes.
// Mastodon: characters, every URL 23, a remote @user@domain only as @user. Others: graphemes.
import type { ChannelConfig, Guide, LevelSetting, Post, ProseDocument, RuleContext } from '../types.js';
import { channelFor } from '../guide/overrides.js';
import { findTokens, type TokenKind } from '../parse/tokens.js';
import { frontMatterContent, readFrontMatter } from '../parse/frontmatter.js';
import { isMap, isScalar, isSeq, yaml } from '../lazy-yaml.js';
import { twitterText } from './twitter-text.js';

export const PLATFORMS = ['x', 'linkedin', 'instagram', 'threads', 'bluesky', 'mastodon', 'facebook'] as const;
export type Platform = (typeof PLATFORMS)[number];

const ALIASES: Record<string, string> = {
  x: 'x',
  twitter: 'x',
  tweet: 'x',
  linkedin: 'linkedin',
  instagram: 'instagram',
  ig: 'instagram',
  threads: 'threads',
  bluesky: 'bluesky',
  bsky: 'bluesky',
  mastodon: 'mastodon',
  facebook: 'facebook',
  fb: 'facebook',
};

/**
 * A platform name as brandlint knows it, from what a draft says: `twitter` → x, `bsky` → bluesky,
 * and Galaxy Social account names such as `mastodon-eu-freiburg` → mastodon. Unknown names are kept
 * (lower-cased) so a guide may still configure them.
 */
export function normalizePlatform(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  if (!n) return undefined;
  if (ALIASES[n]) return ALIASES[n];
  // Galaxy Social names accounts `<platform>-<account>`.
  const head = n.split(/[-_.:/\s]/)[0]!;
  return ALIASES[head] ?? (head || n);
}

export interface Counted {
  /** The length as the platform counts it. */
  length: number;
  /** Index into the text where the part beyond `max` starts, when the text is over. */
  overflowAt?: number;
}

// Made on first use: creating an ICU segmenter costs ~15 ms at every start, and only social posts
// and email subjects ever count graphemes.
let segmenter: Intl.Segmenter | undefined;
/** The grapheme clusters of `text` (one segmenter for the whole core). */
export function graphemeSegments(text: string): Intl.Segments {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text);
}

/** Length of `text` on `platform`, and where it passes `max` (if it does). */
export function countFor(platform: string, text: string, max = Infinity): Counted {
  switch (normalizePlatform(platform)) {
    case 'x':
      return countX(text, max);
    case 'mastodon':
      return countUnits(mastodonUnits(text), max);
    default:
      return countUnits(graphemeUnits(text, 0, text.length), max);
  }
}

interface Unit {
  start: number;
  weight: number;
}

function countUnits(units: Unit[], max: number): Counted {
  let length = 0;
  let overflowAt: number | undefined;
  for (const u of units) {
    length += u.weight;
    if (overflowAt === undefined && length > max) overflowAt = u.start;
  }
  return overflowAt === undefined ? { length } : { length, overflowAt };
}

function graphemeUnits(text: string, from: number, to: number): Unit[] {
  const out: Unit[] = [];
  const slice = text.slice(from, to);
  if (!BEYOND_LATIN.test(slice)) {
    // Below U+0300 nothing combines: every char is a grapheme, CR LF excepted. Intl.Segmenter
    // grew superlinearly on long posts (160 KB took half a minute).
    for (let i = from; i < to; i++) {
      out.push({ start: i, weight: 1 });
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
    }
    return out;
  }
  for (const s of graphemeSegments(slice)) out.push({ start: from + s.index, weight: 1 });
  return out;
}
const BEYOND_LATIN = /[^\u0000-\u02ff]/;

function mastodonUnits(text: string): Unit[] {
  const out: Unit[] = [];
  let at = 0;
  const plain = (to: number) => {
    // Mastodon counts characters (code points), not UTF-16 units.
    for (let i = at; i < to; ) {
      const cp = text.codePointAt(i)!;
      out.push({ start: i, weight: 1 });
      i += cp > 0xffff ? 2 : 1;
    }
  };
  for (const t of findTokens(text)) {
    if (t.kind !== 'url' && t.kind !== 'mention') continue;
    plain(t.start);
    if (t.kind === 'url') {
      out.push({ start: t.start, weight: 23 });
    } else {
      // @user@instance counts as @user; the domain is free.
      const local = text.slice(t.start, t.end).indexOf('@', 1);
      const len = local > 0 ? local : t.end - t.start;
      for (let i = 0; i < len; i++) out.push({ start: t.start + i, weight: 1 });
    }
    at = t.end;
  }
  plain(text.length);
  return out;
}

function countX(text: string, max: number): Counted {
  const twitter = twitterText();
  const parsed = twitter.parseTweet(text);
  const length = parsed.weightedLength;
  if (length <= max) return { length };
  if (max === 280 && parsed.validRangeEnd + 1 < text.length && text === text.normalize('NFC')) {
    // twitter-text's own answer for its default limit: the last character that still fits. It
    // can end inside a surrogate pair (an astral character weighted 2 that crosses the limit).
    return { length, overflowAt: pairStart(text, parsed.validRangeEnd + 1) };
  }
  // Another limit (or non-NFC text): grow the prefix until its weighted length passes max.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (twitter.parseTweet(text.slice(0, mid + 1)).weightedLength > max) hi = mid;
    else lo = mid + 1;
  }
  return { length, overflowAt: pairStart(text, Math.min(lo, text.length)) };
}

/** `i`, or the start of the surrogate pair `i` would split. */
function pairStart(text: string, i: number): number {
  const lowHere = /[\uDC00-\uDFFF]/.test(text[i] ?? '');
  return i > 0 && lowHere && /[\uD800-\uDBFF]/.test(text[i - 1]!) ? i - 1 : i;
}

// ---------------------------------------------------------------------------------------------
// The channel a document is in, and its limits (shared by the channel rules).

export interface Limit {
  max: number;
  level?: LevelSetting;
}

/** `{max, level}` under `key` of a channel config, when it is a usable limit. */
export function limitOf(config: ChannelConfig | undefined, key: string): Limit | undefined {
  const v = config?.[key];
  if (!v || typeof v !== 'object') return undefined;
  const { max, level } = v as { max?: unknown; level?: unknown };
  if (typeof max !== 'number' || !Number.isFinite(max) || max < 0) return undefined;
  return typeof level === 'string' ? { max, level: level as LevelSetting } : { max };
}

/** The social channel's config for a social draft (any social-format document is in it). */
export function socialChannel(doc: ProseDocument, guide: Guide): ChannelConfig | undefined {
  if (doc.format !== 'social' && channelFor(guide, doc.path) !== 'social') return undefined;
  return guide.channels.social;
}

/** The email channel's config for an email template. */
export function emailChannel(doc: ProseDocument, guide: Guide): ChannelConfig | undefined {
  if (doc.format !== 'html' && channelFor(guide, doc.path) !== 'email') return undefined;
  return guide.channels.email;
}

/** The platforms a post is measured for: its own, else the channel's list, else every platform it limits. */
export function postPlatforms(post: Post, config: ChannelConfig): string[] {
  if (post.platforms.length) return post.platforms;
  const listed = Array.isArray(config.platforms) ? config.platforms.filter((p): p is string => typeof p === 'string') : [];
  if (listed.length) return listed.map((p) => normalizePlatform(p) ?? p);
  return (PLATFORMS as readonly string[]).filter((p) => limitOf(config, p));
}

/**
 * What a post publishes: its source without brandlint directives (comment lines and HTML comments
 * are for the linter, not the audience), with the source offset of each character.
 */
export function postText(doc: ProseDocument, post: Post): { text: string; map: Int32Array } {
  const cut: [number, number][] = [];
  for (const d of doc.directives) {
    if (d.end <= post.start || d.start >= post.end) continue;
    let e = d.end;
    // The directive's own line break goes with it.
    if (doc.source[e] === '\r') e++;
    if (doc.source[e] === '\n') e++;
    cut.push([Math.max(d.start, post.start), Math.min(e, post.end)]);
  }
  cut.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  const map: number[] = [];
  let at = post.start;
  const take = (to: number) => {
    if (to <= at) return;
    parts.push(doc.source.slice(at, to));
    for (let i = at; i < to; i++) map.push(i);
  };
  for (const [s, e] of cut) {
    take(s);
    at = Math.max(at, e);
  }
  take(post.end);
  // Trailing blanks left where a directive line was cut are not published either.
  let text = parts.join('');
  const trimmed = text.trimEnd(); // same blanks as /\s+$/, without its quadratic backtracking
  text = trimmed;
  return { text, map: Int32Array.from(map.slice(0, text.length)) };
}

const NAMES: Record<string, string> = {
  x: 'X',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  facebook: 'Facebook',
};

export function platformName(p: string): string {
  return NAMES[p] ?? p;
}

/** Reports, per post, the tokens of one kind beyond the channel's `key: {max}` (hashtags, mentions). */
export function countPerPost(
  { doc, guide, report }: RuleContext,
  kind: TokenKind,
  key: string,
  message: (n: number, max: number, extra: string) => string,
): void {
  const social = socialChannel(doc, guide);
  const limit = limitOf(social, key);
  if (!limit || !doc.posts) return;
  doc.posts.forEach((post, i) => {
    const { text, map } = postText(doc, post);
    const found = findTokens(text).filter((t) => t.kind === kind);
    if (found.length > limit.max) {
      const extra = found.slice(limit.max);
      report({
        start: map[extra[0]!.start]!,
        end: map[extra[extra.length - 1]!.end - 1]! + 1,
        message: message(found.length, limit.max, ''),
        level: limit.level,
      });
      return;
    }
    // What the posting tool appends from front matter goes with the first post.
    if (i > 0) return;
    for (const list of frontMatterLists(doc.source, key === 'hashtags' ? 'hashtags' : 'mentions')) {
      if (list.platform && post.platforms.length && !post.platforms.includes(list.platform)) continue;
      const total = found.length + list.items.length;
      if (total <= limit.max) continue;
      const extra = list.items.slice(limit.max - found.length);
      const where = list.platform ? ` on ${platformName(list.platform)}` : '';
      report({
        start: extra[0]!.start,
        end: extra[extra.length - 1]!.end,
        message: message(total, limit.max, `, with the ones front matter adds${where}`),
        level: limit.level,
      });
    }
  });
}

export interface AppendedList {
  /** The platform the list is for (Galaxy Social keys lists by account), or undefined for every one. */
  platform?: string;
  /** Source ranges of the entries. */
  items: { start: number; end: number }[];
}

/**
 * Hashtags or mentions a posting tool appends from front matter: `hashtags: [a, b]`, or Galaxy
 * Social's `hashtags: {mastodon-eu-freiburg: [a, b]}`.
 */
export function frontMatterLists(source: string, key: 'hashtags' | 'mentions'): AppendedList[] {
  const fm = readFrontMatter(source);
  const range = fm && frontMatterContent(source, fm);
  if (!range) return [];
  const out: AppendedList[] = [];
  const entries = (node: unknown) =>
    isSeq(node)
      ? node.items
          .filter((i) => isScalar(i) && i.range && String(i.value ?? '').trim())
          .map((i) => ({ start: range[0] + (i as { range: [number, number] }).range[0], end: range[0] + (i as { range: [number, number] }).range[1] }))
      : [];
  try {
    const node = yaml().parseDocument(source.slice(range[0], range[1])).get(key, true);
    if (isSeq(node)) out.push({ items: entries(node) });
    else if (isMap(node)) {
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const items = entries(pair.value);
        if (name && items.length) out.push({ platform: normalizePlatform(name), items });
      }
    }
  } catch {
    // Broken YAML appends nothing we can count.
  }
  return out.filter((l) => l.items.length);
}
