// cli/pool.ts with the main thread linting beside the workers (what a CLI run does on 2+ cores):
// every file once, outcomes handed over in file order and equal to a one-thread lint, and both the
// main thread and the worker take part. Runs the built pool (dist/), whose worker script exists.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = fs.existsSync(path.join(ROOT, 'dist/cli/lint-worker.js'));

describe.skipIf(!built)('pool: the main thread lints too', () => {
  type Pool = typeof import('../cli/pool.js');
  type File = typeof import('../cli/lint-file.js');
  type Core = typeof import('../rules/index.js');
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

  it('one worker and the main thread: each file once, in order, the same outcomes as one thread', async () => {
    const { pool, lintFile, guide, tasks } = await load();
    expect(tasks.length).toBeGreaterThan(20);
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
        onMain++;
        return lintFile(tasks[i]!.task, guide);
      },
      { mainLints: true },
    );
    expect(seen).toEqual(tasks.map((_, i) => i));
    expect(outcomes).toEqual(tasks.map((t) => lintFile(t.task, guide)));
    // The worker always has two batches in flight from the start: it lints some files, not all.
    expect(onMain).toBeGreaterThan(0);
    expect(onMain).toBeLessThan(tasks.length);
  }, 120_000);

  it('no workers: the main thread lints everything and the run ends', async () => {
    const { pool, lintFile, guide, tasks } = await load();
    const seen: number[] = [];
    await pool.lintInWorkers(tasks, 0, (i) => seen.push(i), (i) => lintFile(tasks[i]!.task, guide), { mainLints: true });
    expect(seen).toEqual(tasks.map((_, i) => i));
  }, 120_000);
});
