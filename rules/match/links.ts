// A link whose whole text is the name of what it links to: `[acme-cli](https://github.com/acme/acme-cli)`,
// `<a href="https://github.com/acme">acme</a>`. Its text is the repository's, team's or folder's
// name as the address spells it (an identifier), not the brand's name misspelt in prose.
import { SEPARATOR, type Block, type ProseDocument } from '../types.js';

/**
 * How far from a link's text the term rules read its markup (the `<a href>` before it, the `](url)`
 * or `][label]` after it). A block that has a link is cached with this much source on each side
 * (see linkContext), so what the rules read is part of its key.
 */
export const LINK_REACH = 600;

/** Whether text[start, end) of the block is the whole text of a link that names its own target. */
export function namesItsLinkTarget(doc: ProseDocument, block: Block, start: number, end: number): boolean {
  if (end <= start || !block.marks.some((m) => m.kind === 'link' && m.at === end)) return false;
  const url = linkTarget(doc.source, block, start, end);
  if (url === undefined) return false;
  const text = block.text.slice(start, end);
  const name = squash(text);
  // Written as the address writes it, or all in lowercase as identifiers are: "Prebuilds" linking
  // to …/docs/prebuilds is a feature's name in prose, capitalised.
  const lower = text === text.toLowerCase();
  return name !== '' && targetNames(url).some((n) => (lower ? squash(n).toLowerCase() === name : squash(n) === name));
}

/**
 * Whether text[start, end) opens the text of a longer link whose words are the name of the site it
 * links to: `[Golang Cafe](https://golang.cafe/)`, `[Golang UK](https://golanguk.com)`, `[Gophers
 * slack](https://gophers.slack.com)`. The name of someone else's site, not the brand's name misspelt.
 */
export function partOfLinkedSiteName(doc: ProseDocument, block: Block, start: number, end: number): boolean {
  const mark = block.marks.find((m) => m.kind === 'link' && m.at > end && m.at - end <= 40);
  if (!mark || !/^[ \t\p{L}\p{N}'’-]+$/u.test(block.text.slice(end, mark.at))) return false;
  const url = linkTarget(doc.source, block, start, mark.at);
  if (url === undefined) return false;
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?(?:www\.)?([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  if (!host || !host.includes('.')) return false;
  const name = squash(block.text.slice(start, mark.at)).toLowerCase();
  return name === squash(host) || name === squash(host.slice(0, host.lastIndexOf('.')));
}

/** The longest link text linkText reads back over. */
const LINK_TEXT_MAX = 200;

/**
 * The text of the link that holds text[start, end), as [from, to) in the block's text, or undefined
 * when no link holds it. The link ends at the first link mark after `end`; its text opens after a
 * `[` or a tag's `>` in the source (emphasis aside), and runs on in the source without other markup.
 */
export function linkText(doc: ProseDocument, block: Block, start: number, end: number): [number, number] | undefined {
  const mark = block.marks.find((m) => m.kind === 'link' && m.at >= end);
  if (!mark || mark.at - end > LINK_TEXT_MAX) return undefined;
  const { text, map } = block;
  const src = doc.source;
  for (let i = start; i >= 0 && start - i <= LINK_TEXT_MAX; i--) {
    if (text[i] === SEPARATOR) return undefined;
    let s = map[i]! - 1;
    while (s >= 0 && (src[s] === '*' || src[s] === '_' || src[s] === '~')) s--;
    if (s < 0 || (src[s] !== '[' && src[s] !== '>')) continue;
    // Nothing but emphasis or a line break between its characters: no other link or tag inside.
    for (let k = i; k < mark.at - 1; k++) {
      if (text[k + 1] === SEPARATOR || /[<>[\]()]/.test(src.slice(map[k]! + 1, map[k + 1]!))) return undefined;
    }
    return [i, mark.at];
  }
  return undefined;
}

/** A name compared the way an address spells it: spaces and `- _ .` aside (crates-io = crates.io). */
const squash = (s: string): string => s.replace(/[\s\-_.]+/g, '');

/**
 * The names a link's address gives what it points at: its last path segment (`…/tree/main/acme-cli`)
 * and the owner and project that a code host's address starts with (`github.com/acme/cloud/issues/4`).
 * The host alone names a site, not a repository: it gives none.
 */
function targetNames(url: string): string[] {
  let path = url.replace(/[?#].*$/s, '');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  const parts = path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  if (parts.length === 0) return [];
  return [parts[parts.length - 1]!, parts[0]!, ...(parts.length > 1 ? [parts[1]!] : [])];
}

const OPEN_TAG = /^<([a-z][a-z0-9]*)\b[^<>]*>$/i;
const CLOSE_TAG = /^<\/([a-z][a-z0-9]*)\s*>$/i;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** The address of the link whose text is exactly text[start, end), read from the source around it. */
function linkTarget(source: string, block: Block, start: number, end: number): string | undefined {
  const s0 = block.map[start]!;
  const e0 = block.map[end - 1]! + 1;
  // Before the text: emphasis or opening tags, then `[` or `<a href>`.
  let i = s0;
  let href: string | undefined;
  let markdown = false;
  while (s0 - i < LINK_REACH && i > 0) {
    const c = source[i - 1]!;
    if (c === '*' || c === '_' || c === '~') i--;
    else if (c === '[') {
      markdown = true;
      break;
    } else if (c === '>') {
      let lt = i - 1;
      while (lt >= 0 && s0 - lt <= LINK_REACH && source[lt] !== '<') lt--;
      if (lt < 0 || s0 - lt > LINK_REACH) return undefined;
      const tag = OPEN_TAG.exec(source.slice(lt, i));
      if (!tag) return undefined;
      if (tag[1]!.toLowerCase() === 'a') {
        const h = HREF.exec(tag[0]);
        href = h ? (h[1] ?? h[2] ?? h[3])! : undefined;
        if (href === undefined) return undefined;
        break;
      }
      i = lt;
    } else return undefined;
  }
  if (!markdown && href === undefined) return undefined;
  const labelStart = i;
  // After the text: emphasis or closing tags, then `</a>` or `]`.
  let j = e0;
  while (j - e0 < LINK_REACH && j < source.length) {
    const c = source[j]!;
    if (c === '*' || c === '_' || c === '~') j++;
    else if (c === '<') {
      let gt = j;
      while (gt < source.length && gt - e0 <= LINK_REACH && source[gt] !== '>') gt++;
      if (gt >= source.length || gt - e0 > LINK_REACH) return undefined;
      const tag = CLOSE_TAG.exec(source.slice(j, gt + 1));
      if (!tag) return undefined;
      if (tag[1]!.toLowerCase() === 'a') return href;
      j = gt + 1;
    } else if (c === ']' && markdown) return markdownTarget(source, labelStart, j, e0);
    else return undefined;
  }
  return undefined;
}

/** `](url)`, `][label]`, `][]` or `]` after a Markdown link's text source[labelStart, close). */
function markdownTarget(source: string, labelStart: number, close: number, e0: number): string | undefined {
  const after = source.slice(close + 1, Math.min(source.length, e0 + LINK_REACH));
  const inline = /^\(\s*<?([^\s()<>]+)/.exec(after);
  if (inline) return inline[1];
  const full = /^\[([^\]]*)\]/.exec(after);
  const label = full && full[1]!.trim() !== '' ? full[1]! : source.slice(labelStart, close);
  return definitions(source).get(normalizeLabel(label));
}

const normalizeLabel = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

const DEFINITION = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:[ \t]*\n?[ \t]*<?([^\s<>]+)/gm;
let defsOf: { source: string; defs: Map<string, string>; digest: string } | undefined;

/** The document's link reference definitions (`[label]: url`), label to address; the first wins. */
function definitions(source: string): Map<string, string> {
  return definitionsOf(source).defs;
}

function definitionsOf(source: string): { defs: Map<string, string>; digest: string } {
  if (defsOf?.source === source) return defsOf;
  const defs = new Map<string, string>();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let n = 0;
  if (source.includes(']:')) {
    DEFINITION.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DEFINITION.exec(source))) {
      const label = normalizeLabel(m[1]!);
      if (defs.has(label)) continue;
      defs.set(label, m[2]!);
      const entry = `${label}\u0001${m[2]!}\u0002`;
      n += entry.length;
      for (let k = 0; k < entry.length; k++) {
        const c = entry.charCodeAt(k);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
      }
    }
  }
  defsOf = { source, defs, digest: `${defs.size}:${n}:${h1 >>> 0}:${h2 >>> 0}` };
  return defsOf;
}

/**
 * What a block-scope rule that reads link targets depends on beyond the block's own source: the
 * source LINK_REACH around it and the document's reference definitions. Empty for a block with no link.
 */
export function linkContext(doc: ProseDocument, block: Block): string {
  if (!block.marks.some((m) => m.kind === 'link') || block.map.length === 0) return '';
  const a = block.map[0]!;
  const z = block.map[block.map.length - 1]!;
  const src = doc.source;
  return src.slice(Math.max(0, a - LINK_REACH), a) + '\u0003' + src.slice(z, z + LINK_REACH + 1) + '\u0003' + definitionsOf(src).digest;
}
