// Worker threads across files for long CLI runs. Each worker is sent the run's files and guides
// once, then takes files one at a time from a counter shared by every thread (the main thread
// included), so no thread waits for another to hand it work; outcomes are handed back in file
// order, so the report and every notice come out byte for byte as a run on one thread would print them.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Guide } from '../rules/index.js';
import type { FileOutcome, FileTask } from './lint-file.js';
import type { WorkerInit, WorkerReply } from './lint-worker.js';

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
 * The order files are taken in: largest first, so the run ends on small files and the threads
 * finish together (a large file taken last would leave the other threads idle while it is linted).
 * Ties, and files that cannot be read (lintFile says why), keep their order.
 */
export function largestFirst(tasks: ReadonlyArray<{ task: FileTask }>): Int32Array {
  const size = tasks.map(({ task }) => {
    try {
      return fs.statSync(task.abs).size;
    } catch {
      return 0;
    }
  });
  return Int32Array.from(tasks.keys()).sort((a, b) => size[b]! - size[a]! || a - b);
}

/** owner[i] for a file the main thread took (0: not taken yet; k ≥ 1: worker k). */
const MAIN = -1;

/**
 * Start `count` lint workers. A caller that knows it will need them starts them early (they load
 * their modules while the main thread finds files and loads guides) and passes them to lintInWorkers.
 */
export function spawnWorkers(count: number): Worker[] {
  const script = workerScript();
  if (!script) throw new Error('worker script not built');
  return Array.from({ length: count }, () => new Worker(script));
}

/**
 * Lint `tasks` on `workers` worker threads, and on the main thread too with `mainLints` (through
 * `fallback`). `arrived(i, outcome)` is called as each outcome comes in, in any order, and then
 * `done(i, outcome)` in index order. A worker that dies hands its files to
 * `fallback` (the main thread), so a crash never loses a file.
 */
export async function lintInWorkers(
  tasks: Array<{ task: FileTask; guide: Guide }>,
  workers: number,
  done: (i: number, outcome: FileOutcome) => void,
  fallback: (i: number) => FileOutcome,
  opts: { mainLints?: boolean; spawned?: Worker[]; arrived?: (i: number, outcome: FileOutcome) => void } = {},
): Promise<void> {
  // Started first: they load their modules while the order below is worked out.
  const spawned = opts.spawned ?? [];
  const pool = [...spawned.slice(0, workers), ...spawnWorkers(Math.max(0, workers - spawned.length))];
  for (const w of spawned.slice(workers)) void w.terminate();
  const n = tasks.length;
  const results: Array<FileOutcome | undefined> = new Array(n);
  // [0]: the next position in `order` to take, shared by every thread (Atomics.add);
  // owner[i]: who took file i (worker k+1, MAIN), so a dead worker's files are found.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const owner = new Int32Array(new SharedArrayBuffer(4 * n));
  const order = largestFirst(tasks);
  const take = (): number | undefined => {
    const k = Atomics.add(next, 0, 1);
    return k < n ? order[k] : undefined;
  };
  let emitted = 0; // next index to report
  const flush = () => {
    while (emitted < n && results[emitted]) {
      done(emitted, results[emitted]!);
      results[emitted] = undefined; // let the report hold it, not this array
      emitted++;
    }
  };
  const settle = (i: number, o: FileOutcome) => {
    if (i < emitted || results[i]) return;
    results[i] = o;
    opts.arrived?.(i, o);
  };
  // Each guide once per worker, as the main thread loaded it (a structured clone: no YAML parse per
  // worker, and every thread lints against exactly the guide the main thread validated).
  const guidePaths: string[] = [];
  const guideData: Record<string, Guide> = {};
  for (const { guide } of tasks) {
    if (!Object.hasOwn(guideData, guide.path)) guideData[guide.path] = guide;
    guidePaths.push(guide.path);
  }

  await new Promise<void>((resolve) => {
    let live = 0;
    let mainBusy = Boolean(opts.mainLints);
    const maybeResolve = () => {
      if (live > 0 || mainBusy) return;
      // Every worker gone and the main thread's share done: anything without an outcome (not
      // taken, or taken by a worker that died before it could say so) is linted here.
      Atomics.store(next, 0, n);
      for (let i = emitted; i < n; i++) if (!results[i]) settle(i, fallback(i));
      flush();
      resolve();
    };
    const start = (w: Worker, id: number) => {
      live++;
      let finished = false;
      const end = () => {
        if (finished) return;
        finished = true;
        // Whatever it took and did not hand back is linted here, in order with the rest.
        for (let i = 0; i < n; i++) if (Atomics.load(owner, i) === id && i >= emitted && !results[i]) settle(i, fallback(i));
        flush();
        live--;
        maybeResolve();
      };
      w.on('message', (reply: WorkerReply) => {
        if (reply.done) {
          // Every outcome of its is in: the run goes on without waiting for the thread to stop.
          end();
          void w.terminate();
          return;
        }
        settle(reply.i, reply.outcome);
        flush();
      });
      w.on('error', end);
      w.on('exit', end);
      w.postMessage({ id, tasks: tasks.map((t) => t.task), guides: guidePaths, guideData, next, owner, order } satisfies WorkerInit);
    };
    pool.forEach((w, k) => start(w, k + 1));
    if (!opts.mainLints) return maybeResolve();
    void (async () => {
      // The main thread lints too (it has the modules loaded and the guide built already): after
      // each file it yields, so the workers' outcomes are taken as they come.
      for (let i = take(); i !== undefined; i = take()) {
        Atomics.store(owner, i, MAIN);
        settle(i, fallback(i));
        flush();
        await new Promise<void>((r) => setImmediate(r));
      }
      mainBusy = false;
      maybeResolve();
    })();
  });
}
