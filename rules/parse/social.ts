// Social drafts: plain-text posts (.txt .tweet .post, the `social-draft` editor language) and
// Markdown posts with YAML front matter (Galaxy Social, twitter-together). A line `---` between posts
// splits a thread; the front matter at the very start is not a post separator.
import path from 'node:path';
import type { Block, Directive, Guide, Post, ProseDocument } from '../types.js';
import { normalizePlatform, PLATFORMS } from '../text/platforms.js';
import { htmlCommentDirectives, parseDirective } from './directives.js';
import { isMap, isScalar, isSeq, yaml } from '../lazy-yaml.js';
import { fieldText, readFrontMatter, type FrontMatter, type FrontMatterField } from './frontmatter.js';
import { parseMarkdown } from './markdown.js';
import { paragraphSpans, sliceBlock } from './plain.js';
import { excludeSourceTokens, findTokens } from './tokens.js';
import { LETTER_OR_DIGIT } from '../text/unicode-regexp.js';

const MARKDOWN = new Set(['.md', '.markdown', '.mdx']);
// `# brandlint-disable banned` on its own line (plain-text drafts have no comment syntax of their own).
const DIRECTIVE_LINE = /^[ \t]*#[ \t]*(brandlint-[^\r\n]*)$/gm;

export function parseSocial(source: string, file: string, guide?: Guide): ProseDocument {
  const fm = readFrontMatter(source);
  const bodyStart = fm ? fm.bodyStart : source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const markdown = MARKDOWN.has(path.extname(file).toLowerCase());
  const platforms = platformsOf(fm?.data, file, guide);

  // Blank lines out of the way with same-length spaces so offsets never move.
  let work = source.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + source.slice(bodyStart);
  const directives: Directive[] = [];
  if (markdown) {
    directives.push(...htmlCommentDirectives(source, bodyStart));
  } else {
    for (const m of work.matchAll(DIRECTIVE_LINE)) {
      const hash = m[0].indexOf('#');
      const end = m.index + m[0].trimEnd().length;
      const d = parseDirective(m[1]!, m.index + hash, end);
      if (!d) continue;
      directives.push(d);
      work = work.slice(0, m.index) + ' '.repeat(m[0].length) + work.slice(m.index + m[0].length);
    }
  }

  // Posts: the stretches between separator lines, trimmed; empty ones are not posts.
  const posts: Post[] = [];
  let from = bodyStart;
  const cuts: [number, number][] = [];
  for (const [ss, se] of separators(work, bodyStart, markdown)) cuts.push([ss, se]);
  cuts.push([source.length, source.length]);
  for (const [cs, ce] of cuts) {
    let s = from;
    let e = cs;
    while (s < e && /\s/.test(work[s]!)) s++;
    while (e > s && /\s/.test(work[e - 1]!)) e--;
    if (e > s) posts.push({ start: s, end: e, platforms });
    from = ce;
  }

  const blocks: Block[] = [];
  // Fenced code in a plain-text draft is code, as in Markdown: counted in the post, never linted.
  const prose = markdown ? work : blankFences(work, bodyStart);
  posts.forEach((post, index) => {
    // URLs, handles, e-mails and the `#` of hashtags, found in the post's own text.
    const tokens = findTokens(work.slice(post.start, post.end)).map((t) => ({ ...t, start: t.start + post.start, end: t.end + post.start }));
    for (const b of markdown ? markdownBlocks(work, file, post) : plainPostBlocks(prose, post)) {
      const kept = excludeSourceTokens({ ...b, post: index }, tokens);
      for (const line of lineItems(kept)) if (LETTER_OR_DIGIT.test(line.text)) blocks.push(line);
    }
  });

  // Image descriptions in front matter (twitter-together `media: [{alt}]`, Galaxy `images: [{alt_text}]`)
  // are published with the first post.
  if (fm && posts.length) blocks.unshift(...mediaAltBlocks(source, fm).map((b) => ({ ...b, post: 0 })));

  return {
    path: file,
    format: 'social',
    source,
    blocks,
    directives: directives.sort((a, b) => a.start - b.start),
    ...(fm ? { frontMatter: fm.data } : {}),
    posts,
  };
}

// A line plainly continues the one before when it starts in lower case, or when the line before
// stops mid-phrase (a comma, a colon, a dash, an `and`).
const CONTINUES_NEXT = /^[ \t]*\p{Ll}/u;
const OPEN_END = /(?:[,;:&+(\u2013\u2014-]|\b(?:and|or|but|nor|the|a|an|of|to|in|on|at|for|with|by|from|as|is|are|was|our|your|their|its|my)\b)[ \t]*$/iu;

/**
 * A post's lines are often items of their own: a title, a date line, a place, a line of hashtags.
 * A line break ends the block unless the next line plainly continues the sentence, so no sentence
 * runs from a title into a date and on into the hashtags.
 */
export function lineItems(b: Block): Block[] {
  const t = b.text;
  if (!t.includes('\n')) return [b];
  const out: Block[] = [];
  let from = 0;
  for (let nl = t.indexOf('\n'); nl >= 0; nl = t.indexOf('\n', nl + 1)) {
    const prev = t.slice(from, nl);
    const next = t.slice(nl + 1, t.indexOf('\n', nl + 1) < 0 ? t.length : t.indexOf('\n', nl + 1));
    if (!/\S/.test(prev) || CONTINUES_NEXT.test(next) || OPEN_END.test(prev)) continue;
    pushSlice(out, b, from, nl);
    from = nl + 1;
  }
  if (from === 0) return [b];
  pushSlice(out, b, from, t.length);
  return out;
}

/** b.text[from, to), trimmed, as a block of its own (with its marks and regions). */
function pushSlice(out: Block[], b: Block, from: number, to: number): void {
  while (from < to && /\s/.test(b.text[from]!)) from++;
  while (to > from && /\s/.test(b.text[to - 1]!)) to--;
  if (to <= from) return;
  const part: Block = {
    ...b,
    text: b.text.slice(from, to),
    map: b.map.slice(from, to),
    marks: b.marks.filter((m) => m.at >= from && m.at <= to).map((m) => ({ kind: m.kind, at: m.at - from })),
  };
  const regions = b.regions?.map((g) => ({ kind: g.kind, start: Math.max(g.start, from) - from, end: Math.min(g.end, to) - from })).filter((g) => g.end > g.start);
  if (regions?.length) part.regions = regions;
  else delete part.regions;
  out.push(part);
}

// An opening code fence: up to three spaces, then three or more backticks or tildes (CommonMark).
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Line starts and ends (before the break) of text[from, to). */
function* lines(text: string, from: number): Generator<[number, number, number]> {
  let pos = from;
  while (pos < text.length) {
    let le = pos;
    while (le < text.length && text.charCodeAt(le) !== 10 && text.charCodeAt(le) !== 13) le++;
    const next = le >= text.length ? le : text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10 ? le + 2 : le + 1;
    yield [pos, le, next];
    if (next === pos) break;
    pos = next;
  }
}

/**
 * Fenced code blocks of the body, as [start of the opening fence line, end of the closing one]. An
 * unclosed fence runs to the end (as CommonMark reads it). Backtick fences with a backtick in their
 * info string are inline code, not fences.
 */
function fences(work: string, from: number): [number, number][] {
  const out: [number, number][] = [];
  let open: { char: string; len: number; start: number } | undefined;
  for (const [ls, le] of lines(work, from)) {
    const line = work.slice(ls, le);
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === open.char && close[1]!.length >= open.len) {
        out.push([open.start, le]);
        open = undefined;
      }
      continue;
    }
    const m = FENCE_OPEN.exec(line);
    if (m && !(m[1]![0] === '`' && line.slice(m[0].length).includes('`'))) open = { char: m[1]![0]!, len: m[1]!.length, start: ls };
  }
  if (open) out.push([open.start, work.length]);
  return out;
}

/**
 * Thread separators: `---` lines of the body, except inside fenced code and, in Markdown posts,
 * under a paragraph line (there `---` underlines a heading: "**Key findings**\n---").
 */
function separators(work: string, bodyStart: number, markdown: boolean): [number, number][] {
  const code = fences(work, bodyStart);
  const out: [number, number][] = [];
  let prevPara = false;
  let c = 0;
  for (const [ls, le] of lines(work, bodyStart)) {
    while (c < code.length && code[c]![1] < ls) c++;
    const inCode = c < code.length && code[c]![0] <= ls;
    const line = work.slice(ls, le);
    const blank = !/\S/.test(line);
    if (!inCode && /^---+[ \t]*$/.test(line) && !(markdown && prevPara)) {
      out.push([ls, le]);
      prevPara = false;
      continue;
    }
    // A paragraph line: text that is not code, a heading, a list item, a quote, a table row or HTML.
    // Once a paragraph runs, any text line continues it (lazily) unless an ATX heading interrupts it.
    prevPara =
      markdown && !inCode && !blank && !/^ {0,3}#{1,6}(?:\s|$)/.test(line) && (prevPara || !/^(?: {0,3}(?:[-*+]\s|\d{1,9}[.)]\s|>|<|\|)| {4,})/.test(line));
  }
  return out;
}

/** The text with fenced code blocks blanked (same length, line breaks kept). */
function blankFences(work: string, from: number): string {
  let out = '';
  let at = 0;
  for (const [s, e] of fences(work, from)) {
    out += work.slice(at, s) + work.slice(s, e).replace(/[^\r\n]/g, ' ');
    at = e;
  }
  return out + work.slice(at);
}

function plainPostBlocks(work: string, post: Post): Block[] {
  const out: Block[] = [];
  // A linear scan and trimEnd: the regex and /\s+$/ used here were quadratic on long blank runs.
  for (const p of paragraphSpans(work, post.start, post.end)) {
    const text = work.slice(p.start, p.end).trimEnd();
    out.push(sliceBlock(work, p.start, p.start + text.length, 'paragraph'));
  }
  return out;
}

/**
 * A Markdown post body through the Markdown parser: the post's own lines only, its maps shifted to
 * source offsets (parsing the whole file once per post, blanked around it, was quadratic: 3,000
 * posts took 70 s). A leading line break keeps a post that opens with `+++` from reading as front
 * matter.
 */
function markdownBlocks(work: string, file: string, post: Post): Block[] {
  let lineStart = post.start;
  while (lineStart > 0 && work[lineStart - 1] !== '\n' && work[lineStart - 1] !== '\r') lineStart--;
  const shift = lineStart - 1;
  try {
    const blocks = parseMarkdown('\n' + work.slice(lineStart, post.end), file).blocks;
    const out: Block[] = [];
    for (const b of blocks) {
      if (b.map.length === 0) continue;
      const map = new Int32Array(b.map.length);
      for (let i = 0; i < map.length; i++) map[i] = b.map[i]! + shift;
      if (map[0]! >= post.start && map[0]! < post.end) out.push({ ...b, map });
    }
    return out;
  } catch {
    return plainPostBlocks(work, post);
  }
}

/** Where the YAML between the front matter fences starts and ends. */
function frontMatterContent(source: string, fm: FrontMatter): [number, number] | undefined {
  const firstBreak = /\r\n|\r|\n/.exec(source.slice(fm.start));
  if (!firstBreak) return undefined;
  const start = fm.start + firstBreak.index + firstBreak[0].length;
  const end = fm.end - 3;
  return end > start ? [start, end] : undefined;
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

/** `alt` / `alt_text` / `description` values of the front matter's `media:` and `images:` lists. */
function mediaAltBlocks(source: string, fm: FrontMatter): Block[] {
  const out: Block[] = [];
  const range = frontMatterContent(source, fm);
  if (!range) return out;
  const [contentStart, contentEnd] = range;
  try {
    const doc = yaml().parseDocument(source.slice(contentStart, contentEnd));
    for (const key of ['media', 'images']) {
      const list = doc.get(key, true);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (!isMap(item)) continue;
        for (const altKey of ['alt', 'alt_text', 'description']) {
          const v = item.get(altKey, true);
          if (!isScalar(v) || typeof v.value !== 'string' || !v.range) continue;
          const style = (v.type ?? 'PLAIN') as FrontMatterField['style'];
          if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') continue;
          const quoted = style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE';
          const start = contentStart + v.range[0] + (quoted ? 1 : 0);
          let end = contentStart + v.range[1] - (quoted ? 1 : 0);
          while (end > start && /\s/.test(source[end - 1]!)) end--;
          const { text, map } = fieldText(source, { start, end, value: v.value, style });
          if (LETTER_OR_DIGIT.test(text)) out.push({ kind: 'alt', text, map, marks: [] });
        }
      }
    }
  } catch {
    // Broken YAML: the posts are still linted.
  }
  return out;
}

/** Platforms of a draft: front matter, then a file-name infix, then the social channel's list. */
export function platformsOf(data: Record<string, unknown> | undefined, file: string, guide?: Guide): string[] {
  const fromData = data ? [...names(data.platform), ...names(data.platforms), ...names(data.media)] : [];
  const known = unique(fromData.map(normalizePlatform).filter((p): p is string => !!p));
  if (known.length) return known;
  // launch.x.txt, post.linkedin.md: a known platform between the name and the extension.
  const parts = path.basename(file).toLowerCase().split('.');
  for (let i = parts.length - 2; i >= 1; i--) {
    const p = normalizePlatform(parts[i]!);
    if (p && (PLATFORMS as readonly string[]).includes(p)) return [p];
  }
  // Any social-format document is in the social channel, whichever globs matched it.
  const ch = guide?.channels.social;
  if (ch) {
    {
      const listed = names(ch.platforms).map(normalizePlatform).filter((p): p is string => !!p);
      if (listed.length) return unique(listed);
      // No list: every platform the channel sets a limit for.
      return unique(Object.keys(ch).map(normalizePlatform).filter((p): p is string => !!p && (PLATFORMS as readonly string[]).includes(p)));
    }
  }
  return [];
}

/** String entries of a scalar or list; objects (twitter-together's `media: [{file, alt}]`) are not platforms. */
function names(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/[,\s]+/).filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
