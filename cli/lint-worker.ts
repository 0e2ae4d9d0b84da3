// A worker thread of a CLI run (cli/pool.ts): takes files from the run's shared counter and lints
// them against the guides it was sent, one outcome message per file.
import { parentPort } from 'node:worker_threads';
import type { Guide } from '../rules/index.js';
import { lintFile, type FileOutcome, type FileTask } from './lint-file.js';

/** The one message a worker is sent. */
export interface WorkerInit {
  /** This worker's number (≥ 1), written into `owner` for each file it takes. */
  id: number;
  /** Every file of the run. */
  tasks: FileTask[];
  /** The guide path of each task. */
  guides: string[];
  /** Each guide once, as the main thread loaded it (plain data): no YAML parse per worker (seconds
   * for a guide of 10,000 terms), and every thread lints against the guide the main thread validated. */
  guideData: Record<string, Guide>;
  /** [0]: the next position in `order` to take, shared by every thread. */
  next: Int32Array;
  /** Who took each file. */
  owner: Int32Array;
  /** The order files are taken in (indices into `tasks`). */
  order: Int32Array;
}

export type WorkerReply = { done?: false; i: number; outcome: FileOutcome } | { done: true };

parentPort?.once('message', (job: WorkerInit) => {
  const n = job.tasks.length;
  for (let k = Atomics.add(job.next, 0, 1); k < n; k = Atomics.add(job.next, 0, 1)) {
    const i = job.order[k]!;
    Atomics.store(job.owner, i, job.id);
    const t = job.tasks[i]!;
    const g = job.guideData[job.guides[i]!];
    const outcome: FileOutcome = g ? lintFile(t, g) : { notices: [`${t.rel}: could not be linted (no guide sent to the worker); please report this`], failed: true };
    parentPort!.postMessage({ i, outcome } satisfies WorkerReply);
  }
  parentPort!.postMessage({ done: true } satisfies WorkerReply);
});
