import type { Block, Finding, Fix, Guide, Post, ProseDocument, TextEdit } from './types.js';
import { SEPARATOR } from './types.js';
import { tokensOf } from './match/tokens.js';
import { readFrontMatter, type FrontMatter, type FrontMatterField } from './parse/frontmatter.js';
import { countFor, limitOf, platformName, postPlatforms, postText, socialChannel } from './text/platforms.js';

/**
 * Apply every unambiguous fix (a finding with exactly one fix) that does not overlap another.
 * Edits never reach outside their finding's span, except the quotes a front-matter value needs
 * (guardFixes puts them there). Returns the new text and how many were applied.
 */
export function applyFixes(source: string, findings: Finding[]): { output: string; applied: number } {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (f.fixes.length !== 1) continue;
    const fe = f.fixes[0]!.edits;
    if (!fe.every((e) => (e.start >= f.start && e.end <= f.end) || quotesItsLine(source, e, f))) continue;
    edits.push(...fe);
  }
  return applyEdits(source, edits);
}

/** An edit that rewrites the finding's one-line front-matter value as a quoted string. */
function quotesItsLine(source: string, e: TextEdit, f: Finding): boolean {
  return e.start <= f.start && e.end >= f.end && !source.slice(e.start, e.end).includes('\n') && e.text.startsWith('"') && e.text.endsWith('"');
}

/** Apply non-overlapping edits (earlier ones win on overlap); identical edits count once. */
export function applyEdits(source: string, edits: TextEdit[]): { output: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += source.slice(pos, e.start) + e.text;
    pos = e.end;
    applied++;
  }
  return { output: out + source.slice(pos), applied };
}

// ---------------------------------------------------------------------------------------------
// What a fix may touch. Every finding passes here (lintDocument), so the CLI's --fix, the language
// server's quick fixes and fix-all, and the MCP tool all offer the same fixes: an edit replaces
// prose the parser read, as it read it (no markup, no URL, handle, hashtag or template code, no
// separator standing for excluded content); a front-matter value stays valid YAML; a social post
// is not pushed over a platform's limit.

export function guardFixes(doc: ProseDocument, guide: Guide, findings: Finding[]): void {
  let index: BlockIndex | undefined;
  let fm: FrontMatter | null | undefined;
  let posts: Map<Post, PostCount> | undefined;
  for (const f of findings) {
    if (f.fixes.length === 0) continue;
    index ??= new BlockIndex(doc);
    const kept: Fix[] = [];
    let altered = false;
    let why: string | undefined;
    for (const fix of f.fixes) {
      const edits: TextEdit[] = [];
      let ok = true;
      let changed = false;
      for (const e of fix.edits) {
        const block = index.proseBlock(e);
        if (!block || inHashtag(doc.source, e)) {
          ok = false;
          break;
        }
        if (block.kind === 'front-matter' || inFrontMatter((fm ??= readFrontMatter(doc.source) ?? null), e)) {
          const safe = yamlSafe(doc.source, (fm ??= readFrontMatter(doc.source) ?? null), e);
          if (!safe) {
            ok = false;
            break;
          }
          if (safe !== e) changed = true;
          edits.push(safe);
        } else if (block.kind === 'attribute' && QUOTE_BREAKING.test(e.text)) {
          ok = false;
          break;
        } else edits.push(e);
      }
      if (!ok) continue;
      const over = overLimit(doc, guide, edits, (posts ??= new Map()));
      if (over) {
        why = over;
        continue;
      }
      if (changed) altered = true;
      kept.push(changed ? { ...fix, edits } : fix);
    }
    if (altered || kept.length !== f.fixes.length) f.fixes = kept;
    if (why && kept.length === 0) f.message += ` Not fixed automatically: ${why}.`;
  }
}

/** Blocks by the source offset they start at, to find the block an edit lies in. */
class BlockIndex {
  private readonly blocks: Block[];
  private readonly starts: number[];
  private readonly source: string;
  constructor(doc: ProseDocument) {
    this.source = doc.source;
    this.blocks = doc.blocks.filter((b) => b.map.length > 0).sort((a, b) => a.map[0]! - b.map[0]!);
    this.starts = this.blocks.map((b) => b.map[0]!);
  }

  /** The block whose text the edit replaces as written (or inserts into), if any. */
  proseBlock(e: TextEdit): Block | undefined {
    const top = upperBound(this.starts, e.start) - 1;
    // Blocks may nest (alt text in a paragraph): try the few that start at or before the edit.
    for (let k = top; k >= 0 && k > top - 8; k--) {
      const b = this.blocks[k]!;
      if (b.map[b.map.length - 1]! + 1 < e.start) continue;
      if (replacesProse(this.source, b, e)) return b;
    }
    return undefined;
  }
}

function replacesProse(source: string, b: Block, e: TextEdit): boolean {
  const i = lowerBound(b.map, e.start);
  if (e.start === e.end) {
    // An insertion: at a character of the text, or right after its last one.
    return (i < b.map.length && b.map[i] === e.start) || (i > 0 && b.map[i - 1]! + 1 === e.start);
  }
  if (i >= b.map.length || b.map[i] !== e.start) return false;
  let j = i;
  while (j < b.map.length && b.map[j]! < e.end) j++;
  // Verbatim: no markup, entity or line-continuation of the source in between.
  if (j - i !== e.end - e.start || source.slice(e.start, e.end) !== b.text.slice(i, j)) return false;
  for (let k = i; k < j; k++) if (b.text[k] === SEPARATOR) return false;
  const tokens = tokensOf(b);
  for (let k = firstTokenEndingAfter(tokens, i); k < tokens.length && tokens[k]!.start < j; k++) if (tokens[k]!.skip) return false;
  return true;
}

// An attribute's value or a template tag's string argument ends at its quote: a replacement with a
// quote, a backslash or template delimiters could end it early or open code.
const QUOTE_BREAKING = /["'\\{}%<>`]/;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/**
 * Is the edit inside a hashtag's word? A tag is what the post is found by: a fix never renames it
 * (#utilize -> #use) nor ends it early (#AcmeCloud -> #Acme Cloud); the finding still shows the word.
 */
function inHashtag(source: string, e: TextEdit): boolean {
  let i = e.start;
  while (i > 0 && WORD_CHAR.test(source[i - 1]!)) i--;
  return source[i - 1] === '#';
}

function firstTokenEndingAfter(tokens: ReadonlyArray<{ end: number }>, i: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inFrontMatter(fm: FrontMatter | null, e: TextEdit): boolean {
  return !!fm && e.start >= fm.start && e.end <= fm.end;
}

const PLAIN_UNSAFE = /: |:$| #|^[-?:,[\]{}#&*!|>'"%@`]|^\s|\s$/;

/**
 * The edit as valid YAML inside its front-matter value: escaped in a quoted value, or the whole
 * one-line plain value rewritten as a quoted string when the replacement needs it. Undefined when
 * neither is possible (no fix).
 */
function yamlSafe(source: string, fm: FrontMatter | null, e: TextEdit): TextEdit | undefined {
  const field = fm && fieldAt(fm, e);
  if (!field) return undefined;
  switch (field.style) {
    case 'QUOTE_DOUBLE':
      return { ...e, text: e.text.replace(/[\\"]/g, (c) => '\\' + c) };
    case 'QUOTE_SINGLE':
      return { ...e, text: e.text.replace(/'/g, "''") };
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return /[\r\n]/.test(e.text) ? undefined : e;
    default: {
      const value = source.slice(field.start, e.start) + e.text + source.slice(e.end, field.end);
      if (!PLAIN_UNSAFE.test(value)) return e;
      if (/[\r\n]/.test(source.slice(field.start, field.end))) return undefined;
      return { start: field.start, end: field.end, text: JSON.stringify(value) };
    }
  }
}

function fieldAt(fm: FrontMatter, e: TextEdit): FrontMatterField | undefined {
  for (const f of fm.fields.values()) if (e.start >= f.start && e.end <= f.end) return f;
  return undefined;
}

/** A post's published text, and the platforms it is within the limit of (those a fix could push over). */
interface PostCount {
  text: string;
  map: Int32Array;
  within: Array<{ platform: string; max: number; length: number }>;
  recounts: number;
}

/** Why these edits may not be applied: they would take a social post over a platform's limit. */
function overLimit(doc: ProseDocument, guide: Guide, edits: TextEdit[], counted: Map<Post, PostCount>): string | undefined {
  if (!doc.posts) return undefined;
  const grows = edits.some((e) => e.text.length > e.end - e.start);
  if (!grows) return undefined;
  const social = socialChannel(doc, guide);
  if (!social) return undefined;
  for (const post of doc.posts) {
    if (!edits.some((e) => e.start >= post.start && e.end <= post.end)) continue;
    let pc = counted.get(post);
    if (!pc) {
      const { text, map } = postText(doc, post);
      const within: PostCount['within'] = [];
      for (const p of postPlatforms(post, social)) {
        const limit = limitOf(social, p);
        // Over already: not a fix's doing.
        if (!limit) continue;
        const c = countFor(p, text, limit.max);
        if (c.overflowAt === undefined) within.push({ platform: p, max: limit.max, length: c.length });
      }
      counted.set(post, (pc = { text, map, within, recounts: 0 }));
    }
    if (pc.within.length === 0) continue;
    const { text, map } = pc;
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    for (const { platform, max, length } of pc.within) {
      // What the edits add, counted the platform's way: exact for prose, and the whole post is
      // counted again only near the limit (a long post with many fixes stays linear).
      let delta = 0;
      for (const e of sorted) delta += countFor(platform, e.text).length - countFor(platform, text.slice(lowerBound(map, e.start), lowerBound(map, e.end))).length;
      if (length + delta < max - 4) continue;
      // Far over, or many recounts of one long post already: the estimate decides.
      if (length + delta > max + 4 || ++pc.recounts > 20) {
        if (length + delta > max) return `the fix would take the post over ${platformName(platform)}'s limit (${length + delta}/${max})`;
        continue;
      }
      let after = '';
      let at = 0;
      for (const e of sorted) {
        const i = lowerBound(map, e.start);
        if (i < at) continue;
        after += text.slice(at, i) + e.text;
        at = lowerBound(map, e.end);
      }
      after += text.slice(at);
      const c = countFor(platform, after, max);
      if (c.overflowAt !== undefined) return `the fix would take the post over ${platformName(platform)}'s limit (${c.length}/${max})`;
    }
  }
  return undefined;
}

function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element greater than x in an ascending array. */
export function upperBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
