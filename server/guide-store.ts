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
import type { GuideResult } from '../rules/index.js';

interface Entry {
  build: string;
  files: Array<[string, string]>;
  result: GuideResult;
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
      if (e.build !== build() || !e.result?.ok || e.result.guide.path !== path.resolve(guidePath)) return undefined;
      for (const [f, h] of e.files) if (hash(read(f)) !== h) return undefined;
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
   * and written after the current work, so a cold start's first diagnostics do not wait for it.
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
    if (opts.later) setImmediate(() => this.write(file, files, result)).unref();
    else this.write(file, files, result);
  }

  private write(file: string, files: Array<[string, string]>, result: GuideResult): void {
    try {
      let exact = true;
      const json = JSON.stringify({ build: build(), files, result } satisfies Entry, (_k, v: unknown) => {
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
