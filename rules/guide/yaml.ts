// YAML side of the guide loader: parse with positions, turn YAML problems into GuideProblems, and
// find the node behind a path so schema errors land on the exact line:column the author wrote.
// `yaml` itself is only needed when the fast reader cannot read a guide, or to place a problem.
import { plainYamlErrors } from './yaml-errors.js';
import type { CST, Document, LineCounter, Node, Pair } from 'yaml';
import type { GuideProblem, Level } from '../types.js';
import { isAlias, isMap, isPair, isScalar, isSeq, yaml as yamlModule } from '../lazy-yaml.js';
import { fastYaml, type FastColl, type FastPos, type FastPositionsKept, type FastYaml } from './fast-yaml.js';

/** What GuideYaml reads of yaml's LineCounter (the fast reader gives the line starts without one). */
export type LineStarts = Pick<LineCounter, 'lineStarts'>;

/** Aliases expanded beyond this make toJS throw: a billion-laughs guide must not hang the editor. */
export const MAX_ALIAS_COUNT = 100;

export interface Span {
  start: number;
  end: number;
}

export interface ParsedGuideYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain value (undefined when the YAML itself is broken). */
  value: unknown;
  problems: GuideProblem[];
}

export class GuideYaml {
  constructor(
    readonly file: string,
    readonly source: string,
    readonly lines: LineStarts,
  ) {}

  problem(span: Span, message: string, level: Level = 'error'): GuideProblem {
    const s = this.pos(span.start);
    const e = this.pos(Math.max(span.end, span.start));
    return { file: this.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, message, level };
  }

  /** Line and column of `offset`, as yaml's LineCounter.linePos gives them. */
  pos(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: this.columnOf(offset, line) };
  }

  /** The line of the last lineOf call: a guide's entries are placed in source order, so the next is near. */
  private hint = 0;

  /**
   * The 1-based line of `offset`, as `pos(offset).line` (LineCounter.linePos) gives it, found from
   * the last answer onwards instead of by a binary search with an object per call.
   */
  lineOf(offset: number): number {
    const ls = this.lines.lineStarts;
    if (ls.length === 0 || ls[0]! > offset) return 0; // before the first line start (linePos: line 0)
    // i: the index of the last line start <= offset (an offset at a line start is on that line).
    let i = this.hint < ls.length && ls[this.hint]! <= offset ? this.hint : 0;
    for (let steps = 0; i + 1 < ls.length && ls[i + 1]! <= offset; i++) {
      if (++steps > 8) {
        // Far ahead: a binary search over the rest.
        let hi = ls.length - 1;
        while (i < hi) {
          const mid = (i + hi + 1) >> 1;
          if (ls[mid]! <= offset) i = mid;
          else hi = mid - 1;
        }
        break;
      }
    }
    this.hint = i;
    return i + 1;
  }

  /** The 1-based column of `offset` on `line` (from lineOf), as `pos(offset).column` gives it. */
  columnOf(offset: number, line: number): number {
    return line === 0 ? offset : offset - this.lines.lineStarts[line - 1]! + 1;
  }
}

/**
 * Where the loader finds positions: the reference path has the whole positioned Document; the fast
 * path (fast-yaml.ts) only the start of each node and key, and asks for the Document — by throwing
 * NeedsFullYaml — as soon as there is a problem to place, so the file is read again the reference way.
 */
export interface GuidePositions {
  /** Start offset of the node at `path` (with `useKey`, of its key), exactly as `locate` finds it. */
  start(path: readonly (string | number)[], useKey?: boolean): number;
  /** The positioned Document, for placing a problem. */
  doc(): Document.Parsed;
  /**
   * The start offsets of the items of the sequence at `path`, when this reader has them at hand:
   * `starts[i]` is `start([...path, i])` (one walk for a list of 10,000 terms, not one per entry).
   */
  items?(path: readonly (string | number)[]): ArrayLike<number> | undefined;
}

/** The fast path met something it cannot place: read this file with `yaml`'s Document. */
export class NeedsFullYaml extends Error {
  constructor() {
    super('the guide needs the positioned YAML document');
  }
}

export function documentPositions(doc: Document.Parsed): GuidePositions {
  return {
    start(p, useKey = false) {
      const loc = locate(doc, p);
      return spanOf(useKey ? (loc.key ?? loc.node) : (loc.node ?? loc.deepest)).start;
    },
    doc: () => doc,
  };
}

function fastPositions(fast: FastYaml): GuidePositions {
  // A big mapping's keys are looked up through an index (one lookup per entry's ref).
  const index = new WeakMap<FastColl, Map<string, number>>();
  /** Where `name`'s triple [name, key start, value] starts in a mapping's kids, or -1. */
  const keyAt = (node: FastColl, name: string): number => {
    const kids = node.kids;
    if (kids.length <= 48) {
      for (let i = 0; i < kids.length; i += 3) if (kids[i] === name) return i;
      return -1;
    }
    let m = index.get(node);
    if (!m) {
      index.set(node, (m = new Map()));
      for (let i = kids.length - 3; i >= 0; i -= 3) m.set(kids[i] as string, i);
    }
    return m.get(name) ?? -1;
  };
  const startOf = (p: FastPos | null | undefined) => (p === null || p === undefined ? undefined : typeof p === 'number' ? p : p.start);
  /** Where the child at `seg` is in a collection's kids (a mapping's key is just before it), or -1. */
  const childAt = (node: FastColl, seg: string | number): number => {
    if (node.map) {
      const i = keyAt(node, String(seg));
      return i < 0 ? -1 : i + 2;
    }
    const k = Number(seg);
    return node.kids[k] === undefined ? -1 : k;
  };
  return {
    start(p, useKey = false) {
      // `locate` on the fast tree: no aliases, merges or repeated keys reach it.
      let cur: FastPos | null = fast.tree;
      let key: number | undefined;
      let deepest: number | undefined = startOf(cur);
      for (const seg of p) {
        const at = cur !== null && typeof cur !== 'number' ? childAt(cur, seg) : -1;
        if (at < 0) return useKey ? 0 : (deepest ?? 0);
        const node = cur as FastColl;
        key = node.map ? (node.kids[at - 1] as number) : undefined;
        cur = node.kids[at] as FastPos;
        deepest = startOf(cur);
      }
      return (useKey ? (key ?? startOf(cur)) : startOf(cur)) ?? 0;
    },
    items(p) {
      let cur: FastPos | null = fast.tree;
      for (const seg of p) {
        const at = cur !== null && typeof cur !== 'number' ? childAt(cur, seg) : -1;
        if (at < 0) return undefined;
        cur = (cur as FastColl).kids[at] as FastPos;
      }
      if (cur === null || typeof cur === 'number' || cur.map) return undefined;
      const kids = cur.kids;
      const out = new Int32Array(kids.length);
      for (let i = 0; i < kids.length; i++) out[i] = startOf(kids[i] as FastPos)!;
      return out;
    },
    doc: () => {
      throw new NeedsFullYaml();
    },
  };
}

/**
 * The guide read by the fast reader, when the file is in its subset: the plain value and positions
 * without a YAML Document. Undefined: read it with parseGuideYaml.
 */
export function fastGuideYaml(
  file: string,
  source: string,
  kept: FastPositionsKept = 'all',
): { y: GuideYaml; value: Record<string, unknown>; pos: GuidePositions } | undefined {
  const fast = fastYaml(source, kept);
  if (!fast) return undefined;
  const lines = { lineStarts: fast.lineStarts }; // what a LineCounter's addNewLine would push, one by one
  return { y: new GuideYaml(file, source, lines), value: fast.value as Record<string, unknown>, pos: fastPositions(fast) };
}

export function parseGuideYaml(file: string, source: string): { y: GuideYaml; parsed: ParsedGuideYaml } {
  const { LineCounter, parseDocument } = yamlModule();
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, merge: true });
  const y = new GuideYaml(file, source, lines);
  const problems: GuideProblem[] = [];
  const unclosed = doc.errors.length ? unclosedFlows(source) : [];
  // "…must end with a ]" is detected lines later; the bracket left open is what to fix.
  const errors = doc.errors.filter((e) => !(unclosed.length && /^(Flow (sequence|mapping|map)\b.*end with a|Missing closing)/.test(e.message)));
  for (const e of errors) if (e.code === 'MULTIPLE_DOCS') problems.push(y.problem({ start: e.pos[0], end: e.pos[1] }, yamlMessage(e.code, e.message)));
  for (const p of plainYamlErrors(source, errors.filter((e) => e.code !== 'MULTIPLE_DOCS'))) problems.push(y.problem({ start: p.start, end: p.end }, p.message));
  for (const u of unclosed) {
    const what = u.open === '[' || u.open === '{' ? u.open : `quote ${u.open}`;
    // The squiggle runs from the opening bracket or quote to the end of its line.
    const eol = source.indexOf('\n', u.offset);
    const end = Math.max(u.offset + 1, (eol < 0 ? source.length : eol) - (source[eol - 1] === '\r' ? 1 : 0));
    problems.push(y.problem({ start: u.offset, end }, `YAML: this ${what} is never closed: add ${u.close}`));
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const w of doc.warnings) problems.push(y.problem({ start: w.pos[0], end: w.pos[1] }, yamlMessage(w.code, w.message), 'warning'));
  if (doc.errors.length) return { y, parsed: { doc, lines, value: undefined, problems } };

  problems.push(...duplicateKeys(doc, y));

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null && !root.tag)) {
    // An empty file (or only comments) is a valid, empty guide.
    return { y, parsed: { doc, lines, value: problems.some(isError) ? undefined : {}, problems } };
  }
  if (!isMap(root)) {
    const what = isSeq(root) ? 'a list' : isAlias(root) ? 'an alias' : 'a single value';
    problems.push(y.problem(spanOf(root), `a guide must be a mapping of keys (brand:, terms:, banned:, …), not ${what}`));
    return { y, parsed: { doc, lines, value: undefined, problems } };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const first = firstAlias(doc);
    const msg =
      e instanceof ReferenceError
        ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refusing to expand what looks like an alias bomb`
        : `cannot read the guide: ${e instanceof Error ? e.message : String(e)}`;
    problems.push(y.problem(first ? spanOf(first) : { start: 0, end: 0 }, msg));
    return { y, parsed: { doc, lines, value: undefined, problems } };
  }
  return { y, parsed: { doc, lines, value: problems.some(isError) ? undefined : value, problems } };
}

/** Flow collections ([…], {…}) and quoted scalars whose closing bracket or quote never comes. */
function unclosedFlows(source: string): { offset: number; open: string; close: string }[] {
  const out: { offset: number; open: string; close: string }[] = [];
  const check = (v: CST.Token | null | undefined) => {
    if (!v) return;
    if (v.type === 'flow-collection') {
      const open = v.start.source;
      if (!v.end.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')) {
        out.push({ offset: v.start.offset, open, close: open === '[' ? ']' : '}' });
      }
    } else if (v.type === 'single-quoted-scalar' || v.type === 'double-quoted-scalar') {
      const q = v.source[0];
      const body = v.source.slice(1);
      // A closing quote is one not escaped: '' inside single quotes, \" inside double quotes.
      const closed = q === "'" ? /^(?:[^']|'')*'$/.test(body) : /^(?:[^"\\]|\\[\s\S])*"$/.test(body);
      if (!closed) out.push({ offset: v.offset, open: q, close: q });
    }
  };
  const { Parser, CST: cst } = yamlModule();
  for (const tok of new Parser().parse(source)) {
    if (tok.type !== 'document') continue;
    check(tok.value);
    cst.visit(tok, (item) => {
      check(item.key as CST.Token | null);
      check(item.value);
    });
  }
  return out;
}

function isError(p: GuideProblem): boolean {
  return p.level === 'error';
}

function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'a guide is one YAML document: remove the `---` line (or the second document)';
  return `YAML: ${message.replace(/\s+/g, ' ').trim()}`;
}

/** Every key repeated in the same mapping (YAML forbids it; the last would silently win). */
function duplicateKeys(doc: Document.Parsed, y: GuideYaml): GuideProblem[] {
  const out: GuideProblem[] = [];
  yamlModule().visit(doc, {
    Map(_, map) {
      const seen = new Map<string, Node>();
      for (const pair of map.items) {
        const k = pair.key;
        if (!isScalar(k) || typeof k.value === 'symbol') continue; // merge keys (<<) may repeat
        const name = String(k.value);
        const first = seen.get(name);
        if (first) {
          const at = first.range ? y.pos(first.range[0]) : undefined;
          out.push(y.problem(spanOf(k), `duplicate key "${name}"${at ? ` (first at line ${at.line})` : ''}: keep one`));
        } else seen.set(name, k);
      }
    },
  });
  return out;
}

function firstAlias(doc: Document.Parsed): Node | undefined {
  let found: Node | undefined;
  const { visit } = yamlModule();
  visit(doc, {
    Alias(_, a) {
      found = a;
      return visit.BREAK;
    },
  });
  return found;
}

export function spanOf(node: Node | null | undefined): Span {
  if (!node || !node.range) return { start: 0, end: 0 };
  return { start: node.range[0], end: node.range[1] };
}

/** A span for a whole mapping that does not paint a 50-line block: its first line. */
export function headSpan(node: Node | null | undefined, source: string): Span {
  const s = spanOf(node);
  const nl = source.indexOf('\n', s.start);
  return { start: s.start, end: nl >= 0 && nl < s.end ? nl : s.end };
}

export interface Located {
  /** The node for the full path, when it exists in this file. */
  node?: Node;
  /** The key node of the last path segment, when the parent is a mapping. */
  key?: Node;
  /** The deepest node found along the path. */
  deepest: Node | null;
}

function isMergePair(p: Pair): boolean {
  const k = p.key;
  return isScalar(k) && (typeof k.value === 'symbol' || k.value === '<<');
}

function findPair(doc: Document.Parsed, map: Node | null, key: string, depth = 0): Pair<Node, Node> | undefined {
  if (!map || !isMap(map) || depth > 20) return undefined;
  const items = map.items as Pair<Node, Node>[];
  for (let i = items.length - 1; i >= 0; i--) {
    const k = items[i].key;
    if (isScalar(k) && typeof k.value !== 'symbol' && String(k.value) === key && !isMergePair(items[i])) return items[i];
  }
  // Keys brought in by a merge (<<: *base) are located at the merged mapping.
  for (const p of items) {
    if (!isMergePair(p)) continue;
    const sources = isSeq(p.value) ? (p.value.items as Node[]) : [p.value];
    for (const s of sources) {
      const found = findPair(doc, deref(doc, s), key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function deref(doc: Document.Parsed, n: Node | null | undefined): Node | null {
  let cur: Node | null | undefined = n;
  for (let i = 0; i < 20 && cur && isAlias(cur); i++) cur = cur.resolve(doc) as Node | undefined;
  return cur ?? null;
}

/** Walk a path (object keys and array indices) through the YAML nodes, following aliases. */
export function locate(doc: Document.Parsed, path: readonly (string | number)[]): Located {
  let cur: Node | null = doc.contents as Node | null;
  let key: Node | undefined;
  let deepest: Node | null = cur;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const node = deref(doc, cur);
    if (node && isMap(node)) {
      const pair = findPair(doc, node, String(seg));
      if (!pair) return { deepest };
      key = pair.key ?? undefined;
      cur = (pair.value as Node | null) ?? null;
      deepest = cur ?? key ?? deepest;
    } else if (node && isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item || isPair(item)) return { deepest };
      key = undefined;
      cur = item;
      deepest = cur;
    } else return { deepest };
  }
  return { node: cur ?? undefined, key, deepest };
}

/** Split an ajv instancePath (JSON pointer) into segments. */
export function pointerPath(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Source offset of character `index` of a scalar's value, for plain and quoted one-line scalars
 * (where a pattern error is). Falls back to the scalar's start when the mapping is not exact.
 */
export function scalarOffset(node: Node, source: string, index: number): number {
  if (!isScalar(node) || !node.range || typeof node.value !== 'string') return spanOf(node).start;
  const [start, end] = node.range;
  const raw = source.slice(start, end);
  const value = node.value;
  if (raw.includes('\n')) return start;
  if (node.type === 'PLAIN') return raw === value ? start + index : start;
  if (node.type === 'QUOTE_SINGLE') {
    let v = 0;
    for (let i = 1; i < raw.length - 1; i++) {
      if (v === index) return start + i;
      if (raw[i] === "'" && raw[i + 1] === "'") i++;
      v++;
    }
    return start;
  }
  if (node.type === 'QUOTE_DOUBLE') {
    let v = 0;
    for (let i = 1; i < raw.length - 1; i++) {
      if (v === index) return start + i;
      if (raw[i] === '\\') {
        const n = raw[i + 1];
        const width = n === 'x' ? 3 : n === 'u' ? 5 : n === 'U' ? 9 : 1;
        i += width;
        // \U beyond the BMP is two UTF-16 units of the value
        v += n === 'U' && parseInt(raw.slice(i - 7, i + 1), 16) > 0xffff ? 2 : 1;
        continue;
      }
      v++;
    }
    return start;
  }
  return start;
}
