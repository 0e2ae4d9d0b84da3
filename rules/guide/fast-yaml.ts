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

/**
 * Where the reader keeps positions: a scalar is its start offset; a collection is a FastColl. Two
 * objects per collection and none per scalar or key (a FastNode tree was ~70 % of the memory a
 * 10,000-term guide's read made, all of it surviving to the end of the read, so GC copied it).
 */
export type FastPos = number | FastColl;

export class FastColl {
  constructor(
    readonly start: number,
    /** A mapping's kids are [name, key start, value]…, a sequence's [item]…. */
    readonly map: boolean,
    readonly kids: (string | FastPos)[],
  ) {}
}

export interface FastYaml {
  value: unknown;
  /** The root's positions, or null for an empty document (only comments). */
  tree: FastPos | null;
  /** The root node as a FastNode tree (built on each call: small documents only). */
  readonly root: FastNode | null;
  /** Offsets where each line starts (as yaml's LineCounter records them). */
  lineStarts: number[];
}

/** A FastPos as the FastNode tree of the same positions. */
export function fastNode(p: FastPos): FastNode {
  if (typeof p === 'number') return { start: p };
  const k = p.kids;
  if (!p.map) return { start: p.start, items: k.map((x) => fastNode(x as FastPos)) };
  const keys: FastKey[] = [];
  const values: FastNode[] = [];
  for (let i = 0; i < k.length; i += 3) {
    keys.push({ name: k[i] as string, start: k[i + 1] as number });
    values.push(fastNode(k[i + 2] as FastPos));
  }
  return { start: p.start, keys, values };
}

function result(value: unknown, tree: FastPos | null, lineStarts: number[]): FastYaml {
  return {
    value,
    tree,
    lineStarts,
    get root() {
      return tree === null ? null : fastNode(tree);
    },
  };
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

/**
 * Which collections keep their children's positions (FastColl); the others are only their start
 * offset. 'all': every one. 'guide': those the guide loader asks a position under — the root, its
 * values (the term, banned, claim lists, tone), and under `overrides` two levels more (a section and
 * its lists) — so a 10,000-term list keeps one start per term, not a collection per term and per
 * `not` list (any problem to place reads the file again with `yaml`).
 */
export type FastPositionsKept = 'all' | 'guide';

/** Read `source` (BOM already removed), or undefined when it is not in the supported subset. */
export function fastYaml(source: string, kept: FastPositionsKept = 'all'): FastYaml | undefined {
  if (REFUSE.test(source)) return undefined;
  const lineStarts: number[] = [0];
  // The lines with content, as three parallel arrays (no object per line).
  const starts: number[] = [];
  const indents: number[] = [];
  const texts: string[] = [];
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
      starts.push(pos);
      indents.push(indent);
      texts.push(text);
    }
    if (nl < 0) break;
    pos = nl + 1;
    lineStarts.push(pos);
  }
  if (texts.length === 0) return result({}, null, lineStarts);
  try {
    const r = new Reader(starts, indents, texts, kept === 'all');
    const value = r.block(0, indents[0]!, -1);
    if (r.li < texts.length || typeof r.node === 'number' || !r.node.map) return undefined; // leftovers, or a root that is not a mapping
    return result(value, r.node, lineStarts);
  } catch {
    // Unsupported, or a guide nested too deeply for this recursive reader: yaml reports it.
    return undefined;
  }
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

class Reader {
  /** The next line to read. */
  li = 0;
  /** The positions of the value the last block/seq/map/inline call returned. */
  node: FastPos = 0;
  private readonly n: number;
  // Items and kids of the collections being read, on shared stacks: each collection takes an
  // exact-size copy of its part when it ends (a pushed-to array keeps spare capacity: most guide
  // lists hold one item).
  private readonly items: unknown[] = [];
  private readonly kids: (string | FastPos)[] = [];
  /** Depth of the collection being read (the root mapping is 0), and the root key it is under. */
  private depth = -1;
  private topKey = '';

  /** The part of `stack` from `base` on, as its own array, popped. */
  private static take<T>(stack: T[], base: number): T[] {
    return stack.splice(base);
  }
  constructor(
    private readonly starts: number[],
    private readonly indents: number[],
    private readonly texts: string[],
    private readonly keepAll: boolean,
  ) {
    this.n = texts.length;
  }

  /** Whether the collection at this.depth keeps its children's positions (FastPositionsKept). */
  private keeps(): boolean {
    return this.keepAll || this.depth <= 1 || (this.depth <= 3 && this.topKey === 'overrides');
  }

  /** Whether line `li` is a sequence item `- …` (or `-` alone) at column `col`. */
  private dashAt(li: number, col: number): boolean {
    const t = this.texts[li]!;
    return t.charCodeAt(col) === 45 /* - */ && (col + 1 === t.length || t.charCodeAt(col + 1) === 32);
  }

  /** The value whose content starts at column `col` of line `li`, inside a parent at `parentIndent`. */
  block(li: number, col: number, parentIndent: number): unknown {
    if (this.dashAt(li, col)) return this.seq(li, col);
    if (keyEnd(this.texts[li]!, col) >= 0) return this.map(li, col);
    // A scalar alone: it must end on this line.
    const v = this.inline(li, col);
    this.li = li + 1;
    if (this.li < this.n && this.indents[this.li]! > parentIndent) unsupported(); // a multi-line plain scalar
    return v;
  }

  private seq(li: number, col: number): unknown[] {
    const start = this.starts[li]! + col;
    const kids = this.kids;
    const value = this.items;
    const kb = kids.length;
    const vb = value.length;
    this.depth++;
    const keep = this.keeps();
    for (;;) {
      const text = this.texts[li]!;
      let c = col + 1;
      while (c < text.length && text.charCodeAt(c) === 32) c++;
      if (c >= text.length || isCommentAt(text, c)) {
        // `-` alone: the item is the more-indented block below, or null.
        if (li + 1 < this.n && this.indents[li + 1]! > col) {
          value.push(this.block(li + 1, this.indents[li + 1]!, col));
          if (keep) kids.push(this.node);
        } else {
          value.push(null);
          if (keep) kids.push(this.starts[li]! + c);
          this.li = li + 1;
        }
      } else {
        value.push(this.block(li, c, col));
        if (keep) kids.push(this.node);
      }
      li = this.li;
      if (li >= this.n || this.indents[li]! < col) break;
      if (this.indents[li]! > col) unsupported();
      const t = this.texts[li]!;
      if (t.charCodeAt(col) !== 45 || (col + 1 < t.length && t.charCodeAt(col + 1) !== 32)) break; // a key of the parent mapping
    }
    this.depth--;
    this.node = keep ? new FastColl(start, false, Reader.take(kids, kb)) : start;
    return Reader.take(value, vb);
  }

  private map(li: number, col: number): Record<string, unknown> {
    const start = this.starts[li]! + col;
    const kids = this.kids;
    const kb = kids.length;
    const value: Record<string, unknown> = {};
    this.depth++;
    const keep = this.keeps();
    for (;;) {
      const text = this.texts[li]!;
      const ke = keyEnd(text, col);
      if (ke < 0) unsupported();
      const name = keyName(text, col, ke);
      // Repeated keys are a guide problem; merge keys and __proto__ are resolved specially by yaml.
      if (name === '<<' || name === '__proto__' || hasOwn(value, name)) unsupported();
      if (keep) kids.push(name, this.starts[li]! + col);
      if (this.depth === 0) this.topKey = name;
      let c = ke + 1;
      while (c < text.length && text.charCodeAt(c) === 32) c++;
      let v: unknown;
      if (c >= text.length || isCommentAt(text, c)) {
        const next = li + 1 < this.n ? li + 1 : -1;
        const seqHere = next >= 0 && this.indents[next] === col && this.dashAt(next, col);
        if (next >= 0 && (this.indents[next]! > col || seqHere)) v = this.block(next, this.indents[next]!, seqHere ? col - 1 : col);
        else {
          v = null;
          this.node = this.starts[li]! + c;
          this.li = li + 1;
        }
      } else {
        v = this.inline(li, c);
        this.li = li + 1;
      }
      value[name] = v;
      if (keep) kids.push(this.node);
      li = this.li;
      if (li >= this.n || this.indents[li]! < col) break;
      if (this.indents[li]! > col) unsupported(); // a continuation line or a wrongly indented key
    }
    this.depth--;
    this.node = keep ? new FastColl(start, true, Reader.take(kids, kb)) : start;
    return value;
  }

  /** A value that starts at column `c` and must end on this line: a scalar or a flow collection. */
  private inline(li: number, c: number): unknown {
    const text = this.texts[li]!;
    const lineStart = this.starts[li]!;
    const open = text.charCodeAt(c);
    if (open === 91 /* [ */ || open === 123 /* { */) {
      const r = flowNode(text, c, lineStart, true, 0);
      restOfLine(text, r.end);
      this.node = r.node;
      return r.value;
    }
    const v = scalarAt(text, c, false);
    restOfLine(text, scalarEnd);
    this.node = lineStart + c;
    return v;
  }
}

const MAX_FLOW_DEPTH = 50;

/**
 * A scalar, or with `flow` a one-line flow collection ([…], {…}, nested), at column `i`. Flow
 * plain scalars stop at `,[]{}:`, and a `:` is only read as a flow mapping's key separator.
 */
function flowNode(text: string, i: number, lineStart: number, flow: boolean, depth: number): { value: unknown; node: FastPos; end: number } {
  const start = lineStart + i;
  const open = text[i];
  if (!flow || (open !== '[' && open !== '{')) {
    const value = scalarAt(text, i, flow);
    return { value, node: start, end: scalarEnd };
  }
  if (depth > MAX_FLOW_DEPTH) unsupported();
  const close = open === '[' ? ']' : '}';
  const kids: (string | FastPos)[] = [];
  const node = new FastColl(start, open === '{', kids);
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
      kids.push(r.node);
      j = r.end;
    } else {
      // key: value, with a space after the colon; quoted or plain string keys only.
      const k = scalarAt(text, j, true);
      if (typeof k !== 'string' || k === '<<' || k === '__proto__' || k in mapValue) unsupported();
      const name = k as string;
      kids.push(name, lineStart + j);
      j = scalarEnd;
      skip();
      if (text[j] !== ':' || text[j + 1] !== ' ') unsupported();
      j++;
      skip();
      if (j >= text.length || text[j] === ',' || text[j] === close || text[j] === '#') unsupported(); // an empty value
      const r = flowNode(text, j, lineStart, true, depth + 1);
      mapValue[name] = r.value;
      kids.push(r.node);
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
    const v = scalarAt(text, col, false);
    if (typeof v !== 'string') unsupported();
    return v as string;
  }
  // A key read before, written the same way (`use:`, `not:` 10,000 times): no slice and no checks again.
  for (const k of recentKeys) if (col + k.length === colon && text.startsWith(k, col)) return k;
  const raw = text.slice(col, colon).trimEnd();
  if (raw.length === 0 || raw.length > 1024 || PLAIN_FIRST_BAD.test(raw)) unsupported();
  const v = plainValue(raw);
  if (typeof v !== 'string') unsupported(); // numbers, booleans and null as keys
  if (raw.length === colon - col) recentKeys[recentAt++ & 7] = raw;
  return raw;
}

/** The last plain keys keyName accepted that end at their colon (a ring of 8). */
const recentKeys: string[] = [];
let recentAt = 0;

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

/** Where the last scalarAt call's scalar ended (exclusive): no result object per scalar. */
let scalarEnd = 0;

/** A scalar at `i`: quoted (to its closing quote) or plain (to a comment, the line end, or in a flow `,`/`]`); its end in scalarEnd. */
function scalarAt(text: string, i: number, flow: boolean): unknown {
  const q = text[i];
  if (q === "'" || q === '"') {
    const end = quotedEnd(text, i);
    if (end < 0) unsupported(); // continues on the next line
    const body = text.slice(i + 1, end - 1);
    scalarEnd = end;
    if (q === '"') {
      // The escapes a pattern or a path needs; any other is left to yaml.
      return body.includes('\\') ? body.replace(/\\([\s\S])/g, (_, c: string) => ESCAPES[c] ?? unsupported()) : body;
    }
    return body.replace(/''/g, "'");
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
  scalarEnd = i + raw.length;
  return plainValue(raw);
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
