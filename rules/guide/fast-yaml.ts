// A fast reader for the plain block YAML that brand guides are written in (and that YAML.stringify
// writes): block mappings and sequences, one-line plain and quoted scalars, one-line flow
// collections, comments. It gives the same plain value as `yaml`'s parseDocument + toJS and the
// start offset of every node and key, in one pass and without building a positioned Document
// (which took ~0.4 s CPU and tens of MB for a 10,000-term guide). Anything outside that subset —
// anchors, aliases, tags, block or multi-line scalars, escapes other than \\ \" \/ \t \n,
// multi-line flow collections, repeated or non-string keys, document markers, tabs, odd line
// breaks — returns undefined, and the caller reads the file with `yaml` as before. It never reports
// problems: a file with any problem is always read by the reference path.

/** A node's start offset (what `yaml` gives as range[0]); collections hold their children. */
export interface FastNode {
  start: number;
  /** Mapping: keys (with their start offsets) and values, in order. */
  keys?: FastKey[];
  values?: FastNode[];
  /** Sequence items. */
  items?: FastNode[];
}

export interface FastKey {
  name: string;
  start: number;
}

export interface FastYaml {
  value: unknown;
  /** The root node, or null for an empty document (only comments). */
  root: FastNode | null;
  /** Offsets where each line starts (as yaml's LineCounter records them). */
  lineStarts: number[];
}

/** Thrown inside the reader for anything it leaves to `yaml`. */
class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

// Characters the reader never handles: tabs (indentation rules), control characters, a BOM inside
// the text, NEL and the Unicode line separators (line breaks to some YAML readers), and a backslash
// is only refused inside double quotes (below).
const REFUSE = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029\ufeff]|\r(?!\n)/;
// Core-schema scalars that are not strings: null, booleans, numbers (yaml 2, YAML 1.2 core schema).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBERISH = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Numbers read here (anything else number-like is left to yaml: signs, octal, hex, exponents, .inf). */
const SIMPLE_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const SIMPLE_FLOAT = /^(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', t: '\t', n: '\n' };
/** What a plain scalar may not start with (YAML indicators; `-?:` are refused too, for simplicity). */
const PLAIN_FIRST_BAD = /^[-?:,[\]{}#&*!|>'"%@`]/;

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Column of the first non-space character. */
  indent: number;
  /** The line without its line break. */
  text: string;
}

/** Read `source` (BOM already removed), or undefined when it is not in the supported subset. */
export function fastYaml(source: string): FastYaml | undefined {
  if (REFUSE.test(source)) return undefined;
  const lineStarts: number[] = [0];
  const lines: Line[] = [];
  let pos = 0;
  for (;;) {
    const nl = source.indexOf('\n', pos);
    const end = nl < 0 ? source.length : nl;
    const text = source.charCodeAt(end - 1) === 13 ? source.slice(pos, end - 1) : source.slice(pos, end);
    let indent = 0;
    while (indent < text.length && text.charCodeAt(indent) === 32) indent++;
    // Blank and comment-only lines carry no content.
    if (indent < text.length && text.charCodeAt(indent) !== 35) {
      if (indent === 0 && /^(?:---|\.\.\.)(?:\s|$)|^%/.test(text)) return undefined; // document markers, directives
      lines.push({ start: pos, indent, text });
    }
    if (nl < 0) break;
    pos = nl + 1;
    lineStarts.push(pos);
  }
  if (lines.length === 0) return { value: {}, root: null, lineStarts };
  try {
    const r = new Reader(lines);
    const root = r.block(0, lines[0]!.indent, -1);
    if (r.li < lines.length || root.node.keys === undefined) return undefined; // leftovers, or a root that is not a mapping
    return { value: root.value, root: root.node, lineStarts };
  } catch {
    // Unsupported, or a guide nested too deeply for this recursive reader: yaml reports it.
    return undefined;
  }
}

interface Read {
  value: unknown;
  node: FastNode;
}

class Reader {
  /** The next line to read. */
  li = 0;
  constructor(private readonly lines: Line[]) {}

  /** The node whose content starts at column `col` of line `li`, inside a parent at `parentIndent`. */
  block(li: number, col: number, parentIndent: number): Read {
    const text = this.lines[li]!.text;
    const c = text.charCodeAt(col);
    if (c === 45 /* - */ && (col + 1 === text.length || text.charCodeAt(col + 1) === 32)) return this.seq(li, col);
    if (keyEnd(text, col) >= 0) return this.map(li, col);
    // A scalar alone: it must end on this line.
    const r = this.inline(li, col);
    this.li = li + 1;
    if (this.li < this.lines.length && this.lines[this.li]!.indent > parentIndent) unsupported(); // a multi-line plain scalar
    return r;
  }

  private seq(li: number, col: number): Read {
    const line0 = this.lines[li]!;
    const node: FastNode = { start: line0.start + col, items: [] };
    const value: unknown[] = [];
    for (;;) {
      const line = this.lines[li]!;
      const text = line.text;
      let c = col + 1;
      while (c < text.length && text.charCodeAt(c) === 32) c++;
      if (c >= text.length || isCommentAt(text, c)) {
        // `-` alone: the item is the more-indented block below, or null.
        const next = this.lines[li + 1];
        if (next && next.indent > col) {
          const r = this.block(li + 1, next.indent, col);
          value.push(r.value);
          node.items!.push(r.node);
        } else {
          value.push(null);
          node.items!.push({ start: line.start + c });
          this.li = li + 1;
        }
      } else {
        const r = this.block(li, c, col);
        value.push(r.value);
        node.items!.push(r.node);
      }
      li = this.li;
      const next = this.lines[li];
      if (!next || next.indent < col) break;
      if (next.indent > col) unsupported();
      const t = next.text;
      if (t.charCodeAt(col) !== 45 || (col + 1 < t.length && t.charCodeAt(col + 1) !== 32)) break; // a key of the parent mapping
    }
    return { value, node };
  }

  private map(li: number, col: number): Read {
    const node: FastNode = { start: this.lines[li]!.start + col, keys: [], values: [] };
    const value: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (;;) {
      const line = this.lines[li]!;
      const text = line.text;
      const ke = keyEnd(text, col);
      if (ke < 0) unsupported();
      const name = keyName(text, col, ke);
      // Repeated keys are a guide problem; merge keys and __proto__ are resolved specially by yaml.
      if (seen.has(name) || name === '<<' || name === '__proto__') unsupported();
      seen.add(name);
      node.keys!.push({ name, start: line.start + col });
      let c = ke + 1;
      while (c < text.length && text.charCodeAt(c) === 32) c++;
      let r: Read;
      if (c >= text.length || isCommentAt(text, c)) {
        const next = this.lines[li + 1];
        const seqHere = next && next.indent === col && next.text.charCodeAt(col) === 45 && (col + 1 === next.text.length || next.text.charCodeAt(col + 1) === 32);
        if (next && (next.indent > col || seqHere)) r = this.block(li + 1, next.indent, seqHere ? col - 1 : col);
        else {
          r = { value: null, node: { start: line.start + c } };
          this.li = li + 1;
        }
      } else {
        r = this.inline(li, c);
        this.li = li + 1;
      }
      value[name] = r.value;
      node.values!.push(r.node);
      li = this.li;
      const next = this.lines[li];
      if (!next || next.indent < col) break;
      if (next.indent > col) unsupported(); // a continuation line or a wrongly indented key
    }
    return { value, node };
  }

  /** A value that starts at column `c` and must end on this line: a scalar or a flow collection. */
  private inline(li: number, c: number): Read {
    const line = this.lines[li]!;
    const r = flowNode(line.text, c, line.start, line.text[c] === '[' || line.text[c] === '{', 0);
    restOfLine(line.text, r.end);
    return { value: r.value, node: r.node };
  }
}

const MAX_FLOW_DEPTH = 50;

/**
 * A scalar, or with `flow` a one-line flow collection ([…], {…}, nested), at column `i`. Flow
 * plain scalars stop at `,[]{}:`, and a `:` is only read as a flow mapping's key separator.
 */
function flowNode(text: string, i: number, lineStart: number, flow: boolean, depth: number): Read & { end: number } {
  const start = lineStart + i;
  const open = text[i];
  if (!flow || (open !== '[' && open !== '{')) {
    const s = scalarAt(text, i, flow);
    return { value: s.value, node: { start }, end: s.end };
  }
  if (depth > MAX_FLOW_DEPTH) unsupported();
  const close = open === '[' ? ']' : '}';
  const node: FastNode = open === '[' ? { start, items: [] } : { start, keys: [], values: [] };
  const seqValue: unknown[] = [];
  const mapValue: Record<string, unknown> = {};
  let j = i + 1;
  const skip = () => {
    while (j < text.length && text.charCodeAt(j) === 32) j++;
  };
  skip();
  if (text[j] === close) return { value: open === '[' ? seqValue : mapValue, node, end: j + 1 };
  for (;;) {
    skip();
    if (open === '[') {
      const r = flowNode(text, j, lineStart, true, depth + 1);
      seqValue.push(r.value);
      node.items!.push(r.node);
      j = r.end;
    } else {
      // key: value, with a space after the colon; quoted or plain string keys only.
      const k = scalarAt(text, j, true);
      if (typeof k.value !== 'string' || k.value === '<<' || k.value === '__proto__' || k.value in mapValue) unsupported();
      const name = k.value as string;
      node.keys!.push({ name, start: lineStart + j });
      j = k.end;
      skip();
      if (text[j] !== ':' || text[j + 1] !== ' ') unsupported();
      j++;
      skip();
      if (j >= text.length || text[j] === ',' || text[j] === close || text[j] === '#') unsupported(); // an empty value
      const r = flowNode(text, j, lineStart, true, depth + 1);
      mapValue[name] = r.value;
      node.values!.push(r.node);
      j = r.end;
    }
    skip();
    if (text[j] === ',') {
      j++;
      skip();
      if (text[j] === close) unsupported(); // a trailing comma
      continue;
    }
    if (text[j] === close) return { value: open === '[' ? seqValue : mapValue, node, end: j + 1 };
    unsupported(); // a line break inside, a `:` in a sequence (a flow pair), anything else
  }
}

/** Nothing but spaces and a comment may follow a value. */
function restOfLine(text: string, i: number): void {
  let j = i;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  if (j < text.length && !(j > i && text.charCodeAt(j) === 35)) unsupported();
}

function isCommentAt(text: string, i: number): boolean {
  return text.charCodeAt(i) === 35 && (i === 0 || text.charCodeAt(i - 1) === 32);
}

/**
 * The index of the `:` that ends a key starting at `col` (followed by a space or the line end), or
 * -1 when the line there is no `key:`. Quoted keys are found by their closing quote.
 */
function keyEnd(text: string, col: number): number {
  const q = text[col];
  if (q === '"' || q === "'") {
    const close = quotedEnd(text, col);
    if (close < 0) return -1;
    let i = close;
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    return text[i] === ':' && (i + 1 === text.length || text.charCodeAt(i + 1) === 32) ? i : -1;
  }
  for (let i = col; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 && i > col && text.charCodeAt(i - 1) === 32) return -1; // a comment starts first
    if (c === 58 && (i + 1 === text.length || text.charCodeAt(i + 1) === 32)) return i;
  }
  return -1;
}

function keyName(text: string, col: number, colon: number): string {
  const q = text[col];
  if (q === '"' || q === "'") {
    const s = scalarAt(text, col, false);
    if (typeof s.value !== 'string') unsupported();
    return s.value as string;
  }
  const raw = text.slice(col, colon).trimEnd();
  if (raw.length === 0 || raw.length > 1024 || PLAIN_FIRST_BAD.test(raw)) unsupported();
  const v = plainValue(raw);
  if (typeof v !== 'string') unsupported(); // numbers, booleans and null as keys
  return raw;
}

/** End (exclusive) of the quoted scalar opening at `i`, or -1 when it does not close on this line. */
function quotedEnd(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') {
      j++; // an escaped character, perhaps a quote
      continue;
    }
    if (text[j] !== q) continue;
    if (q === "'" && text[j + 1] === "'") {
      j++;
      continue;
    }
    return j + 1;
  }
  return -1;
}

/** A scalar at `i`: quoted (to its closing quote) or plain (to a comment, the line end, or in a flow `,`/`]`). */
function scalarAt(text: string, i: number, flow: boolean): { value: unknown; end: number } {
  const q = text[i];
  if (q === "'" || q === '"') {
    const end = quotedEnd(text, i);
    if (end < 0) unsupported(); // continues on the next line
    const body = text.slice(i + 1, end - 1);
    if (q === '"') {
      // The escapes a pattern or a path needs; any other is left to yaml.
      return { value: body.includes('\\') ? body.replace(/\\([\s\S])/g, (_, c: string) => ESCAPES[c] ?? unsupported()) : body, end };
    }
    return { value: body.replace(/''/g, "'"), end };
  }
  let j = i;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 35 && j > i && text.charCodeAt(j - 1) === 32) break; // a comment
    if (flow && (c === 44 || c === 93 || c === 91 || c === 123 || c === 125 || c === 58)) break;
    if (c === 58 && (j + 1 === text.length || text.charCodeAt(j + 1) === 32)) unsupported(); // `a: b: c`
  }
  const raw = text.slice(i, j).trimEnd();
  if (raw.length === 0 || PLAIN_FIRST_BAD.test(raw)) unsupported();
  return { value: plainValue(raw), end: i + raw.length };
}

/** A plain scalar's value under the core schema, for the forms read here. */
function plainValue(raw: string): unknown {
  // Only null, booleans and numbers start with one of ~ n N t T f F 0-9 + - . : most words skip the tests.
  const c = raw.charCodeAt(0);
  if (c > 0x7f || (c >= 0x41 && c !== 0x4e && c !== 0x54 && c !== 0x46 && c !== 0x6e && c !== 0x74 && c !== 0x66 && c !== 0x7e)) return raw;
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (NUMBERISH.test(raw)) {
    if (SIMPLE_INT.test(raw) || SIMPLE_FLOAT.test(raw)) return Number(raw);
    unsupported();
  }
  return raw;
}
