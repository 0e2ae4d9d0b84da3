import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { GitIgnores, toPosix } from './gitignore.js';
import { UsageError } from './io.js';
import { fileKind } from '../rules/read-file.js';

export interface Candidate {
  abs: string;
  /** Named on the command line itself (not found in a folder or by a glob). */
  explicit: boolean;
}

/** Folders never walked: other tools' stores, never copy. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface DiscoverResult {
  candidates: Candidate[];
  /** Patterns or folders that yielded no file (exit 2 unless --no-error-on-unmatched-pattern). */
  empty: string[];
}

/**
 * Expand the command line's paths and globs into files, honouring .gitignore files (root and
 * nested) in folders and glob results. An explicit file is kept as named; the caller decides if
 * it is copy. A path that is neither a file, a folder nor a glob is a usage error.
 */
export function discover(inputs: string[], cwd: string, gitignores = new GitIgnores(cwd)): DiscoverResult {
  const seen = new Map<string, Candidate>();
  const empty: string[] = [];
  const add = (abs: string, explicit: boolean) => {
    const prev = seen.get(abs);
    if (!prev) seen.set(abs, { abs, explicit });
    else if (explicit) prev.explicit = true;
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    const before = seen.size;
    // A FIFO, device or socket named on the command line: reading it could block or never end.
    if (stat && !stat.isFile() && !stat.isDirectory()) throw new UsageError(`${input}: ${fileKind(stat)}, not a regular file`);
    if (stat?.isFile()) add(abs, true);
    else if (stat?.isDirectory()) walk(abs, gitignores, (f) => add(f, false));
    else if (fg.isDynamicPattern(toPosix(input))) {
      const found = fg.sync(toPosix(input), {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      for (const f of found) {
        const file = path.normalize(f);
        if (!gitignores.isIgnored(file)) add(file, false);
      }
    } else throw new UsageError(`no such file, folder or glob match: ${input}`);
    if (seen.size === before && !stat?.isFile()) empty.push(input);
  }
  return { candidates: [...seen.values()], empty };
}

/** Every file under a folder, skipping hidden and git-ignored entries (ignored folders are not entered). */
function walk(dir: string, gitignores: GitIgnores, onFile: (abs: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to lint there
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (ALWAYS_SKIPPED.has(e.name) || e.name.startsWith('.')) continue;
    const abs = path.join(dir, e.name);
    let isFile = e.isFile();
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      // Follow links to files; not links to folders (loops, and copy outside the tree).
      try {
        isFile = fs.statSync(abs).isFile();
      } catch {
        isFile = false;
      }
      isDir = false;
    }
    if (isDir) {
      if (!gitignores.decide(abs, true)) walk(abs, gitignores, onFile);
    } else if (isFile && !gitignores.decide(abs, false)) onFile(abs);
  }
}

// Text files every repository has that are not copy: `.txt` is a social-draft extension, so a
// folder walk took LICENSE.txt for a 1,000-character post and requirements.txt for prose.
const NOT_COPY_TXT =
  /^(?:(?:dev-|test-)?(?:requirements|constraints)(?:[-_.][^/]*)?|licen[cs]e(?:[-_.][^/]*)?|copying(?:[-_.][^/]*)?|notice|authors|contributors|maintainers|changelog|third[-_]?party[-_]?notices?|cmakelists|robots|humans|security|ads|app-ads|llms(?:-full)?)\.txt$/i;

// A licence is legal text in any format: LICENSE.md, COPYING.markdown, NOTICE.md.
const LEGAL_MARKDOWN = /^(?:licen[cs]e|copying|notice)(?:[-_.][^/]*)?\.(?:md|markdown)$/i;

/**
 * A well-known non-copy file (LICENSE.txt, LICENSE.md, requirements.txt, robots.txt…): skipped in
 * folder walks and globs unless a channel's `files` names it.
 */
export function isWellKnownNonCopy(abs: string): boolean {
  const name = path.basename(abs);
  return NOT_COPY_TXT.test(name) || LEGAL_MARKDOWN.test(name);
}

/** The path as reports show it: relative to the cwd, with `/`. */
export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return toPosix(rel === '' ? path.basename(abs) : rel);
}

/** Code-unit order of the display path, so every machine and shard sees the same list. */
export function sortByPath<T extends { rel: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of the relative path: stable across runs, machines and Node versions. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Shard i of n (1-based): each file belongs to exactly one shard, decided by its path alone. */
export function inShard(rel: string, shard: { index: number; count: number } | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  return stableHash(rel) % shard.count === shard.index - 1;
}
