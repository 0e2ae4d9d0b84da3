import fs from 'node:fs';
import path from 'node:path';
import { loadGuide, type Guide, type GuideProblem } from '../rules/index.js';
import { checkExamples } from '../rules/examples.js';
import { GuideStore } from './guide-store.js';

/** What the server knows about one guide file (the root of an extends chain). */
export interface GuideState {
  path: string;
  /** The guide in force: the current one, or the last good one while the file is broken. */
  guide?: Guide;
  /** True when `guide` is a previous version because the current file does not load. */
  stale: boolean;
  /** True while the guide is read off the request path (a large one, in a worker thread). */
  loading?: boolean;
  problems: GuideProblem[];
  /** Entries' examples that misbehave (a bad one that passes, a good one that is flagged), on the example itself. */
  examples: GuideProblem[];
  /** Every file that went into the guide (itself and its extends), for watching. */
  files: string[];
}

/**
 * Loads guides on demand and keeps them until a file they were built from changes. A guide that
 * fails to load keeps its last good version in force, so a half-typed brand.yaml does not wipe
 * every squiggle in the workspace.
 */
export class GuideCache {
  private readonly states = new Map<string, GuideState>();

  /** `read` sees unsaved editor buffers first, then the disk. */
  constructor(
    private readonly read: (file: string) => string,
    private readonly store = new GuideStore(),
  ) {}

  get(guidePath: string): GuideState {
    const key = path.resolve(guidePath);
    let st = this.states.get(key);
    if (!st) {
      st = this.load(key, undefined);
      this.states.set(key, st);
    }
    return st;
  }

  /** Write guides loaded since the last call to the disk cache (deferred past the first diagnostics). */
  persist(): void {
    this.store.flush();
  }

  all(): GuideState[] {
    return [...this.states.values()];
  }

  /** Guides built from `file` (the guide itself or anything it extends). */
  dependents(file: string): string[] {
    const f = path.resolve(file);
    return this.all()
      .filter((s) => s.path === f || s.files.includes(f))
      .map((s) => s.path);
  }

  /** Reload every guide built from `file`; returns the reloaded states. */
  invalidate(file: string): GuideState[] {
    const out: GuideState[] = [];
    for (const p of this.dependents(file)) {
      const prev = this.states.get(p);
      if (!fs.existsSync(p) && !this.canRead(p)) {
        // The guide was deleted: forget it (files that used it will look for another one).
        this.states.delete(p);
        out.push({ path: p, stale: false, problems: [], examples: [], files: prev?.files ?? [p] });
        continue;
      }
      const st = this.load(p, prev);
      this.states.set(p, st);
      out.push(st);
    }
    return out;
  }

  private canRead(p: string): boolean {
    try {
      this.read(p);
      return true;
    } catch {
      return false;
    }
  }

  private load(p: string, prev: GuideState | undefined): GuideState {
    let result;
    try {
      result = this.store.get(p, this.read);
      if (!result) {
        result = loadGuide(p, { read: this.read });
        this.store.put(result, this.read, { later: true });
      }
    } catch (err) {
      // The loader should report, not throw; if it does, treat it as a problem at the top of the file.
      const message = `brandlint could not load this guide: ${err instanceof Error ? err.message : String(err)}`;
      result = { ok: false as const, problems: [{ file: p, line: 1, column: 1, message, level: 'error' as const }] };
    }
    if (result.ok) {
      const files = uniq([p, ...result.guide.files.map((f) => path.resolve(f))]);
      return { path: p, guide: result.guide, stale: false, problems: result.problems, examples: this.examples(result.guide), files };
    }
    // Keep watching what the last good version was built from, plus every file a problem names
    // (a broken extends target must be watched to notice its repair).
    const files = uniq([p, ...(prev?.files ?? []), ...result.problems.map((q) => path.resolve(q.file))]);
    // The last good guide's examples point into text that has changed since: none until it loads.
    return { path: p, guide: prev?.guide, stale: prev?.guide !== undefined, problems: result.problems, examples: [], files };
  }

  private examples(guide: Guide): GuideProblem[] {
    try {
      return checkExamples(guide, { read: this.read });
    } catch (err) {
      const message = `brandlint could not run this guide's examples: ${err instanceof Error ? err.message : String(err)}`;
      return [{ file: guide.path, line: 1, column: 1, message, level: 'warning' }];
    }
  }
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}
