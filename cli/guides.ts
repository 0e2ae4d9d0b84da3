import path from 'node:path';
import { findGuide, loadGuide, type GuideProblem, type GuideResult } from '../rules/index.js';
import { displayPath } from './files.js';

/**
 * Which brand.yaml applies to each file: the one --guide names, or the nearest walking up.
 * Each guide is loaded once and each folder looked up once, however many files share them.
 */
export class GuideResolver {
  private readonly results = new Map<string, GuideResult>();
  private readonly byDir = new Map<string, string | undefined>();

  constructor(private readonly forced?: string) {}

  pathFor(file: string): string | undefined {
    if (this.forced) return this.forced;
    const dir = path.dirname(file);
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    // findGuide walks up from the file's folder; any name in the folder gives the same answer.
    const found = findGuide(path.join(dir, '.brandlint-probe'));
    const abs = found ? path.resolve(found) : undefined;
    this.byDir.set(dir, abs);
    return abs;
  }

  load(guidePath: string): GuideResult {
    let r = this.results.get(guidePath);
    if (!r) {
      try {
        r = loadGuide(guidePath);
      } catch (e) {
        // A loader bug must still come out as a guide error with a place, not a stack trace.
        r = { ok: false, problems: [{ file: guidePath, line: 1, column: 1, message: `could not load: ${(e as Error).message}`, level: 'error' }] };
      }
      this.results.set(guidePath, r);
    }
    return r;
  }

  /** Every file of every guide loaded so far (each one it extends too), for --output to leave alone. */
  protectedFiles(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [p, r] of this.results) {
      out.set(p, 'the guide');
      if (r.ok) for (const f of r.guide.files) out.set(f, f === p ? 'the guide' : 'a file the guide extends');
    }
    return out;
  }

  /** Every problem of every guide loaded so far, errors first per guide, in load order. */
  problems(): { problems: GuideProblem[]; fatal: boolean } {
    const problems: GuideProblem[] = [];
    let fatal = false;
    for (const r of this.results.values()) {
      problems.push(...r.problems);
      if (!r.ok || r.problems.some((p) => p.level === 'error')) fatal = true;
    }
    return { problems, fatal };
  }
}

/** `brand.yaml:12:5 error MESSAGE (guide)`: the shape editors and CI logs turn into links. */
export function formatGuideProblem(cwd: string, p: GuideProblem): string {
  return `${displayPath(cwd, path.resolve(cwd, p.file))}:${p.line}:${p.column} ${p.level} ${p.message} (guide)`;
}
