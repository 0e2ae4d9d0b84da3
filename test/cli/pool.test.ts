// cli/pool.ts with the main thread linting beside the workers (what a CLI run does on 2+ cores), a
// worker alone, and a worker that dies: every file once, outcomes handed over in file order and
// equal to a one-thread lint. Runs the built pool (dist/), whose worker script exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = fs.existsSync(path.join(ROOT, 'dist/cli/lint-worker.js'));

describe.skipIf(!built)('pool: the main thread lints too', () => {
  type Pool = typeof import('../../cli/pool.js');
  type File = typeof import('../../cli/lint-file.js');
  type Core = typeof import('../../rules/index.js');
  const load = async () => {
    const pool = (await import(pathToFileURL(path.join(ROOT, 'dist/cli/pool.js')).href)) as Pool;
    const { lintFile } = (await import(pathToFileURL(path.join(ROOT, 'dist/cli/lint-file.js')).href)) as File;
    const core = (await import(pathToFileURL(path.join(ROOT, 'dist/rules/index.js')).href)) as Core;
    const loaded = core.loadGuide(path.join(ROOT, 'samples/brand.yaml'));
    if (!loaded.ok) throw new Error('sample guide does not load');
    const samples = path.join(ROOT, 'samples');
    const rels = fs.readdirSync(samples, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(md|hbs|mjml|txt)$/.test(f)).sort();
    // Each sample several times, so there are enough batches for both threads.
    const tasks = Array.from({ length: 6 }, () => rels)
      .flat()
      .map((rel) => ({ task: { abs: path.join(samples, rel), rel, fix: false, maxFileSize: 2 ** 21 }, guide: loaded.guide }));
    return { pool, lintFile, guide: loaded.guide, tasks };
  };

  type Loaded = Awaited<ReturnType<typeof load>>;
  /** One pool run with one worker: the indices in the order they were handed back, their outcomes, and how many the main thread linted. */
  const runPool = async ({ pool, lintFile, guide, tasks }: Loaded, opts: Parameters<Loaded['pool']['lintInWorkers']>[4], mainLints = true) => {
    const seen: number[] = [];
    const outcomes: unknown[] = [];
    let onMain = 0;
    await pool.lintInWorkers(
      tasks,
      1,
      (i, o) => {
        seen.push(i);
        outcomes.push(o);
      },
      (i) => {
        if (!mainLints) throw new Error('the main thread was asked to lint');
        onMain++;
        return lintFile(tasks[i]!.task, guide);
      },
      opts,
    );
    return { seen, outcomes, onMain };
  };

  it('one worker and the main thread: each file once, in order, the same outcomes as one thread', async () => {
    const loaded = await load();
    const { lintFile, guide, tasks } = loaded;
    expect(tasks.length).toBeGreaterThan(20);
    const { seen, outcomes, onMain } = await runPool(loaded, { mainLints: true });
    expect(seen).toEqual(tasks.map((_, i) => i));
    expect(outcomes).toEqual(tasks.map((t) => lintFile(t.task, guide)));
    // The main thread starts at once; how many files the worker gets depends on how fast it starts.
    expect(onMain).toBeGreaterThan(0);
  }, 120_000);

  it('a worker alone lints every file, in order, the same outcomes as one thread', async () => {
    const loaded = await load();
    const { lintFile, guide, tasks } = loaded;
    const { seen, outcomes } = await runPool(loaded, undefined, false);
    expect(seen).toEqual(tasks.map((_, i) => i));
    expect(outcomes).toEqual(tasks.map((t) => lintFile(t.task, guide)));
  }, 120_000);

  it('a worker that dies after taking files: the main thread lints them, nothing is lost', async () => {
    const loaded = await load();
    const { lintFile, guide, tasks } = loaded;
    // Takes three files as a real worker does (counter, owner), then throws.
    const dying = new Worker(
      `require('node:worker_threads').parentPort.once('message', (job) => {
        for (let j = 0; j < 3; j++) Atomics.store(job.owner, job.order[Atomics.add(job.next, 0, 1)], job.id);
        throw new Error('worker crash (on purpose)');
      });`,
      { eval: true, stderr: true },
    );
    const { seen, outcomes, onMain } = await runPool(loaded, { spawned: [dying] });
    expect(seen).toEqual(tasks.map((_, i) => i));
    expect(outcomes).toEqual(tasks.map((t) => lintFile(t.task, guide)));
    expect(onMain).toBe(tasks.length);
  }, 120_000);

  it('files are taken largest first; equal sizes and unreadable files keep their order', async () => {
    const { pool } = await load();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-pool-'));
    const sizes = [5, 50, 5, 0, 500, 50];
    const tasks = sizes.map((n, i) => {
      const abs = path.join(dir, `${i}.md`);
      if (i !== 3) fs.writeFileSync(abs, 'x'.repeat(n));
      return { task: { abs, rel: `${i}.md`, fix: false, maxFileSize: 2 ** 21 } };
    });
    expect([...pool.largestFirst(tasks)]).toEqual([4, 1, 5, 0, 2, 3]);
    fs.rmSync(dir, { recursive: true });
  });

  it('no workers: the main thread lints everything and the run ends', async () => {
    const { pool, lintFile, guide, tasks } = await load();
    const seen: number[] = [];
    await pool.lintInWorkers(tasks, 0, (i) => seen.push(i), (i) => lintFile(tasks[i]!.task, guide), { mainLints: true });
    expect(seen).toEqual(tasks.map((_, i) => i));
  }, 120_000);
});
