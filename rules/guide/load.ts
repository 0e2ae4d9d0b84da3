// TEMPORARY minimal loader: replaced by the validating loader (issue 2, guide part).
import fs from 'node:fs';
import path from 'node:path';
import type { GuideResult } from '../types.js';

export const GUIDE_NAMES = ['brand.yaml', 'brand.yml', '.brand.yaml', '.brand.yml'];

export interface LoadOptions {
  /** Read a file (the server passes unsaved editor buffers through this). */
  read?: (file: string) => string;
  /** Folder that `extends` may not leave (defaults to the repository root of the guide). */
  root?: string;
}

export function loadGuide(file: string, _opts: LoadOptions = {}): GuideResult {
  return { ok: false, problems: [{ file, line: 1, column: 1, message: 'guide loader not built yet', level: 'error' }] };
}

/** The nearest guide walking up from a file's folder, stopping at `stopAt` or a repository root. */
export function findGuide(file: string, stopAt?: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    for (const n of GUIDE_NAMES) {
      const p = path.join(dir, n);
      if (fs.existsSync(p)) return p;
    }
    if ((stopAt && path.resolve(stopAt) === dir) || fs.existsSync(path.join(dir, '.git'))) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
