// YAML front matter (`---` … `---` at the very start of a file, also after a BOM), shared by the
// Markdown, email and social parsers. Besides the parsed data it gives the exact source offsets of
// every top-level scalar value, so a `title:` or `subject:` can be linted like any other prose.
import type { Scalar } from 'yaml';
import type { Block } from '../types.js';
import { isMap, isScalar, isSeq, yaml } from '../lazy-yaml.js';
import { fastYaml, type FastYaml } from '../guide/fast-yaml.js';

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
    const doc = yaml().parseDocument(content, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
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
  if (!fast) return fieldsFolded(content, contentStart);
  const data: Record<string, unknown> = {};
  const fields = new Map<string, FrontMatterField>();
  if (!fast.root) return { data, fields };
  return addFast(fast, content, contentStart, data, fields) ? { data, fields } : undefined;
}

/** fastYaml's reading of `text` (which starts at source offset `base`) added to data and fields; false: leave it to yaml. */
function addFast(fast: FastYaml, text: string, base: number, data: Record<string, unknown>, fields: Map<string, FrontMatterField>): boolean {
  Object.assign(data, fast.value);
  const { keys, values } = fast.root!;
  for (let i = 0; i < keys!.length; i++) {
    const node = values![i]!;
    if (node.keys || node.items) continue;
    const value = (fast.value as Record<string, unknown>)[keys![i]!.name];
    if (value === null || value === undefined) continue;
    // fastYaml reads one-line scalars only: the value ends on its line.
    const s = node.start;
    const c = text.charCodeAt(s);
    const style: ScalarStyle = c === 34 ? 'QUOTE_DOUBLE' : c === 39 ? 'QUOTE_SINGLE' : 'PLAIN';
    let start = s;
    let end: number;
    if (style === 'PLAIN') {
      end = lineEnd(text, s);
      const comment = text.slice(s, end).search(/\s#/);
      if (comment >= 0) end = s + comment;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
    } else {
      start = s + 1;
      end = closingQuote(text, start, c);
      if (end < 0) return false;
    }
    fields.set(keys![i]!.name, { start: base + start, end: base + end, value: String(value), style });
  }
  return true;
}

// fieldsFolded's subset: a top-level key line, and the first character of a plain scalar's line.
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** A YAML indicator (`-?:` too, for simplicity): no plain scalar's line starts with one here. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const FOLDED_REFUSE = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029\ufeff]/;

/**
 * Front matter with multi-line plain scalars (`summary: A discussion of\n  testing time.`), which
 * fastYaml leaves to yaml: a fifth of the corpus's front matter, ~4 ms each to read with yaml. Its
 * top-level entries are read one at a time: a plain scalar over several lines is folded here (lines
 * trimmed and joined by a space, blank lines kept as line breaks), every other entry is read by
 * fastYaml on its own lines. Anything outside that (comments, tabs, CR, indicators or `: `/` #` in
 * the scalar, a one-line scalar that could be typed, repeated keys…) gives undefined: yaml reads it.
 * The differential test holds it to yaml (test/perf-frontmatter.test.ts).
 */
function fieldsFolded(content: string, contentStart: number): Fields | undefined {
  if (FOLDED_REFUSE.test(content)) return undefined;
  const lines = content.split('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at);
  // Entries: a key line at column 0 and the lines under it (indented, blank, or `-` items).
  const entries: Array<[number, number]> = [];
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const c = line.charCodeAt(0);
    if (line === '' || c === 32 || (c === 45 && (line.length === 1 || line.charCodeAt(1) === 32))) {
      if (entries.length === 0) return undefined;
      entries[entries.length - 1]![1] = i + 1;
    } else entries.push([i, i + 1]);
  }
  if (entries.length === 0) return undefined;
  const data: Record<string, unknown> = {};
  const fields = new Map<string, FrontMatterField>();
  const seen = new Set<string>();
  for (const [a, b] of entries) {
    const m = KEY_LINE.exec(lines[a]!);
    if (!m) return undefined;
    const key = m[1]!;
    // (A key yaml would type, `null:` or `true:`, is left to it.)
    if (seen.has(key) || key === '__proto__' || /^(?:null|true|false)$/i.test(key)) return undefined;
    seen.add(key);
    const rest = m[2] ?? '';
    const literal = /^\|-?$/.test(rest);
    const scalar = literal ? literalScalar(lines, starts, a, b, rest === '|-') : foldedScalar(lines, starts, a, b, rest);
    if (scalar) {
      data[key] = scalar.value;
      fields.set(key, { start: contentStart + scalar.start, end: contentStart + scalar.end, value: scalar.value, style: literal ? 'BLOCK_LITERAL' : 'PLAIN' });
      continue;
    }
    const from = starts[a]!;
    const text = content.slice(from, b < lines.length ? starts[b]! : content.length);
    const fast = fastYaml(text);
    if (!fast?.root?.keys || fast.root.keys.length !== 1 || fast.root.keys[0]!.name !== key) return undefined;
    if (!addFast(fast, text, contentStart + from, data, fields)) return undefined;
  }
  return { data, fields };
}

/**
 * The plain scalar of entry lines [a, b) when it spans several lines and is in fieldsFolded's subset
 * (offsets in the content), else undefined. `rest` is what follows `key: ` on the key line.
 */
function foldedScalar(lines: string[], starts: number[], a: number, b: number, rest: string): { value: string; start: number; end: number } | undefined {
  // The scalar's lines, trimmed ('' for a blank line), from its first non-blank one.
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  const take = (text: string, at: number): boolean => {
    const lead = text.length - text.trimStart().length;
    const t = text.trim();
    if (t === '') {
      if (parts.length > 0) parts.push('');
      return true;
    }
    if (INDICATOR.test(t)) return false;
    if (t.endsWith(':') || t.includes(': ') || t.includes(' #')) return false;
    if (start < 0) start = at + lead;
    end = at + lead + t.length;
    parts.push(t);
    return true;
  };
  if (rest !== '' && !take(rest, starts[a]! + lines[a]!.length - rest.length)) return undefined;
  for (let i = a + 1; i < b; i++) {
    const line = lines[i]!;
    if (line !== '' && line.charCodeAt(0) !== 32) return undefined; // a `-` item: a sequence
    if (!take(line, starts[i]!)) return undefined;
  }
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < 2) return undefined; // one line: fastYaml's (and its typing of `true`, `12`…)
  let value = parts[0]!;
  let blanks = 0;
  for (let k = 1; k < parts.length; k++) {
    if (parts[k] === '') blanks++;
    else {
      value += blanks > 0 ? '\n'.repeat(blanks) : ' ';
      value += parts[k];
      blanks = 0;
    }
  }
  return { value, start, end };
}

/**
 * A literal block scalar (`key: |` or `key: |-`, clipped or stripped) of entry lines [a, b): its
 * lines less the first content line's indentation, joined by line breaks. Undefined when no line
 * holds text, a text line is indented less, or a blank line holds more spaces than the indentation.
 */
function literalScalar(lines: string[], starts: number[], a: number, b: number, strip: boolean): { value: string; start: number; end: number } | undefined {
  let first = a + 1;
  while (first < b && lines[first]!.trim() === '') first++;
  if (first >= b) return undefined;
  const head = lines[first]!;
  const indent = head.length - head.trimStart().length;
  if (indent === 0) return undefined; // a `-` item at column 0: not the scalar's
  const out: string[] = [];
  let end = -1;
  for (let i = a + 1; i < b; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      if (line.length > indent) return undefined;
      out.push('');
      continue;
    }
    if (line.length - line.trimStart().length < indent) return undefined;
    out.push(line.slice(indent));
    end = starts[i]! + line.trimEnd().length;
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  // (Blank lines before the first text line are part of the value.)
  const value = out.join('\n') + (strip ? '' : '\n');
  return { value, start: starts[first]! + indent, end };
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

/** Front-matter keys and paths that hold rendered copy when the guide names none (`copy.front-matter`). */
export const DEFAULT_COPY_KEYS: readonly string[] = [
  'title', 'description', 'subtitle', 'summary', 'excerpt', 'cta', 'cta.text', 'cta.label', 'faq.question', 'faq.answer',
];

/**
 * The scalar values at each of `paths` (a key, or a dotted path through maps and lists:
 * `faq.question` is the question of every entry of the `faq` list), in source order, with the
 * path each was found at. Top-level keys come from the fields already read; deeper paths are read
 * with yaml, and only when the data holds their first key.
 */
export function copyFields(source: string, fm: FrontMatter, paths: readonly string[]): { path: string; field: FrontMatterField }[] {
  const out: { path: string; field: FrontMatterField }[] = [];
  const deep: string[][] = [];
  for (const p of paths) {
    const parts = p.split('.');
    if (parts.length === 1) {
      const f = fm.fields.get(p);
      if (f && f.end > f.start) out.push({ path: p, field: f });
    } else if (fm.data[parts[0]!] !== null && typeof fm.data[parts[0]!] === 'object') deep.push(parts);
  }
  if (deep.length) {
    const open = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/.exec(source);
    const contentStart = open ? open[0].length : 0;
    const content = source.slice(contentStart, fm.end - 3);
    try {
      const doc = yaml().parseDocument(content, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
      for (const parts of deep) {
        const visit = (node: unknown, k: number): void => {
          if (isSeq(node)) {
            for (const item of node.items) visit(item, k);
            return;
          }
          if (k === parts.length) {
            if (isScalar(node) && node.range && typeof node.value === 'string') {
              const f = fieldOf(content, node, contentStart);
              if (f && f.end > f.start) out.push({ path: parts.join('.'), field: f });
            }
            return;
          }
          if (isMap(node)) visit(node.get(parts[k]!, true), k + 1);
        };
        visit(doc.contents, 0);
      }
    } catch {
      // Broken YAML is not ours to report.
    }
  }
  return out.sort((a, b) => a.field.start - b.field.start);
}

const FIELD_OF_KEY: Record<string, Block['field']> = { title: 'title', description: 'description' };
const EMAIL_FIELDS: Record<string, Block['field']> = { subject: 'subject', preheader: 'preheader', preview: 'preheader' };

/**
 * The front-matter values that are rendered copy, as blocks: the guide's `copy.front-matter` keys
 * (or the default list), and in the email channel the subject and preheader. A value that is an
 * address, a path or an identifier (`cta: /signup`) is not copy.
 */
export function frontMatterBlocks(source: string, fm: FrontMatter, keys: readonly string[] | undefined, email: boolean): Block[] {
  const paths = [...(keys ?? DEFAULT_COPY_KEYS)];
  if (email) for (const k of Object.keys(EMAIL_FIELDS)) if (!paths.includes(k)) paths.push(k);
  const out: Block[] = [];
  for (const p of paths) {
    for (const { field: f } of copyFields(source, fm, [p])) {
      const named = FIELD_OF_KEY[p] ?? (email ? EMAIL_FIELDS[p] : undefined);
      if (!named && !looksLikeCopy(f.value)) continue;
      const { text, map } = fieldText(source, f);
      if (!/\S/.test(text)) continue;
      const b: Block = { kind: 'front-matter', text, map, marks: [] };
      if (named) b.field = named;
      out.push(b);
    }
  }
  return out;
}

/** Words, not an address, a path, a number or an identifier. */
function looksLikeCopy(value: string): boolean {
  if (!/\p{L}/u.test(value)) return false;
  if (/\s/.test(value.trim())) return true;
  return !/[/_:#@=]|\.\w|^[a-z0-9]+(?:-[a-z0-9]+)+$|^(?:true|false|null)$/i.test(value);
}
