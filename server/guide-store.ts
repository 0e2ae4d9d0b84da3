// A disk cache of loaded guides for the language server's cold start. Reading a large brand.yaml
// with positions (YAML document, schema validation, normalization) is the biggest part of the time
// to first diagnostics and of the server's peak memory; an editor restarts the server far more
// often than the guide changes. An entry holds the loaded guide and a hash of every file that went
// into it (read through the same reader, so an unsaved buffer is a different guide); any
// difference, or a different brandlint build, is a miss and the guide is loaded as usual.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BannedEntry, ClaimEntry, Guide, GuideResult, SourceRef, TermEntry, ToneSetting } from '../rules/index.js';

interface Entry {
  build: string;
  files: Array<[string, string]>;
  /** Every `ref.file` of the guide, once: a ref is stored as [index in `paths`, line, column]. */
  paths: string[];
  result: GuideResult;
}

// The guide's source positions, written compactly: a 10,000-term guide repeated its path in every
// entry's ref (~30 % of the entry's JSON, and one string per entry when parsed back).
type Ref = SourceRef | [number, number, number];
type Entries = Array<{ ref: Ref }>;
type Tone = Record<string, { ref?: Ref }>;

/** Each place of a Guide that holds a SourceRef (rules/types.ts), visited in place. */
function eachRef(g: Guide, f: (r: Ref) => Ref): void {
  const entries = (xs: Entries | 'off' | undefined) => {
    if (Array.isArray(xs)) for (const e of xs) e.ref = f(e.ref);
  };
  const tone = (t: Tone | 'off' | undefined) => {
    if (t && t !== 'off') for (const k of Object.keys(t)) if (t[k]!.ref !== undefined) t[k]!.ref = f(t[k]!.ref!);
  };
  entries(g.terms);
  entries(g.banned);
  entries(g.claims);
  tone(g.tone);
  for (const o of g.overrides) {
    o.ref = f(o.ref) as SourceRef;
    entries(o.terms);
    entries(o.banned);
    entries(o.claims);
    tone(o.tone);
  }
}

/** A copy of the guide whose refs are [path index, line, column] (the copy shares everything else). */
function encodeGuide(g: Guide, paths: string[]): Guide {
  const index = new Map<string, number>();
  const enc = (r: Ref): Ref => {
    const { file, line, column } = r as SourceRef;
    let i = index.get(file);
    if (i === undefined) index.set(file, (i = paths.push(file) - 1));
    return [i, line, column];
  };
  const entries = <T>(xs: T[] | 'off' | undefined) => (Array.isArray(xs) ? xs.map((e) => ({ ...e })) : xs);
  const tone = (t: Record<string, ToneSetting> | 'off' | undefined) =>
    t && t !== 'off' ? Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { ...v }])) : t;
  const copy: Guide = {
    ...g,
    terms: entries(g.terms) as TermEntry[],
    banned: entries(g.banned) as BannedEntry[],
    claims: entries(g.claims) as ClaimEntry[],
    tone: tone(g.tone) as Record<string, ToneSetting>,
    // An absent section comes out as an undefined key, which JSON leaves out as before.
    overrides: g.overrides.map((o) => ({ ...o, terms: entries(o.terms), banned: entries(o.banned), claims: entries(o.claims), tone: tone(o.tone) })),
  };
  eachRef(copy, enc);
  return copy;
}

/** Back from encodeGuide, in place; throws on a ref that is not [known path, line, column]. */
function decodeGuide(g: Guide, paths: string[]): void {
  eachRef(g, (r) => {
    const [i, line, column] = r as [number, number, number];
    const file = paths[i];
    if (!Array.isArray(r) || r.length !== 3 || typeof file !== 'string' || typeof line !== 'number' || typeof column !== 'number') throw new Error('corrupt guide cache entry');
    return { file, line, column };
  });
}

const hash = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');

let buildId: string | undefined;
/** Identifies the loader that made an entry: the package version and the guide loader's files. */
function build(): string {
  if (buildId !== undefined) return buildId;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const parts: string[] = [];
  for (const f of [path.basename(fileURLToPath(import.meta.url)), '../../package.json', '../rules/guide/load.js', '../rules/guide/fast-yaml.js', '../rules/guide/normalize.js', '../rules/guide/schema.js', '../rules/guide/schema-validator.cjs', '../rules/guide/yaml.js', '../rules/types.js']) {
    try {
      const st = fs.statSync(path.join(here, f));
      parts.push(`${f}:${st.size}:${st.mtimeMs}`);
    } catch {
      parts.push(`${f}:-`);
    }
  }
  return (buildId = hash(parts.join('|')));
}

export class GuideStore {
  constructor(readonly dir: string | undefined = defaultDir()) {}

  private file(guidePath: string): string | undefined {
    return this.dir && path.join(this.dir, `${hash(path.resolve(guidePath))}.json`);
  }

  /** The cached result for this guide if every file it was built from still reads the same. */
  get(guidePath: string, read: (file: string) => string): GuideResult | undefined {
    const file = this.file(guidePath);
    if (!file) return undefined;
    try {
      // Only a folder this user owns: another account could have made it first in a shared /tmp.
      const uid = process.getuid?.();
      if (uid !== undefined && fs.statSync(this.dir!).uid !== uid) return undefined;
      const e = JSON.parse(fs.readFileSync(file, 'utf8')) as Entry;
      if (e.build !== build() || !e.result?.ok || e.result.guide.path !== path.resolve(guidePath) || !Array.isArray(e.paths)) return undefined;
      for (const [f, h] of e.files) if (hash(read(f)) !== h) return undefined;
      decodeGuide(e.result.guide, e.paths);
      return e.result;
    } catch {
      return undefined;
    }
  }

  /** One entry per guide path: keep the most recently written MAX_ENTRIES. */
  private prune(): void {
    const names = fs.readdirSync(this.dir!).filter((n) => n.endsWith('.json'));
    if (names.length <= MAX_ENTRIES) return;
    const aged = names.map((n) => ({ n, t: fs.statSync(path.join(this.dir!, n)).mtimeMs })).sort((a, b) => b.t - a.t);
    for (const { n } of aged.slice(MAX_ENTRIES)) fs.rmSync(path.join(this.dir!, n), { force: true });
  }

  /**
   * Keep a successfully loaded guide (never a failing one: its problems are worth recomputing).
   * `later`: the files are hashed now (what the guide was built from) but the entry is serialized
   * and written by flush(), which the server calls once the diagnostics it was computing are sent
   * (serializing 10,000 terms and the garbage it makes cost ~40 ms of a cold start), else after
   * LATER_MS, or at exit.
   */
  put(result: GuideResult, read: (file: string) => string, opts: { later?: boolean } = {}): void {
    const file = this.file(result.ok ? result.guide.path : '');
    if (!file || !result.ok) return;
    let files: Array<[string, string]>;
    try {
      files = result.guide.files.map((f): [string, string] => [f, hash(read(f))]);
    } catch {
      return;
    }
    if (!opts.later) return this.write(file, files, result);
    if (this.pending.size === 0) {
      setTimeout(this.flush, LATER_MS).unref();
      process.once('exit', this.flush);
    }
    this.pending.set(file, () => this.write(file, files, result));
  }

  private readonly pending = new Map<string, () => void>();

  /** Write the entries put(…, { later: true }) kept. */
  readonly flush = (): void => {
    if (this.pending.size === 0) return;
    process.off('exit', this.flush);
    const writes = [...this.pending.values()];
    this.pending.clear();
    for (const w of writes) w();
  };

  private write(file: string, files: Array<[string, string]>, result: GuideResult): void {
    try {
      let exact = true;
      const paths: string[] = [];
      const lean = result.ok ? { ...result, guide: encodeGuide(result.guide, paths) } : result;
      const json = JSON.stringify({ build: build(), files, paths, result: lean } satisfies Entry, (_k, v: unknown) => {
        // JSON would turn Infinity into null (`max: .inf`) and drop undefined in arrays: not cacheable.
        if ((typeof v === 'number' && !Number.isFinite(v)) || (Array.isArray(v) && v.includes(undefined))) exact = false;
        return v;
      });
      if (!exact) return;
      fs.mkdirSync(this.dir!, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, json, { mode: 0o600 });
      fs.renameSync(tmp, file);
      this.prune();
    } catch {
      // A cache that cannot be written is only slower.
    }
  }
}

export const MAX_ENTRIES = 64;
/** The latest a kept entry is written when nobody calls flush() (a guide loaded without a lint). */
const LATER_MS = 2000;

/** BRANDLINT_CACHE_DIR (empty: no cache), else a per-user folder in the temp directory. */
function defaultDir(): string | undefined {
  const env = process.env.BRANDLINT_CACHE_DIR;
  if (env !== undefined) return env ? path.resolve(env, 'guides') : undefined;
  let user = 'user';
  try {
    user = String(process.getuid?.() ?? os.userInfo().username);
  } catch {
    // keep the generic name
  }
  return path.join(os.tmpdir(), `brandlint-${user}`, 'guides');
}
