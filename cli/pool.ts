// Worker threads across files for long CLI runs. Each worker loads each guide once and lints the
// batches it is sent; outcomes are handed back in file order, so the report and every notice come
// out byte for byte as a run on one thread would print them.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Guide } from '../rules/index.js';
import type { FileOutcome, FileTask } from './lint-file.js';
import type { WorkerJob, WorkerReply } from './lint-worker.js';

/** Below this many files the workers' start-up (modules, guide) costs more than they save. */
export const MIN_FILES_FOR_WORKERS = 50;

/**
 * How many threads lint a run of `files` files: one per core (os.availableParallelism), the main
 * thread being one of them; one for short runs or on one core (0: the main thread alone).
 * BRANDLINT_WORKERS overrides it (0 or 1: the main thread alone; N: the main thread and N-1 workers).
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.BRANDLINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced.trim())) {
    const n = Number(forced);
    return n <= 1 || files < 2 ? 0 : Math.min(n, files);
  }
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  const cores = os.availableParallelism();
  return cores <= 1 ? 0 : Math.min(cores, Math.ceil(files / 25));
}

/** The compiled worker script; absent when running from TypeScript sources (tests), then no pool. */
function workerScript(): URL | undefined {
  // From the CLI bundle (dist/cli/brandlint.cjs), the worker's bundle beside it.
  const url = new URL(import.meta.url.endsWith('.cjs') ? './lint-worker.cjs' : './lint-worker.js', import.meta.url);
  return url.protocol === 'file:' && fs.existsSync(fileURLToPath(url)) ? url : undefined;
}

export function poolAvailable(): boolean {
  return workerScript() !== undefined;
}

/**
 * Lint `tasks` on `workers` worker threads, and on the main thread too with `mainLints` (through
 * `fallback`); each worker is sent each guide it needs once. `done(i, outcome)` is called in index order. A worker that
 * dies hands its files to `fallback` (the main thread), so a crash never loses a file.
 */
export async function lintInWorkers(
  tasks: Array<{ task: FileTask; guide: Guide }>,
  workers: number,
  done: (i: number, outcome: FileOutcome) => void,
  fallback: (i: number) => FileOutcome,
  opts: { mainLints?: boolean } = {},
): Promise<void> {
  const script = workerScript();
  if (!script) throw new Error('worker script not built');
  const results: Array<FileOutcome | undefined> = new Array(tasks.length);
  let next = 0; // next index to hand out
  let emitted = 0; // next index to report
  const flush = () => {
    while (emitted < tasks.length && results[emitted]) {
      done(emitted, results[emitted]!);
      results[emitted] = undefined; // let the report hold it, not this array
      emitted++;
    }
  };
  const threads = workers + (opts.mainLints ? 1 : 0);
  // Batches shrink as the run ends, so every thread finishes at about the same time; never so
  // small that messaging dominates early on.
  const nextBatch = (): number[] => {
    const ids: number[] = [];
    const size = Math.max(1, Math.min(16, Math.floor((tasks.length - next) / (threads * 4))));
    for (; next < tasks.length && ids.length < size; next++) ids.push(next);
    return ids;
  };
  const take = (sent: Set<string>): WorkerJob | undefined => {
    if (next >= tasks.length) return undefined;
    const ids = nextBatch();
    const guideData: Record<string, Guide> = {};
    for (const i of ids) {
      const g = tasks[i]!.guide;
      if (!sent.has(g.path)) {
        sent.add(g.path);
        guideData[g.path] = g;
      }
    }
    return { ids, tasks: ids.map((i) => tasks[i]!.task), guides: ids.map((i) => tasks[i]!.guide.path), guideData };
  };

  await new Promise<void>((resolve) => {
    let live = 0;
    const start = () => {
      const w = new Worker(script);
      live++;
      // Two jobs in flight: the worker starts the next batch while its last reply waits for a
      // main thread that is busy linting a batch of its own.
      const inFlight: WorkerJob[] = [];
      let finished = false;
      const sent = new Set<string>(); // guides this worker holds
      const send = () => {
        while (inFlight.length < 2) {
          const job = take(sent);
          if (!job) break;
          inFlight.push(job);
          w.postMessage(job);
        }
        if (inFlight.length === 0) void w.terminate();
      };
      const end = () => {
        if (finished) return;
        finished = true;
        // Whatever it still held is linted here, in order with the rest.
        for (const job of inFlight.splice(0)) for (const i of job.ids) results[i] ??= fallback(i);
        flush();
        if (--live === 0) {
          // Every worker gone: anything not yet handed out is linted on this thread.
          while (next < tasks.length) results[next] = fallback(next++);
          flush();
          workersDone();
        }
      };
      w.on('message', (reply: WorkerReply) => {
        reply.ids.forEach((i, k) => (results[i] = reply.outcomes[k]!));
        inFlight.shift();
        flush();
        send();
      });
      w.on('error', end);
      w.on('exit', end);
      send();
    };
    let workersDone!: () => void;
    const allWorkersDone = new Promise<void>((r) => (workersDone = r));
    for (let k = 0; k < workers; k++) start();
    if (workers === 0) workersDone();
    void (async () => {
      // The main thread lints too (it has the modules loaded and the guide built already): between
      // its batches it yields, so workers' replies are taken and new jobs sent.
      if (opts.mainLints) {
        while (next < tasks.length) {
          for (const i of nextBatch()) results[i] = fallback(i);
          flush();
          await new Promise<void>((r) => setImmediate(r));
        }
      }
      await allWorkersDone;
      resolve();
    })();
  });
}
