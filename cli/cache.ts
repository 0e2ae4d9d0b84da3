// --cache: what a file's findings were, keyed by a hash of its content, the guide files it was
// linted against and brandlint's version. A CI run over an unchanged content repo reads and hashes
// every file but lints only the ones that changed; editing brand.yaml (or anything it extends)
// or upgrading brandlint invalidates every entry.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Finding, Guide } from '../rules/index.js';
import { readCopyFile } from './copyfile.js';
import { contentHash, invalidUtf8Notice, skippedNotice, type FileOutcome, type FileTask } from './lint-file.js';

export const DEFAULT_CACHE_FILE = '.brandlintcache';
const FORMAT = 1;

interface Entry {
  /** contentHash of the file as it was (after --fix: as it was written). */
  hash: string;
  /** guideKey of the guide it was linted against. */
  guide: string;
  findings?: Finding[];
  skipped?: string;
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
  private entries: Record<string, Entry> = {};
  private readonly guideKeys = new Map<string, string>();
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly version: string,
  ) {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
      // Another format or version: start over (entries of an older brandlint may be wrong now).
      if (data.format === FORMAT && data.version === version && data.entries && typeof data.entries === 'object') this.entries = data.entries;
    } catch {
      // none yet, or unreadable: an empty cache
    }
  }

  /** Hash of everything in the guide that decides findings: each file it was loaded from, and the version. */
  guideKey(guide: Guide): string {
    let key = this.guideKeys.get(guide.path);
    if (!key) {
      const h = crypto.createHash('sha256').update(`brandlint ${this.version}\0${guide.path}\0`);
      for (const f of [...guide.files].sort()) {
        h.update(`${f}\0`);
        try {
          h.update(fs.readFileSync(f));
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

  lookup(t: FileTask, guide: Guide): FileOutcome | undefined {
    const e = this.entries[this.key(t.abs)];
    if (!e || e.guide !== this.guideKey(guide)) return undefined;
    const read = readCopyFile(t.abs, t.maxFileSize);
    if (!read.ok) return undefined;
    const hash = contentHash(read.bytes);
    if (hash !== e.hash) return undefined;
    if (t.fix && !read.invalidUtf8 && e.findings?.some((f) => f.fixes.length === 1)) return undefined;
    const notices = read.invalidUtf8 ? [invalidUtf8Notice(t)] : [];
    if (e.skipped !== undefined) return { notices: [...notices, skippedNotice(t, e.skipped)], failed: false, hash, skipped: e.skipped };
    return { file: { path: t.abs, rel: t.rel, source: read.text, findings: e.findings ?? [], fixed: 0 }, notices, failed: false, hash };
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
    this.entries[k] = o.file ? { hash: o.hash, guide: this.guideKey(guide), findings: o.file.findings } : { hash: o.hash, guide: this.guideKey(guide), skipped: o.skipped ?? '' };
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
