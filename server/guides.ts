import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadGuide, type Guide, type GuideProblem, type GuideResult } from '../rules/index.js';
import { checkExamples } from '../rules/examples.js';
import { GuideStore } from './guide-store.js';
import type { GuideJob, GuideJobResult } from './guide-worker.js';

/**
 * Guides whose files add up to more than this are loaded in a worker thread. A 10,000-term guide
 * (~0.5 MB) loads in a few hundred milliseconds, less than starting a worker and copying the guide
 * back would add to the first diagnostics; above this size a load takes seconds, and a hostile one
 * (a generated guide of 30,000 entries) far longer, which must not stall the other documents.
 */
export const OFF_THREAD_BYTES = 512 * 1024;
/** A worker that runs out of heap fails that load, not the server. */
const WORKER_HEAP_MB = 1024;

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
  /** The worker loading each guide that is being read off the request path. */
  private readonly workers = new Map<string, Worker>();

  /**
   * `read` sees unsaved editor buffers first, then the disk; `buffers` lists those buffers (a worker
   * gets a copy); `loaded` hears of each guide a worker finished.
   */
  constructor(
    private readonly read: (file: string) => string,
    private readonly store = new GuideStore(),
    private readonly background?: { buffers: () => Record<string, string>; loaded: (st: GuideState) => void },
  ) {}

  get(guidePath: string): GuideState {
    const key = path.resolve(guidePath);
    let st = this.states.get(key);
    if (!st) {
      st = this.begin(key, undefined);
      this.states.set(key, st);
    }
    return st;
  }

  /** Stop every load in progress (the server is shutting down). */
  dispose(): void {
    for (const w of this.workers.values()) void w.terminate();
    this.workers.clear();
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
      const st = this.begin(p, prev);
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

  /** Load now, or start a worker for a large guide and keep the last good version meanwhile. */
  private begin(p: string, prev: GuideState | undefined): GuideState {
    void this.workers.get(p)?.terminate();
    this.workers.delete(p);
    let result: GuideResult | undefined;
    try {
      result = this.store.get(p, this.read);
      if (!result && this.background && this.size([p, ...(prev?.files ?? [])]) > OFF_THREAD_BYTES) return this.startWorker(p, prev);
      if (!result) {
        result = loadGuide(p, { read: this.read });
        this.store.put(result, this.read, { later: true });
      }
    } catch (err) {
      result = failed(p, err);
    }
    return this.settle(p, prev, result, result.ok ? this.examples(result.guide) : []);
  }

  /** Bytes of these files as the server reads them (open buffers, else the disk). */
  private size(files: string[]): number {
    let n = 0;
    const buffers = this.background?.buffers() ?? {};
    for (const f of new Set(files)) {
      try {
        n += buffers[f]?.length ?? fs.statSync(f).size;
      } catch {
        // A missing file adds nothing.
      }
    }
    return n;
  }

  private startWorker(p: string, prev: GuideState | undefined): GuideState {
    const bg = this.background!;
    const job: GuideJob = { file: p, buffers: bg.buffers() };
    const worker = new Worker(workerFile(), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.workers.set(p, worker);
    let done = false;
    const finish = (st: GuideState) => {
      if (done || this.workers.get(p) !== worker) return; // a newer load of this guide replaced this one
      done = true;
      this.workers.delete(p);
      void worker.terminate();
      this.states.set(p, st);
      bg.loaded(st);
    };
    worker.once('message', (m: GuideJobResult) => {
      if (m.result.ok) this.store.put(m.result, (f) => m.texts[f] ?? this.read(f), { later: true });
      finish(this.settle(p, prev, m.result, m.examples));
    });
    worker.once('error', (err) => finish(this.settle(p, prev, failed(p, err), [])));
    worker.once('exit', (code) => finish(this.settle(p, prev, failed(p, new Error(`the loader stopped (exit code ${code})`)), [])));
    // Until it is read, the last good version (if any) stays in force.
    return { path: p, guide: prev?.guide, stale: prev?.stale ?? false, loading: true, problems: prev?.problems ?? [], examples: prev?.examples ?? [], files: prev?.files ?? [p] };
  }

  private settle(p: string, prev: GuideState | undefined, result: GuideResult, examples: GuideProblem[]): GuideState {
    if (result.ok) {
      const files = uniq([p, ...result.guide.files.map((f) => path.resolve(f))]);
      return { path: p, guide: result.guide, stale: false, problems: result.problems, examples, files };
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

/** The loader should report, not throw; if it does, that is a problem at the top of the file. */
function failed(p: string, err: unknown): GuideResult {
  const message = `brandlint could not load this guide: ${err instanceof Error ? err.message : String(err)}`;
  return { ok: false, problems: [{ file: p, line: 1, column: 1, message, level: 'error' }] };
}

/** The worker's script beside this module: guide-worker.js (tsc output) or guide-worker.cjs (the bundle). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), here.endsWith('.cjs') ? 'guide-worker.cjs' : 'guide-worker.js');
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}
