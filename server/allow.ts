import type { Document } from 'yaml';
import { isMap, isScalar, isSeq, yaml } from '../rules/lazy-yaml.js';

/** An edit to a guide file's text, in source offsets (end exclusive). */
export interface GuideEdit {
  start: number;
  end: number;
  text: string;
}

export type AllowResult = { edit: GuideEdit } | { already: true } | { error: string };

/**
 * Add `phrase` to the top-level `allow:` list of a brand.yaml. The yaml Document API finds the
 * list and renders the scalar; the change itself is one small insertion, so comments, blank
 * lines, quoting and key order elsewhere stay exactly as the brand team wrote them. The result is
 * re-parsed and checked; if the file has a shape the insertion cannot handle, the whole document
 * is re-serialised through the Document API instead (which still keeps comments).
 */
export function addAllowedPhrase(source: string, phrase: string): AllowResult {
  const wanted = phrase.replace(/\s+/g, ' ').trim();
  if (!wanted) return { error: 'nothing to allow' };
  const doc = yaml().parseDocument(source);
  if (doc.errors.length) return { error: `brand.yaml does not parse (${doc.errors[0]!.message.split('\n')[0]}); fix it first` };
  const before = currentAllow(doc);
  if (before === undefined) return { error: 'brand.yaml has an `allow:` that is not a list' };
  if (before.some((p) => norm(p) === norm(wanted))) return { already: true };

  const edit = insertion(doc, source, wanted);
  if (edit && verify(source, edit, [...before, wanted])) return { edit };
  const full = rewrite(source, wanted);
  if (full && verify(source, full, [...before, wanted])) return { edit: full };
  return { error: 'could not add the phrase to `allow:` in brand.yaml' };
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The strings in the top-level `allow:` list ([] when absent), or undefined when it is not a list. */
function currentAllow(doc: Document): string[] | undefined {
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  if (!isMap(contents)) return undefined;
  const node = contents.get('allow', true);
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) return undefined;
  return node.items.map((it) => (isScalar(it) ? String(it.value) : String(it)));
}

function lineEnd(source: string, at: number): number {
  const m = /\r\n|\n|\r/g;
  m.lastIndex = at;
  const hit = m.exec(source);
  return hit ? hit.index : source.length;
}

function lineStart(source: string, at: number): number {
  let i = at;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}

function eol(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** A block-context scalar: plain when YAML allows it, otherwise quoted. */
function blockScalar(s: string): string {
  const out = yaml().stringify(s).trimEnd();
  return out.includes('\n') ? JSON.stringify(s) : out;
}

/** A flow-context scalar: commas and brackets force quotes. */
function flowScalar(s: string): string {
  const out = blockScalar(s);
  return /[,[\]{}]/.test(out) && !/^["']/.test(out) ? JSON.stringify(s) : out;
}

function insertion(doc: Document, source: string, phrase: string): GuideEdit | undefined {
  const nl = eol(source);
  const contents = doc.contents;
  const node = isMap(contents) ? contents.get('allow', true) : undefined;

  if (node === undefined || !isMap(contents) || (isScalar(node) && node.value === null)) {
    if (isMap(contents) && contents.flow) return undefined;
    if (node !== undefined && isMap(contents)) {
      // `allow:` with no value: put the list under the key, after anything on its line (a comment).
      const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === 'allow');
      const keyEnd = isScalar(pair?.key) ? pair!.key.range?.[1] : undefined;
      if (keyEnd === undefined) return undefined;
      const at = lineEnd(source, keyEnd);
      return { start: at, end: at, text: `${nl}  - ${blockScalar(phrase)}` };
    }
    // No `allow:` yet: append it as a new top-level key at the end of the file.
    const trimmedEnd = source.replace(/\s+$/, '').length;
    const at = trimmedEnd;
    const lead = at === 0 ? '' : nl;
    return { start: at, end: source.length, text: `${lead}allow:${nl}  - ${blockScalar(phrase)}${nl}` };
  }
  if (!isSeq(node) || !node.range) return undefined;
  if (node.flow) {
    // `allow: [a, b]` → `allow: [a, b, phrase]`, inserted just before the closing bracket.
    const close = source.lastIndexOf(']', node.range[1]);
    if (close < node.range[0]) return undefined;
    let at = close;
    while (at > node.range[0] + 1 && /\s/.test(source[at - 1]!)) at--;
    const sep = node.items.length ? ', ' : '';
    return { start: at, end: at, text: `${sep}${flowScalar(phrase)}` };
  }
  // Block list: a new `- phrase` line after the last item, at the same indentation.
  const last = node.items[node.items.length - 1];
  const range = last ? (last as { range?: [number, number, number] | null }).range : undefined;
  if (!range) return undefined;
  const firstLine = lineStart(source, range[0]);
  const indent = /^[ \t]*/.exec(source.slice(firstLine))![0];
  const lastValueChar = Math.max(range[0], range[1] - 1);
  const at = lineEnd(source, source[lastValueChar] === '\n' ? lastValueChar - 1 : lastValueChar);
  return { start: at, end: at, text: `${nl}${indent}- ${blockScalar(phrase)}` };
}

/** Fallback: change the document through the Document API and re-serialise it (comments survive). */
function rewrite(source: string, phrase: string): GuideEdit | undefined {
  const doc = yaml().parseDocument(source);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) return undefined;
  const node = isMap(contents) ? contents.get('allow', true) : undefined;
  if (isSeq(node)) node.add(doc.createNode(phrase));
  else doc.set('allow', doc.createNode([phrase]));
  return { start: 0, end: source.length, text: doc.toString() };
}

function verify(source: string, edit: GuideEdit, expected: string[]): boolean {
  const out = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
  const doc = yaml().parseDocument(out);
  if (doc.errors.length) return false;
  const got = currentAllow(doc);
  if (!got || got.length !== expected.length || !got.every((g, i) => g === expected[i])) return false;
  // Nothing else in the guide may change.
  const strip = (d: Document) => {
    const js = d.toJS() as Record<string, unknown> | null;
    if (js && typeof js === 'object') delete js.allow;
    return JSON.stringify(js ?? {});
  };
  return strip(doc) === strip(yaml().parseDocument(source));
}
