// Help while writing brand.yaml, from schema/brand.schema.json: which keys and values fit where
// the cursor is, and what a key means. The guide being edited is often half-written, so the place
// is read from the text's indentation (as a person reads it), not from a parse that may fail.
import fs from 'node:fs';
import { schemaPath } from './schema.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  required?: string[];
  default?: unknown;
};

let root: Schema | undefined;
function schema(): Schema {
  return (root ??= JSON.parse(fs.readFileSync(schemaPath(), 'utf8')) as Schema);
}

/** A step of a path into the guide: a key, or an item of a list (its index when known). */
export type Step = string | number;

export interface GuidePlace {
  /** Path of the mapping (or list) the cursor is in. */
  path: Step[];
  /** `key`: a key is being written here; `value`: the value of `key`. */
  kind: 'key' | 'value';
  key?: string;
  /** Keys already in the mapping the cursor is in. */
  present: string[];
  /** The word under the cursor being completed (offsets into the source). */
  start: number;
  end: number;
}

interface Line {
  no: number;
  start: number;
  text: string;
  indent: number;
  /** Column where the line's key starts (after any `- `), and whether it starts a list item. */
  keyCol: number;
  dash: boolean;
  key?: string;
}

function linesOf(source: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  source.split('\n').forEach((raw, no) => {
    const text = raw.replace(/\r$/, '');
    const m = /^( *)((?:- +)*)/.exec(text)!;
    const key = /^ *(?:- +)*([^\s:#'"[{][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/.exec(text)?.[1];
    out.push({ no, start, text, indent: m[1]!.length, keyCol: m[1]!.length + m[2]!.length, dash: m[2]!.length > 0, key: key?.replace(/^["']|["']$/g, '') });
    start += raw.length + 1;
  });
  return out;
}

const blank = (l: Line) => l.text.trim() === '' || l.text.trim().startsWith('#');

/** The parents of a line whose content starts at column `col`: keys and list items, outermost first. */
function parentsOf(lines: Line[], from: number, col: number, dash: boolean): { path: Step[]; siblings: Line[] } {
  const path: Step[] = [];
  let want = col;
  let inItem = dash;
  let itemIndent = -1;
  let siblingsDone = false;
  const siblings: Line[] = [];
  const itemCounts: number[] = [];
  for (let i = from - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (blank(l)) continue;
    if (!siblingsDone) {
      if (l.keyCol === want && l.key !== undefined) siblings.push(l);
      if (l.dash && l.keyCol === want) siblingsDone = true; // the item's first key: its mapping starts here
      if (l.keyCol < want && !(l.dash && l.keyCol === want)) siblingsDone = true;
    }
    if (l.dash && l.keyCol === want && !inItem) {
      // The cursor's mapping is a list item that starts on this line.
      inItem = true;
      itemIndent = l.indent;
      itemCounts.push(0);
      want = l.indent;
      continue;
    }
    if (inItem && l.dash && l.indent === (itemIndent < 0 ? want : itemIndent)) {
      itemCounts[itemCounts.length - 1] = (itemCounts[itemCounts.length - 1] ?? 0) + 1;
      continue;
    }
    if (l.keyCol < want || (inItem && l.keyCol <= want && !l.dash && l.key !== undefined)) {
      if (l.key === undefined) continue;
      if (inItem) {
        path.unshift(itemCounts.pop() ?? 0);
        inItem = false;
        itemIndent = -1;
      }
      path.unshift(l.key);
      want = l.keyCol;
      if (l.dash) {
        inItem = true;
        itemIndent = l.indent;
        itemCounts.push(0);
        want = l.indent;
      }
    }
  }
  if (inItem) path.unshift(itemCounts.pop() ?? 0);
  return { path, siblings };
}

/** Where the cursor is in the guide's structure. */
export function placeAt(source: string, offset: number): GuidePlace {
  const lines = linesOf(source);
  let li = lines.findIndex((l) => offset >= l.start && offset <= l.start + l.text.length);
  if (li < 0) li = lines.length - 1;
  const line = lines[li]!;
  const col = offset - line.start;
  const before = line.text.slice(0, col);
  const wordStart = line.start + before.length - /[\w$-]*$/.exec(before)![0].length;
  const wordEnd = line.start + col + /^[\w$-]*/.exec(line.text.slice(col))![0].length;
  const valueOf = /^( *)((?:- +)*)([^:#]+?)\s*:\s+(.*)$/.exec(before);
  if (valueOf && !/^["'[{]/.test(valueOf[4]!.trim() === '' ? '' : '')) {
    const keyCol = valueOf[1]!.length + valueOf[2]!.length;
    const { path } = parentsOf(lines, li, keyCol, valueOf[2]!.length > 0);
    const valueStart = line.start + before.length - valueOf[4]!.length;
    return { path, kind: 'value', key: valueOf[3]!.trim(), present: [], start: valueStart, end: Math.max(wordEnd, line.start + line.text.replace(/\s+#.*$/, '').trimEnd().length) };
  }
  const m = /^( *)((?:- +)*)/.exec(before)!;
  const keyCol = m[1]!.length + m[2]!.length;
  const { path, siblings } = parentsOf(lines, li, keyCol, m[2]!.length > 0);
  // Keys below the cursor in the same mapping count as present too.
  for (let i = li + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (blank(l)) continue;
    if (l.keyCol < keyCol || (l.dash && l.keyCol === keyCol)) break;
    if (l.keyCol === keyCol && l.key !== undefined) siblings.push(l);
  }
  return { path, kind: 'key', present: siblings.map((s) => s.key!), start: wordStart, end: wordEnd };
}

/** The schemas a value at `path` may match (anyOf branches and refs resolved). */
export function schemasAt(path: Step[]): Schema[] {
  let cur = expand(schema());
  for (const step of path) {
    const next: Schema[] = [];
    for (const s of cur) {
      if (typeof step === 'number') {
        if (s.items) next.push(...expand(s.items));
      } else if (s.properties?.[step]) next.push(...expand(s.properties[step]!));
      else if (s.additionalProperties && typeof s.additionalProperties === 'object') next.push(...expand(s.additionalProperties));
    }
    cur = next;
  }
  return cur;
}

function resolveRef(ref: string): Schema {
  let node: unknown = schema();
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part];
  return (node ?? {}) as Schema;
}

/** A schema and its branches, refs followed; a description on a $ref sibling is kept. */
function expand(s: Schema, depth = 0): Schema[] {
  if (depth > 20) return [];
  if (s.$ref) {
    const target = resolveRef(s.$ref);
    const r = expand(target, depth + 1);
    return s.description ? r.map((x) => ({ ...x, description: s.description })) : r;
  }
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return branches.flatMap((b) => expand(b, depth + 1)).map((x) => (s.description && !x.description ? { ...x, description: s.description } : x));
  return [s];
}

export interface GuideCompletion {
  label: string;
  kind: 'key' | 'value';
  detail?: string;
  documentation?: string;
  insertText: string;
}

function docOf(s: Schema): string | undefined {
  return s.markdownDescription ?? s.description;
}

function typeOf(schemas: Schema[]): string {
  const types = new Set<string>();
  for (const s of schemas) {
    if (s.enum) types.add(s.enum.map((v) => JSON.stringify(v)).join(' | '));
    else if (s.const !== undefined) types.add(JSON.stringify(s.const));
    else for (const t of [s.type ?? []].flat()) if (t !== 'null') types.add(t === 'array' ? 'list' : t === 'object' ? 'mapping' : t);
  }
  return [...types].join(' | ');
}

/** Keys and values that fit at the cursor, with the schema's descriptions. */
export function completionsAt(source: string, offset: number): { place: GuidePlace; items: GuideCompletion[] } {
  const place = placeAt(source, offset);
  const items: GuideCompletion[] = [];
  if (place.kind === 'key') {
    const seen = new Set(place.present);
    for (const s of schemasAt(place.path)) {
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (seen.has(key) || key === '$schema') continue;
        seen.add(key);
        const ps = expand(prop);
        const block = ps.some((p) => [p.type ?? []].flat().some((t) => t === 'array' || t === 'object')) && !ps.some((p) => [p.type ?? []].flat().includes('string'));
        items.push({ label: key, kind: 'key', detail: typeOf(ps), documentation: docOf(prop) ?? ps.map(docOf).find(Boolean), insertText: block ? `${key}:\n` : `${key}: ` });
      }
    }
  } else {
    const seen = new Set<string>();
    for (const s of schemasAt([...place.path, place.key!])) {
      const values = s.enum ?? (s.const !== undefined ? [s.const] : []);
      for (const v of values) {
        const label = typeof v === 'string' ? v : JSON.stringify(v);
        if (seen.has(label)) continue;
        seen.add(label);
        items.push({ label, kind: 'value', detail: typeOf([s]), documentation: docOf(s), insertText: label });
      }
    }
  }
  return { place, items };
}

export interface GuideHover {
  start: number;
  end: number;
  markdown: string;
  /** Set when the cursor is on an entry of terms, banned or claims: the line (1-based) its item starts on. */
  entry?: { section: 'terms' | 'banned' | 'claims'; line: number; column: number };
}

/** The documentation of the key under the cursor, and which guide entry the cursor is in. */
export function hoverAt(source: string, offset: number): GuideHover | undefined {
  const lines = linesOf(source);
  const li = lines.findIndex((l) => offset >= l.start && offset <= l.start + l.text.length);
  if (li < 0) return undefined;
  const line = lines[li]!;
  const col = offset - line.start;
  const { path } = parentsOf(lines, li, line.keyCol, line.dash);
  let out: GuideHover | undefined;
  if (line.key !== undefined && col >= line.keyCol && col <= line.keyCol + line.key.length + 1) {
    const s = schemasAt([...path, line.key]);
    const parent = schemasAt(path).map((p) => p.properties?.[line.key!]).find(Boolean);
    const doc = (parent && docOf(parent)) ?? s.map(docOf).find(Boolean);
    if (doc || s.length) {
      const example = s.flatMap((x) => x.examples ?? []).concat(parent?.examples ?? [])[0];
      const type = typeOf(s);
      out = {
        start: line.start + line.keyCol,
        end: line.start + line.keyCol + line.key.length,
        markdown: [`**${line.key}**${type ? ` — ${type}` : ''}`, doc ?? '', example !== undefined ? `Example: \`${line.key}: ${JSON.stringify(example)}\`` : ''].filter(Boolean).join('\n\n'),
      };
    }
  }
  const entry = entryAt(lines, li, path);
  if (entry) {
    out ??= { start: line.start + line.keyCol, end: line.start + line.text.replace(/\s+#.*$/, '').trimEnd().length, markdown: '' };
    out.entry = entry;
  }
  return out;
}

/** The terms/banned/claims item containing line `li`: where its mapping starts, after the `-` (the ref its findings carry). */
function entryAt(lines: Line[], li: number, path: Step[]): GuideHover['entry'] {
  const section = path[0];
  if (section !== 'terms' && section !== 'banned' && section !== 'claims') return undefined;
  if (path.length < 2 && !lines[li]!.dash) return undefined;
  // Walk up to the line holding this item's dash at the list's indentation.
  for (let i = li; i >= 0; i--) {
    const l = lines[i]!;
    if (blank(l)) continue;
    if (l.dash && l.indent <= lines[li]!.keyCol) {
      const top = lines.find((x) => x.key === section && x.indent === 0);
      if (top && top.no < l.no) return { section, line: l.no + 1, column: l.keyCol + 1 };
      return undefined;
    }
    if (l.indent === 0 && !l.dash) return undefined;
  }
  return undefined;
}
