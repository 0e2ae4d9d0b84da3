// YAML front matter (`---` … `---` at the very start of a file, also after a BOM), shared by the
// Markdown, email and social parsers. Besides the parsed data it gives the exact source offsets of
// every top-level scalar value, so a `title:` or `subject:` can be linted like any other prose.
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { fastYaml } from '../guide/fast-yaml.js';

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface FrontMatterField {
  /** Source offsets of the value text, end exclusive; inside the quotes when quoted. */
  start: number;
  end: number;
  /** The value as YAML reads it (numbers and booleans as written, e.g. "2024"). */
  value: string;
  style: ScalarStyle;
}

export interface FrontMatter {
  /** Offset of the opening `---`. */
  start: number;
  /** Offset just after the closing `---`. */
  end: number;
  /** Offset where the body starts (after the closing fence's line ending). */
  bodyStart: number;
  data: Record<string, unknown>;
  fields: Map<string, FrontMatterField>;
}

const FENCE_OPEN = /---[ \t]*(?:\r\n|\r|\n)/y;
const FENCE_CLOSE = /---[ \t]*(?:\r\n|\r|\n|$)/y;

export function readFrontMatter(source: string): FrontMatter | undefined {
  return read(source, false);
}

/** The same with every front matter read by `yaml` (the reference of the fast reader's differential test). */
export function readFrontMatterReference(source: string): FrontMatter | undefined {
  return read(source, true);
}

function read(source: string, reference: boolean): FrontMatter | undefined {
  const start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  FENCE_OPEN.lastIndex = start;
  const open = FENCE_OPEN.exec(source);
  if (!open) return undefined;
  const contentStart = start + open[0].length;
  // The closing fence: the first line after the opening one that is exactly `---` (as remark-frontmatter).
  let close: RegExpExecArray | null = null;
  let at = contentStart;
  while (at <= source.length) {
    if (source.startsWith('---', at)) {
      FENCE_CLOSE.lastIndex = at;
      const m = FENCE_CLOSE.exec(source);
      if (m) {
        close = m;
        break;
      }
    }
    const nl = nextLine(source, at);
    if (nl < 0) break;
    at = nl;
  }
  if (!close) return undefined;
  const contentEnd = at;
  const end = at + 3;
  const bodyStart = at + close[0].length;
  const content = source.slice(contentStart, contentEnd);
  const { data, fields } = (reference ? undefined : fieldsFast(content, contentStart)) ?? fieldsOf(content, contentStart);
  return { start, end, bodyStart, data, fields };
}

type Fields = Pick<FrontMatter, 'data' | 'fields'>;

function fieldsOf(content: string, contentStart: number): Fields {
  const data: Record<string, unknown> = {};
  const fields = new Map<string, FrontMatterField>();
  try {
    const doc = parseDocument(content, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    const root = doc.contents;
    if (isMap(root)) {
      try {
        const js: unknown = doc.toJS({ maxAliasCount: 100 });
        if (js && typeof js === 'object' && !Array.isArray(js)) Object.assign(data, js);
      } catch {
        // Bad aliases and the like: keep the fields we can still read.
      }
      for (const pair of root.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (key === null || key === undefined || typeof key === 'object') continue;
        const name = String(key);
        const value = pair.value;
        if (isScalar(value) && value.range && value.value !== null && !fields.has(name)) {
          const f = fieldOf(content, value, contentStart);
          if (f) fields.set(name, f);
        }
      }
    }
  } catch {
    // Broken YAML is not ours to report; the body is still linted.
  }
  return { data, fields };
}

/**
 * Most front matter is plain `key: value` lines, which the guide's fast reader handles exactly
 * (same values as yaml's toJS, or undefined for anything outside its subset); building yaml's
 * positioned Document for it was about 3 % of linting a Markdown corpus. Undefined: read it with yaml.
 */
function fieldsFast(content: string, contentStart: number): Fields | undefined {
  const fast = fastYaml(content);
  if (!fast) return undefined;
  const data: Record<string, unknown> = {};
  const fields = new Map<string, FrontMatterField>();
  if (!fast.root) return { data, fields };
  Object.assign(data, fast.value);
  const { keys, values } = fast.root;
  for (let i = 0; i < keys!.length; i++) {
    const node = values![i]!;
    if (node.keys || node.items) continue;
    const value = (fast.value as Record<string, unknown>)[keys![i]!.name];
    if (value === null || value === undefined) continue;
    // fastYaml reads one-line scalars only: the value ends on its line.
    const s = node.start;
    const c = content.charCodeAt(s);
    const style: ScalarStyle = c === 34 ? 'QUOTE_DOUBLE' : c === 39 ? 'QUOTE_SINGLE' : 'PLAIN';
    let start = s;
    let end: number;
    if (style === 'PLAIN') {
      end = lineEnd(content, s);
      const comment = content.slice(s, end).search(/\s#/);
      if (comment >= 0) end = s + comment;
      while (end > start && /\s/.test(content[end - 1]!)) end--;
    } else {
      start = s + 1;
      end = closingQuote(content, start, c);
      if (end < 0) return undefined;
    }
    fields.set(keys![i]!.name, { start: contentStart + start, end: contentStart + end, value: String(value), style });
  }
  return { data, fields };
}

function lineEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return s.length;
}

/** Offset of the quote closing a one-line quoted scalar whose text starts at `from`, or -1. */
function closingQuote(s: string, from: number, quote: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) return -1;
    if (quote === 34 && c === 92) i++;
    else if (c === quote) {
      if (quote === 39 && s.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}

function nextLine(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}

function fieldOf(content: string, node: Scalar, base: number): FrontMatterField | undefined {
  const [s, e] = node.range!;
  const style = (node.type ?? 'PLAIN') as ScalarStyle;
  let start = s;
  let end = e;
  if (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') {
    start = s + 1;
    end = Math.max(start, e - 1);
  } else if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    // Skip the header (`|`, `>-`, `|2` …) and its line; the text starts at the first content char.
    const nl = content.indexOf('\n', s);
    if (nl < 0 || nl >= e) return { start: base + e, end: base + e, value: String(node.value), style };
    start = nl + 1;
    while (start < e && /\s/.test(content[start]!)) start++;
    while (end > start && /\s/.test(content[end - 1]!)) end--;
  } else {
    while (end > start && /\s/.test(content[end - 1]!)) end--;
  }
  return { start: base + start, end: base + end, value: String(node.value), style };
}

/**
 * The prose of a scalar value with a source offset per character, for linting it: escapes decode to
 * the char they stand for (mapped to the escape's first char), line breaks inside the value stay as
 * '\n' (mapped to the line ending) and the indentation of continuation lines is skipped.
 */
export function fieldText(source: string, field: FrontMatterField): { text: string; map: Int32Array } {
  const { start, end, style } = field;
  const chars: string[] = [];
  const map = new Int32Array(Math.max(0, end - start));
  let n = 0;
  const push = (ch: string, at: number) => {
    chars.push(ch);
    map[n++] = at;
  };
  let lineStart = false;
  for (let i = start; i < end; ) {
    const c = source[i]!;
    if (c === '\r' || c === '\n') {
      const nl = c === '\r' && source[i + 1] === '\n' ? i + 1 : i;
      // Trailing blanks before a line break are not part of the value.
      while (n > 0 && (chars[n - 1] === ' ' || chars[n - 1] === '\t') && style !== 'BLOCK_LITERAL') {
        chars.pop();
        n--;
      }
      push('\n', nl);
      i = nl + 1;
      lineStart = true;
      continue;
    }
    if (lineStart && (c === ' ' || c === '\t')) {
      i++;
      continue;
    }
    lineStart = false;
    if (style === 'QUOTE_DOUBLE' && c === '\\') {
      const e = decodeYamlEscape(source, i, end);
      if (e) {
        if (e.text) for (const ch of e.text) push(ch, i);
        i += e.length;
        continue;
      }
    }
    if (style === 'QUOTE_SINGLE' && c === "'" && source[i + 1] === "'") {
      push("'", i);
      i += 2;
      continue;
    }
    push(c, i);
    i++;
  }
  return { text: chars.join(''), map: map.slice(0, n) };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

function decodeYamlEscape(s: string, i: number, end: number): { text: string; length: number } | undefined {
  const c = s[i + 1];
  if (c === undefined || i + 1 >= end) return undefined;
  if (c === '\n' || c === '\r') {
    // An escaped line break joins the lines without a space.
    let j = i + 2;
    if (c === '\r' && s[j] === '\n') j++;
    while (j < end && (s[j] === ' ' || s[j] === '\t')) j++;
    return { text: '', length: j - i };
  }
  if (c in SIMPLE_ESCAPES) return { text: SIMPLE_ESCAPES[c]!, length: 2 };
  const width = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (!width) return undefined;
  const hex = s.slice(i + 2, i + 2 + width);
  if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const cp = parseInt(hex, 16);
  if (cp > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(cp), length: 2 + width };
}
