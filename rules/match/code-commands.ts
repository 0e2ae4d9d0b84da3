// A command the document itself shows as code: a post that shows `acme top` or a ``` block with
// `$ acme viz tap` writes "run acme top" in prose as the same command, not as a misspelt name.
// Only the first two words of a command (the tool and its subcommand) count.
import type { ProseDocument } from '../types.js';

const cache = new WeakMap<ProseDocument, { set: Set<string>; digest: string }>();

// Inline code spans, and lines of fenced or indented code: the text of each, read once per document.
const SPAN = /`([^`\n]{1,300})`/g;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^[ \t]{0,3}\1[ \t]*$/gm;
const COMMAND = /(?:^|&&|\|\||[;|]|\$)\s*([a-z][a-z0-9_-]*)\s+([a-z][a-z0-9_-]*)/g;

/** The "tool subcommand" pairs shown in the document's code, and a digest of them for caches. */
export function codeCommands(doc: ProseDocument): { set: Set<string>; digest: string } {
  let c = cache.get(doc);
  if (!c) {
    const set = new Set<string>();
    const add = (code: string) => {
      for (const line of code.split('\n')) {
        COMMAND.lastIndex = 0;
        for (let m = COMMAND.exec(line); m; m = COMMAND.exec(line)) set.add(`${m[1]} ${m[2]}`);
      }
    };
    const src = doc.source;
    if (src.includes('`') || src.includes('~~~')) {
      SPAN.lastIndex = 0;
      for (let m = SPAN.exec(src); m; m = SPAN.exec(src)) add(m[1]!);
      FENCE.lastIndex = 0;
      for (let m = FENCE.exec(src); m; m = FENCE.exec(src)) add(m[2]!);
    }
    c = { set, digest: set.size === 0 ? '' : hash([...set].sort().join('\u0001')) };
    cache.set(doc, c);
  }
  return c;
}

/** Whether text[start, end) is a lowercase tool name followed by a subcommand the document shows as code. */
export function commandShownInCode(doc: ProseDocument, text: string, start: number, end: number): boolean {
  const name = text.slice(start, end);
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) return false;
  const next = /^[ \t]+([a-z][a-z0-9_-]*)/.exec(text.slice(end, end + 40));
  if (!next) return false;
  const { set } = codeCommands(doc);
  return set.size > 0 && set.has(`${name} ${next[1]}`);
}

/** FNV-1a, 32 bits: a short key for the set (block caches join it into every key). */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36) + ':' + s.length;
}
