// Loads one guide in a worker thread, so a huge brand.yaml (tens of thousands of entries) never
// stops the server from answering for the other documents, hover or shutdown. It runs the same
// loader and example checks the server runs in its own thread for ordinary guides.
import { parentPort, workerData } from 'node:worker_threads';
import { checkExamples } from '../rules/examples.js';
import { loadGuide, readGuideText } from '../rules/index.js';
import type { GuideProblem, GuideResult } from '../rules/index.js';

export interface GuideJob {
  file: string;
  /** Unsaved editor buffers by path: they are the guide's text while open. */
  buffers: Record<string, string>;
}

export interface GuideJobResult {
  result: GuideResult;
  examples: GuideProblem[];
  /** Every text the load read, by path: what the result was built from (for the guide cache's hashes). */
  texts: Record<string, string>;
}

function run({ file, buffers }: GuideJob): GuideJobResult {
  const texts: Record<string, string> = {};
  // From disk as the CLI reads guides: a regular file within the size limit (a FIFO would block the worker).
  const read = (f: string): string => (texts[f] ??= buffers[f] ?? readGuideText(f));
  let result: GuideResult;
  try {
    result = loadGuide(file, { read });
  } catch (err) {
    result = { ok: false, problems: [{ file, line: 1, column: 1, message: `brandlint could not load this guide: ${err instanceof Error ? err.message : String(err)}`, level: 'error' }] };
  }
  let examples: GuideProblem[] = [];
  if (result.ok) {
    try {
      examples = checkExamples(result.guide, { read });
    } catch (err) {
      examples = [{ file: result.guide.path, line: 1, column: 1, message: `brandlint could not run this guide's examples: ${err instanceof Error ? err.message : String(err)}`, level: 'warning' }];
    }
  }
  return { result, examples, texts };
}

parentPort?.postMessage(run(workerData as GuideJob));
