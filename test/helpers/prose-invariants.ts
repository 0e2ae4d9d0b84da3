// The contract between a parser and the rules: every prose char maps back to the source char it
// came from (or to the escape/entity that wrote it), maps only increase, and no prose char comes
// from a forbidden range. Returns human-readable problems (empty when the document is sound).
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { SEPARATOR, type ProseDocument } from '../../rules/types.js';
import { rangeAt, type Range } from './forbidden-ranges.js';

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/y;

function entityAt(src: string, at: number): string | undefined {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(src);
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const d = decodeNamedCharacterReference(m[3]);
    return d === false ? undefined : d;
  }
  const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
  try {
    return code === 0 ? '\uFFFD' : String.fromCodePoint(code);
  } catch {
    return '\uFFFD';
  }
}

/** Whether text char `ch` (at index k of its block) may map to source offset `at`. */
function charOk(src: string, ch: string, at: number, prevAt: number, yaml: boolean): boolean {
  const s = src[at];
  if (s === ch) return true;
  if (ch === '\n' && s === '\r') return true; // a lone CR line ending
  if (ch === '\uFFFD' && s === '\0') return true; // CommonMark replaces U+0000
  // A backslash escape starts here (YAML double quotes also have \n, \u00e9…).
  if (s === '\\' && (src[at + 1] === ch || yaml)) return true;
  const ent = entityAt(src, at);
  if (ent !== undefined) return ent[0] === ch || ent === '\uFFFD';
  // The second UTF-16 unit of an entity that decodes to two, mapped just after its '&'.
  if (prevAt === at - 1) {
    const prev = entityAt(src, prevAt);
    if (prev !== undefined && prev.length > 1 && prev[1] === ch) return true;
  }
  return false;
}

export function proseProblems(doc: ProseDocument, forbidden?: Range[], limit = 20): string[] {
  const problems: string[] = [];
  const src = doc.source;
  for (const b of doc.blocks) {
    if (b.text.length !== b.map.length) problems.push(`${b.kind}: text ${b.text.length} chars, map ${b.map.length}`);
    let prev = -1;
    for (let i = 0; i < b.text.length && problems.length < limit; i++) {
      const at = b.map[i]!;
      const ch = b.text[i]!;
      const where = `${b.kind} ${JSON.stringify(b.text.slice(Math.max(0, i - 15), i + 15))} [${i}]`;
      if (!(at > prev)) problems.push(`${where}: map not increasing (${prev} then ${at})`);
      if (at < 0 || at >= src.length) problems.push(`${where}: offset ${at} outside the source`);
      else if (ch !== SEPARATOR) {
        if (!charOk(src, ch, at, i > 0 ? b.map[i - 1]! : -2, b.kind === 'front-matter'))
          problems.push(`${where}: text ${JSON.stringify(ch)} maps to source ${JSON.stringify(src.slice(at, at + 8))} at ${at}`);
        // A space may stand for the whitespace inside a tag that ends a word (`</i\n  >`): no word maps there.
        const r = forbidden && !(/\s/.test(ch) && /\s/.test(src[at]!)) && rangeAt(forbidden, at);
        if (r) problems.push(`${where}: ${JSON.stringify(ch)} at ${at} is inside non-prose ${JSON.stringify(src.slice(r[0], Math.min(r[1], r[0] + 40)))}`);
      }
      prev = at;
    }
    for (const m of b.marks) if (m.at < 0 || m.at > b.text.length) problems.push(`${b.kind}: mark ${m.kind} at ${m.at} outside the text`);
    if (problems.length >= limit) break;
  }
  return problems;
}
