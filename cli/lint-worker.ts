// A worker thread of a CLI run (cli/pool.ts): lints the files it is sent against the guides it is sent.
import { parentPort } from 'node:worker_threads';
import type { Guide } from '../rules/index.js';
import { lintFile, type FileOutcome, type FileTask } from './lint-file.js';

export interface WorkerJob {
  /** Index of each file in the run, to put results back in order. */
  ids: number[];
  tasks: FileTask[];
  /** The guide path of each task. */
  guides: string[];
  /** Guides this worker has not been sent yet, as the main thread loaded them (plain data). */
  guideData: Record<string, Guide>;
}

export interface WorkerReply {
  ids: number[];
  outcomes: FileOutcome[];
}

// Each guide comes from the main thread once: no YAML parse per worker (seconds for a guide of
// 10,000 terms), and every thread lints against exactly the guide the main thread validated.
const guides = new Map<string, Guide>();

parentPort?.on('message', (job: WorkerJob) => {
  for (const [file, g] of Object.entries(job.guideData)) guides.set(file, g);
  const outcomes = job.tasks.map((t, k): FileOutcome => {
    const g = guides.get(job.guides[k]!);
    if (!g) return { notices: [`${t.rel}: could not be linted (no guide sent to the worker); please report this`], failed: true };
    return lintFile(t, g);
  });
  parentPort!.postMessage({ ids: job.ids, outcomes } satisfies WorkerReply);
});
