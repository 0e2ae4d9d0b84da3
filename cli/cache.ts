// --cache: what a file's findings were, keyed by a hash of its content, the guide files it was
// linted against and brandlint's version. A CI run over an unchanged content repo reads and hashes
// every file but lints only the ones that changed; editing brand.yaml (or anything it extends)
// or upgrading brandlint invalidates every entry.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Finding, Guide } from '../rules/index.js';
import { readCopyFile } from './copyfile.js';
import { MAX_GUIDE_SIZE } from '../rules/limits.js';
import { readRegularFile } from '../rules/read-file.js';
import { contentHash, invalidUtf8Notice, skippedNotice, type FileOutcome, type FileTask } from './lint-file.js';

export const DEFAULT_CACHE_FILE = '.brandlintcache';
const FORMAT = 2;
/** A cache file larger than this is not read (it is rebuilt): it is untrusted input like any other. */
const MAX_CACHE_SIZE = 256 * 1024 * 1024;

interface Entry {
  /** contentHash of the file as it was (after --fix: as it was written). */
  hash: string;
  /** guideKey of the guide it was linted against. */
  guide: string;
  findings?: Finding[];
  skipped?: string;
  /** sealEntry: a hash over the entry's key and everything above, so a hand-edited entry is not used. */
  seal: string;
}

/**
 * The integrity hash of an entry: its key (path from the cache's folder), content hash, guide key
 * and findings (or why it was skipped). An edit that drops or changes a finding without knowing
 * to reseal makes the entry unusable, and its file is linted again.
 */
export function sealEntry(key: string, e: Omit<Entry, 'seal'>): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([key, e.hash, e.guide, e.skipped ?? null, e.findings ?? null]))
    .digest('base64url');
}

const LEVELS = new Set(['error', 'warning', 'info', 'hint']);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStr = (v: unknown): v is string => typeof v === 'string';

/** The shape the formatters rely on: a cache entry is untrusted input, checked before use. */
function validFinding(f: unknown): f is Finding {
  if (!f || typeof f !== 'object') return false;
  const x = f as Record<string, unknown>;
  if (!isStr(x.rule) || !isStr(x.level) || !LEVELS.has(x.level) || !isStr(x.message) || !isStr(x.text)) return false;
  if (!isInt(x.start) || !isInt(x.end) || !isInt(x.line) || !isInt(x.column) || !isInt(x.endLine) || !isInt(x.endColumn)) return false;
  if (x.start > x.end || x.line < 1 || x.column < 1) return false;
  if (!Array.isArray(x.suggestions) || !x.suggestions.every(isStr)) return false;
  if (!Array.isArray(x.fixes)) return false;
  for (const fix of x.fixes as unknown[]) {
    const fx = fix as { title?: unknown; edits?: unknown } | null;
    if (!fx || !isStr(fx.title) || !Array.isArray(fx.edits)) return false;
    for (const ed of fx.edits as unknown[]) {
      const e = ed as { start?: unknown; end?: unknown; text?: unknown } | null;
      if (!e || !isInt(e.start) || !isInt(e.end) || e.start > e.end || !isStr(e.text)) return false;
    }
  }
  if (x.because !== undefined && !isStr(x.because)) return false;
  if (x.docs !== undefined && !isStr(x.docs)) return false;
  if (x.ref !== undefined) {
    const r = x.ref as { file?: unknown; line?: unknown; column?: unknown } | null;
    if (!r || !isStr(r.file) || !isInt(r.line) || !isInt(r.column)) return false;
  }
  return true;
}

function validEntry(key: string, e: unknown): e is Entry {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return false;
  const x = e as Record<string, unknown>;
  if (!isStr(x.hash) || !isStr(x.guide) || !isStr(x.seal)) return false;
  if (x.skipped !== undefined ? !isStr(x.skipped) || x.findings !== undefined : !Array.isArray(x.findings) || !x.findings.every(validFinding)) return false;
  return x.seal === sealEntry(key, x as unknown as Entry);
}

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, Entry>;
}

/** Where the cache lives: --cache-location as a file, or a folder (existing, or written with a trailing slash) to put it in. */
export function cachePath(cwd: string, location: string | undefined): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  let isDir = /[\\/]$/.test(location);
  try {
    isDir ||= fs.statSync(abs).isDirectory();
  } catch {
    // not there yet: a file
  }
  return isDir ? path.join(abs, DEFAULT_CACHE_FILE) : abs;
}

export class LintCache {
  private entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private readonly guideKeys = new Map<string, string>();
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly version: string,
  ) {
    try {
      // A regular file within the limit (a FIFO or /dev/zero here must not hang or fill memory).
      const data = JSON.parse(readRegularFile(file, MAX_CACHE_SIZE).bytes.toString('utf8')) as Partial<CacheFile>;
      // Another format or version: start over (entries of an older brandlint may be wrong now).
      if (data.format === FORMAT && data.version === version && data.entries && typeof data.entries === 'object' && !Array.isArray(data.entries)) {
        // A null-prototype copy: a key such as "__proto__" stays a plain key.
        this.entries = Object.assign(Object.create(null) as Record<string, Entry>, data.entries);
      }
    } catch {
      // none yet, unreadable or not JSON: an empty cache
    }
  }

  /** Hash of everything in the guide that decides findings: each file it was loaded from, and the version. */
  guideKey(guide: Guide): string {
    let key = this.guideKeys.get(guide.path);
    if (!key) {
      // Paths from the cache's folder: a checkout moved with its cache keeps it valid.
      const h = crypto.createHash('sha256').update(`brandlint ${this.version}\0${this.key(guide.path)}\0`);
      for (const f of guide.files.map((g) => [this.key(g), g] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        h.update(`${f[0]}\0`);
        try {
          h.update(readRegularFile(f[1], MAX_GUIDE_SIZE).bytes);
        } catch {
          h.update(`unreadable ${Math.random()}`); // never matches: lint again
        }
        h.update('\0');
      }
      key = h.digest('base64url');
      this.guideKeys.set(guide.path, key);
    }
    return key;
  }

  /**
   * The outcome lintFile would give, when the cache knows this content with this guide; undefined
   * otherwise (and for anything lintFile must see itself: unreadable files, and with --fix, files
   * that still have a finding --fix would apply).
   */
  /** Entries are keyed by the path from the cache's folder, so a repository can move with its cache. */
  private key(abs: string): string {
    return path.relative(path.dirname(this.file), abs).split(path.sep).join('/');
  }

  private abs(key: string): string {
    return path.resolve(path.dirname(this.file), key);
  }

  lookup(t: FileTask, guide: Guide): FileOutcome | undefined {
    const key = this.key(t.abs);
    const e = this.entries[key];
    if (!e || !validEntry(key, e) || e.guide !== this.guideKey(guide)) return undefined;
    const read = readCopyFile(t.abs, t.maxFileSize);
    if (!read.ok) return undefined;
    const hash = contentHash(read.bytes);
    if (hash !== e.hash) return undefined;
    if (t.fix && !read.invalidUtf8 && e.findings?.some((f) => f.fixes.length === 1)) return undefined;
    const notices = read.invalidUtf8 ? [invalidUtf8Notice(t)] : [];
    if (e.skipped !== undefined) return { notices: [...notices, skippedNotice(t, e.skipped)], failed: false, hash, skipped: e.skipped };
    const findings = (e.findings ?? []).map((f) => (f.ref ? { ...f, ref: { ...f.ref, file: this.abs(f.ref.file) } } : f));
    return { file: { path: t.abs, rel: t.rel, source: read.text, findings, fixed: 0 }, notices, failed: false, hash };
  }

  /** Remember what lintFile found (before --quiet filters it). */
  store(t: FileTask, guide: Guide, o: FileOutcome): void {
    const k = this.key(t.abs);
    if (o.failed || o.hash === undefined) {
      if (this.entries[k]) {
        delete this.entries[k];
        this.dirty = true;
      }
      return;
    }
    // A finding's ref (the guide entry behind it) is kept relative, like the keys.
    const entry: Omit<Entry, 'seal'> = o.file
      ? { hash: o.hash, guide: this.guideKey(guide), findings: o.file.findings.map((f) => (f.ref ? { ...f, ref: { ...f.ref, file: this.key(f.ref.file) } } : f)) }
      : { hash: o.hash, guide: this.guideKey(guide), skipped: o.skipped ?? '' };
    this.entries[k] = { ...entry, seal: sealEntry(k, entry) };
    this.dirty = true;
  }

  /** Write the cache (atomically: a run cut short never leaves half a file). Returns an error message on failure. */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    const data: CacheFile = { format: FORMAT, version: this.version, entries: this.entries };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
      this.dirty = false;
      return undefined;
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean up
      }
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }
}
