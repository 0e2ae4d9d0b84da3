import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { MAX_GUIDE_SIZE } from '../rules/limits.js';
import { readRegularFile } from '../rules/read-file.js';

/**
 * .gitignore files the way git reads them: every folder may have one, patterns are relative to
 * that folder, the deepest file with an opinion on a path decides, and nothing inside an ignored
 * folder can be re-included.
 */
export class GitIgnores {
  private readonly files = new Map<string, Ignore | null>();
  private readonly dirIgnored = new Map<string, boolean>();
  private readonly roots = new Map<string, string | null>();

  constructor(private readonly fallbackRoot: string) {}

  /** The repository root above a folder (nearest with .git); else the fallback root (the cwd) or the folder itself. */
  rootOf(dir: string): string {
    const git = this.gitRootOf(dir);
    if (git) return git;
    return isInside(this.fallbackRoot, dir) ? this.fallbackRoot : dir;
  }

  private gitRootOf(dir: string): string | null {
    let r = this.roots.get(dir);
    if (r !== undefined) return r;
    if (fs.existsSync(path.join(dir, '.git'))) r = dir;
    else {
      const up = path.dirname(dir);
      r = up === dir ? null : this.gitRootOf(up);
    }
    this.roots.set(dir, r);
    return r;
  }

  private load(dir: string): Ignore | null {
    let ig = this.files.get(dir);
    if (ig !== undefined) return ig;
    ig = null;
    try {
      const text = readRegularFile(path.join(dir, '.gitignore'), MAX_GUIDE_SIZE).bytes.toString('utf8');
      ig = ignore().add(text);
    } catch {
      // no .gitignore here (or unreadable): no opinion
    }
    this.files.set(dir, ig);
    return ig;
  }

  /** Ignored by the .gitignore files from its folder up to the root, ignoring whether a parent folder is. */
  decide(abs: string, isDir: boolean): boolean {
    const root = this.rootOf(path.dirname(abs));
    for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
      const ig = this.load(dir);
      if (ig) {
        const rel = toPosix(path.relative(dir, abs)) + (isDir ? '/' : '');
        const r = ig.test(rel);
        if (r.ignored) return true;
        if (r.unignored) return false;
      }
      if (dir === root || path.dirname(dir) === dir) return false;
    }
  }

  /** Ignored, either itself or through any folder between it and the root. */
  isIgnored(abs: string, isDir = false): boolean {
    const root = this.rootOf(path.dirname(abs));
    if (!isInside(root, abs) || abs === root) return false;
    const parent = path.dirname(abs);
    if (parent !== root && this.isDirIgnored(parent)) return true;
    return this.decide(abs, isDir);
  }

  private isDirIgnored(dir: string): boolean {
    let v = this.dirIgnored.get(dir);
    if (v === undefined) {
      v = this.isIgnored(dir, true);
      this.dirIgnored.set(dir, v);
    }
    return v;
  }
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
