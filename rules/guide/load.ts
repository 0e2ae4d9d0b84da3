// The guide loader: brand.yaml (and everything it extends) → a validated, normalized Guide, or
// every problem at its exact file:line:column.
import fs from 'node:fs';
import path from 'node:path';
import type { EntryCommon, Guide, GuideProblem, GuideResult } from '../types.js';
import { mergeByKey } from './overrides.js';
import { distinctKeys, emptyLayer, Normalizer, phraseKey, semanticProblems, type GuideLayer } from './normalize.js';
import { MAX_GUIDE_SIZE } from '../limits.js';
import { readErrorReason, readRegularFile } from '../read-file.js';
import { packageRoot } from './package-root.js';
import { packageSpec, resolvePackageGuide } from './package-guide.js';
import { MAX_GUIDE_PROBLEMS, schemaProblems, schemaValid } from './schema.js';
import { closest } from './suggest.js';
import { documentPositions, fastGuideYaml, GuideYaml, locate, NeedsFullYaml, parseGuideYaml, spanOf, type GuidePositions } from './yaml.js';

export const GUIDE_NAMES = ['brand.yaml', 'brand.yml', '.brand.yaml', '.brand.yml'];

export interface LoadOptions {
  /** Read a file (the server passes unsaved editor buffers through this). */
  read?: (file: string) => string;
  /** Folder that `extends` may not leave (defaults to the repository root of the guide). */
  root?: string;
}

/** `extends: brandlint:NAME` names a pack shipped in <package>/packs/NAME.yaml. */
const PACK_PREFIX = 'brandlint:';

interface LoadState {
  read: (file: string) => string;
  /** Real path of the folder extends may not leave. */
  root: string;
  rootGuideDir: string;
  problems: GuideProblem[];
  /** Problems found but not placed (past MAX_GUIDE_PROBLEMS in one file's schema check). */
  more: number;
  files: string[];
  /** Each file is loaded once per call (a diamond of extends reports its problems once). */
  done: Map<string, GuideLayer | undefined>;
}

export function loadGuide(file: string, opts: LoadOptions = {}): GuideResult {
  const abs = path.resolve(file);
  const read = opts.read ?? readGuideText;
  const root = realish(opts.root ? path.resolve(opts.root) : (gitRoot(path.dirname(abs)) ?? path.dirname(abs)));
  const st: LoadState = { read, root, rootGuideDir: path.dirname(abs), problems: [], more: 0, files: [], done: new Map() };

  let source: string;
  try {
    source = read(abs);
  } catch (e) {
    if (e instanceof GuideTextError) return { ok: false, problems: [e.problem(abs)] };
    return { ok: false, problems: [{ file: abs, line: 1, column: 1, message: `cannot read the guide: ${reason(e)}`, level: 'error' }] };
  }
  let layer: GuideLayer | undefined;
  try {
    layer = loadFile(st, abs, source, [abs]);
  } catch (e) {
    // A loader bug must reach the editor and CI as a guide problem, never as a crash.
    const message =
      e instanceof RangeError && /call stack/i.test(e.message)
        ? 'the guide is nested too deeply to read (collections inside collections thousands of levels deep)'
        : `brandlint could not load this guide: ${reason(e)}`;
    st.problems.push({ file: abs, line: 1, column: 1, message, level: 'error' });
  }
  const problems = capProblems(sortProblems(st.problems, st.files), st.more);
  if (!layer || problems.some((p) => p.level === 'error')) return { ok: false, problems };
  for (const c of Object.values(layer.channels)) c.files ??= [];
  const guide: Guide = { path: abs, files: st.files, ...layer };
  return { ok: true, guide, problems };
}

/**
 * Which YAML reader loadFile starts with: 'fast' tries fast-yaml.ts first (a file it cannot read, or
 * one with any problem to report, is read again with `yaml`'s Document); 'reference' only uses the
 * Document. Tests compare the two.
 */
export const guideReader: { use: 'fast' | 'reference' } = { use: 'fast' };

/** One guide file and what it extends, merged (it wins over its bases). */
function loadFile(st: LoadState, file: string, source: string, stack: string[]): GuideLayer | undefined {
  if (st.done.has(file)) return st.done.get(file);
  if (!st.files.includes(file)) st.files.push(file);
  const text = source.replace(/^\uFEFF/, '');
  const control = controlCharacter(file, text);
  if (control) {
    st.problems.push(control);
    st.done.set(file, undefined);
    return undefined;
  }
  // Positions only where the normalizer places entries (a problem reads the file again, below).
  const fast = guideReader.use === 'fast' ? fastGuideYaml(file, text, 'guide') : undefined;
  // The fast path reports nothing: a schema failure or any other problem means positions are
  // needed (NeedsFullYaml), and the file is read again below, from the start, with positions.
  if (fast && schemaValid(fast.value)) {
    try {
      return layerOf(st, file, fast.y, fast.pos, fast.value, [], stack);
    } catch (e) {
      if (!(e instanceof NeedsFullYaml)) throw e;
    }
  }
  const { y, parsed } = parseGuideYaml(file, text);
  st.problems.push(...parsed.problems);
  const value = parsed.value as Record<string, unknown> | undefined;
  if (value === undefined) {
    st.done.set(file, undefined);
    return undefined;
  }
  const schema = schemaProblems(value, parsed.doc, y);
  st.more += schema.more;
  return layerOf(st, file, y, documentPositions(parsed.doc), value, schema.problems, stack);
}

/** A parsed file's layer: its semantic checks, its bases, its own entries normalized and merged. */
function layerOf(
  st: LoadState,
  file: string,
  y: GuideYaml,
  pos: GuidePositions,
  value: Record<string, unknown>,
  schema: GuideProblem[],
  stack: string[],
): GuideLayer | undefined {
  const invalid = [...schema, ...semanticProblems(value, pos, y)];
  st.problems.push(...invalid);

  // Bases load even when this file has errors, so one run reports everything.
  const bases: (GuideLayer | undefined)[] = [];
  const ext = value.extends;
  const specs = typeof ext === 'string' ? [{ spec: ext, at: ['extends'] }] : Array.isArray(ext) ? ext.map((s, i) => ({ spec: s, at: ['extends', i] })) : [];
  for (const { spec, at } of specs) {
    if (typeof spec !== 'string' || spec.length === 0) continue; // the schema reported it
    bases.push(loadExtended(st, y, pos, file, spec, at, stack));
  }

  let own: GuideLayer | undefined;
  if (!invalid.some((p) => p.level === 'error')) {
    const n = new Normalizer(pos, y);
    own = n.layer(value);
    st.problems.push(...n.problems);
  }
  const ok = own && bases.every((b) => b !== undefined);
  const merged = ok ? [...(bases as GuideLayer[]), own as GuideLayer].reduce(mergeLayers, emptyLayer()) : undefined;
  st.done.set(file, merged);
  return merged;
}

function loadExtended(
  st: LoadState,
  y: GuideYaml,
  pos: GuidePositions,
  file: string,
  spec: string,
  at: (string | number)[],
  stack: string[],
): GuideLayer | undefined {
  const fail = (message: string): undefined => {
    st.problems.push(y.problem(spanOf(locate(pos.doc(), at).node), message));
    return undefined;
  };
  let target: string;
  let pack: string | undefined;
  let pkg: ReturnType<typeof packageSpec>;
  if (spec.startsWith(PACK_PREFIX)) {
    pack = spec.slice(PACK_PREFIX.length);
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(pack)) return fail(`"${spec}" is not a pack name (brandlint:NAME, letters, digits and dashes)`);
    target = path.join(packageRoot(), 'packs', `${pack}.yaml`);
  } else if ((pkg = packageSpec(spec, path.dirname(file)))) {
    const found = resolvePackageGuide(path.dirname(file), pkg, st.root);
    if ('error' in found) return fail(`extends "${spec}": ${found.error}`);
    target = found.file;
    // An installed package may be a link (npm link, workspaces): it must still lie inside the repository.
    if (!inside(st.root, realish(target))) {
      return fail(`extends "${spec}": package "${pkg.name}" resolves outside the repository (${realish(found.pkgDir)}); only guides inside it can be extended`);
    }
  } else {
    target = path.resolve(path.dirname(file), spec);
    // A pack may extend its sibling packs; everything else stays inside the repository root.
    // Symlinks count where they point: a link inside the repository to a file outside is outside.
    const packs = realish(path.join(packageRoot(), 'packs'));
    const root = inside(packs, realish(file)) ? packs : st.root;
    if (!inside(root, realish(target))) {
      return fail(`extends "${spec}" points outside the repository (${root}); only guides inside it can be extended`);
    }
  }
  const cycleAt = stack.indexOf(target);
  if (cycleAt >= 0) {
    const names = [...stack.slice(cycleAt), target].map((f) => display(st, f));
    return fail(`extends cycle: ${names.join(' → ')}`);
  }
  let source: string;
  try {
    source = st.read(target);
  } catch (e) {
    if (e instanceof GuideTextError) {
      // The file's own problem, at its own line and column.
      if (!st.files.includes(target)) st.files.push(target);
      st.problems.push(e.problem(target));
      st.done.set(target, undefined);
      return undefined;
    }
    if (pack !== undefined) return fail(unknownPack(pack));
    if (pkg) return fail(`extends "${spec}": cannot read ${display(st, target)} of package "${pkg.name}": ${reason(e)}`);
    return fail(`cannot read extended guide "${spec}" (${display(st, target)}): ${reason(e)}`);
  }
  return loadFile(st, target, source, [...stack, target]);
}

/** An unknown `brandlint:NAME`, with the packs brandlint has and the likely one. */
function unknownPack(pack: string): string {
  let names: string[] = [];
  try {
    names = fs.readdirSync(path.join(packageRoot(), 'packs')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
  } catch {
    // No packs folder: the message without the list.
  }
  const guess = closest(pack, names);
  const known = names.length ? ` (brandlint's packs: ${names.map((n) => `brandlint:${n}`).join(', ')})` : '';
  return `unknown pack "brandlint:${pack}"${guess ? `: did you mean "brandlint:${guess}"?` : ''}${known}`;
}

/** Later layers win: lists concatenate, same term/phrase set replaced, tone and channels by key. */
export function mergeLayers(a: GuideLayer, b: GuideLayer): GuideLayer {
  const channels: GuideLayer['channels'] = { ...a.channels };
  for (const [k, c] of Object.entries(b.channels)) channels[k] = channels[k] ? { ...channels[k], ...c } : c;
  const out: GuideLayer = {
    brand: b.brand ?? a.brand,
    docs: b.docs ?? a.docs,
    terms: mergeEntries(a.terms, b.terms, (t) => t.use.toLowerCase()),
    banned: mergeEntries(a.banned, b.banned, phraseKey),
    claims: mergeEntries(a.claims, b.claims, phraseKey),
    tone: { ...a.tone, ...b.tone },
    channels,
    overrides: [...a.overrides, ...b.overrides],
    ignore: [...new Set([...a.ignore, ...b.ignore])],
    allow: [...new Set([...a.allow, ...b.allow])],
  };
  const quotations = b.quotations ?? a.quotations;
  if (quotations) out.quotations = quotations;
  const copy = a.copy || b.copy ? { ...a.copy, ...b.copy } : undefined;
  if (copy) out.copy = copy;
  if (out.brand === undefined) delete out.brand;
  if (out.docs === undefined) delete out.docs;
  return out;
}

/** mergeByKey, or a copy of `b` when `a` is empty and b's keys are known to differ (the usual one-file guide). */
function mergeEntries<T extends EntryCommon>(a: T[], b: T[], key: (t: T) => string): T[] {
  return a.length === 0 && distinctKeys.has(b) ? [...b] : mergeByKey(a, b, key);
}

/**
 * The first MAX_GUIDE_PROBLEMS problems, then one that counts the rest (at the first one left out):
 * a generated guide with 40,000 bad entries gives a readable report, not 40,000 lines.
 */
function capProblems(problems: GuideProblem[], more: number): GuideProblem[] {
  const extra = Math.max(0, problems.length - MAX_GUIDE_PROBLEMS) + more;
  if (extra === 0) return problems;
  const kept = problems.slice(0, MAX_GUIDE_PROBLEMS);
  const at = problems[MAX_GUIDE_PROBLEMS] ?? kept[kept.length - 1]!;
  const level = problems.slice(MAX_GUIDE_PROBLEMS).some((p) => p.level === 'error') || more > 0 ? 'error' : 'warning';
  kept.push({
    file: at.file,
    line: at.line,
    column: at.column,
    message: `… and ${extra.toLocaleString('en-US')} more problem${extra === 1 ? '' : 's'} (brandlint lists the first ${MAX_GUIDE_PROBLEMS}; fix these and run again)`,
    level,
  });
  return kept;
}

function sortProblems(problems: GuideProblem[], files: string[]): GuideProblem[] {
  const order = (f: string) => {
    const i = files.indexOf(f);
    return i < 0 ? files.length : i;
  };
  return [...problems].sort((p, q) => order(p.file) - order(q.file) || p.line - q.line || p.column - q.column);
}

function display(st: LoadState, f: string): string {
  const rel = path.relative(st.rootGuideDir, f);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : f;
}

const reason = readErrorReason;

/** Text a guide cannot hold (invalid UTF-8, NUL or another control character), at its line and column. */
export class GuideTextError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }

  problem(file: string): GuideProblem {
    return { file, line: this.line, column: this.column, message: this.message, level: 'error' };
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A guide file's text, as the loader reads it from disk: a regular file within MAX_GUIDE_SIZE,
 * valid UTF-8 (GuideTextError at the first bad byte otherwise).
 */
export function readGuideText(file: string): string {
  const { bytes } = readRegularFile(file, MAX_GUIDE_SIZE);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
    // Columns count UTF-16 code units, as every other position brandlint reports.
    const column = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
    const hex = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
    throw new GuideTextError(`not valid UTF-8 (byte ${hex}): save the guide as UTF-8`, line, column);
  }
}

/** Byte offset of the first invalid UTF-8 sequence (the bytes are known to hold one). */
function firstInvalidUtf8(bytes: Buffer): number {
  // Every prefix up to the bad sequence decodes (an incomplete tail is allowed in stream mode).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // The longest good prefix may end inside a sequence the next byte breaks: that sequence is the bad one.
  try {
    strictUtf8.decode(bytes.subarray(0, lo));
  } catch {
    let j = lo - 1;
    while (j > 0 && lo - j < 4 && (bytes[j]! & 0xc0) === 0x80) j--;
    return j;
  }
  return Math.min(lo, bytes.length - 1);
}

/** NUL and the other C0 controls YAML does not allow (tab, line feed and carriage return are fine). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The first control character in a guide's text, as a problem at its line and column. */
function controlCharacter(file: string, text: string): GuideProblem | undefined {
  const m = CONTROL.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const column = m.index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const code = m[0].charCodeAt(0);
  const name = code === 0 ? 'NUL' : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return { file, line, column, message: `control character ${name} is not allowed in a guide (is it a binary file, or saved in UTF-16?)`, level: 'error' };
}

/** The real path when it exists (symlinks resolved), else the path resolved lexically. */
export function realish(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    // A missing file: resolve its folder, so a link to a folder outside still counts as outside.
    const dir = path.dirname(p);
    if (dir === p) return p;
    return path.join(realish(dir), path.basename(p));
  }
}

/** Whether `p` is `root` or lies under it (both real paths). */
export function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function gitRoot(dir: string): string | undefined {
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * A guide name that is there and not a folder. A FIFO or device named brand.yaml counts: the loader
 * then says what it is, instead of brandlint silently taking a guide further up.
 */
function isGuideCandidate(p: string): boolean {
  try {
    return !fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The nearest guide walking up from a file (or from a folder itself), stopping after `stopAt` or
 * a repository root (a folder holding `.git`). In one folder, GUIDE_NAMES order decides.
 */
export function findGuide(file: string, stopAt?: string): string | undefined {
  const start = path.resolve(file);
  let dir = isDirectory(start) ? start : path.dirname(start);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    for (const n of GUIDE_NAMES) {
      const p = path.join(dir, n);
      if (isGuideCandidate(p)) return p;
    }
    if ((stop && stop === dir) || fs.existsSync(path.join(dir, '.git'))) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
