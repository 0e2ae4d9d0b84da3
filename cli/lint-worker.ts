// A worker thread of a CLI run (cli/pool.ts): loads each guide once, lints the files it is sent.
import { parentPort } from 'node:worker_threads';
import { loadGuide, type Guide } from '../rules/index.js';
import { lintFile, type FileOutcome, type FileTask } from './lint-file.js';

export interface WorkerJob {
  /** Index of each file in the run, to put results back in order. */
  ids: number[];
  tasks: FileTask[];
  guides: string[];
}

export interface WorkerReply {
  ids: number[];
  outcomes: FileOutcome[];
}

const guides = new Map<string, Guide | Error>();
function guideAt(file: string): Guide | Error {
  let g = guides.get(file);
  if (!g) {
    try {
      const r = loadGuide(file);
      // The main thread loaded this guide without errors before sending work; a different answer
      // here (the file changed meanwhile) must not pass silently.
      g = r.ok ? r.guide : new Error(`${file} changed during the run and no longer loads`);
    } catch (e) {
      g = e as Error;
    }
    guides.set(file, g);
  }
  return g;
}

parentPort?.on('message', (job: WorkerJob) => {
  const outcomes = job.tasks.map((t, k): FileOutcome => {
    const g = guideAt(job.guides[k]!);
    if (g instanceof Error) return { notices: [`${t.rel}: could not be linted (${g.message}); please report this`], failed: true };
    return lintFile(t, g);
  });
  parentPort!.postMessage({ ids: job.ids, outcomes } satisfies WorkerReply);
});
