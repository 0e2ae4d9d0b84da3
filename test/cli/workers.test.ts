// Worker threads across files (cli/pool.ts): a run on several threads prints exactly what the same
// run on one thread prints — report, notices, exit code — and --fix writes the same files.
// Runs the built CLI (bin/brandlint.js → dist), like the other CLI tests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { workerCount } from '../../cli/pool.js';
import { runCli, type Run } from '../helpers/run-cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/brandlint.js');
import { CORPUS, present as hasCorpus } from '../helpers/corpus.js';


function run(cwd: string, args: string[], workers: number): Promise<Run> {
  return runCli(cwd, args, { env: { BRANDLINT_WORKERS: String(workers) } });
}

/** A content folder of 120 copy files of every format, with a few that are skipped or broken. */
function makeRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-workers-'));
  fs.copyFileSync(path.join(ROOT, 'samples/brand.yaml'), path.join(dir, 'brand.yaml'));
  const sources = ['blog/launch.md', 'emails/welcome.hbs', 'emails/spring-sale.mjml', 'social/thread.txt', 'social/launch.x.txt', 'social/announcement.linkedin.md'];
  const corpus = path.join(CORPUS, 'marketing-copy/golang-website');
  const extra = hasCorpus && fs.existsSync(corpus) ? fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).slice(0, 40) : [];
  for (let i = 0; i < 80; i++) {
    const src = sources[i % sources.length]!;
    const target = path.join(dir, path.dirname(src), `${String(i).padStart(3, '0')}-${path.basename(src)}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Vary the text so files differ: every fifth file has an extra banned word and a claim.
    const text = fs.readFileSync(path.join(ROOT, 'samples', src), 'utf8') + (i % 5 === 0 ? '\n\nWe utilize the best synergy.\n' : '');
    fs.writeFileSync(target, text);
  }
  extra.forEach((f, i) => fs.copyFileSync(path.join(corpus, f), path.join(dir, 'blog', `corpus-${i}.md`)));
  fs.writeFileSync(path.join(dir, 'blog/binary.md'), Buffer.from('We utilize\u0000 bytes.'));
  fs.writeFileSync(path.join(dir, 'blog/latin1.md'), Buffer.from([0x57, 0x65, 0x20, 0x75, 0x74, 0x69, 0x6c, 0x69, 0x7a, 0x65, 0x20, 0xe9, 0x2e, 0x0a]));
  return dir;
}

describe('worker threads give the same run as one thread', () => {
  let repo: string;
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist/cli/lint-worker.js'))) {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
    }
    repo = makeRepo();
  }, 120_000);

  for (const format of ['stylish', 'json', 'sarif']) {
    it(`--format ${format}: stdout, stderr and exit code byte for byte`, async () => {
      const one = await run(repo, ['--format', format, '--no-color', '.'], 0);
      const many = await run(repo, ['--format', format, '--no-color', '.'], 3);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(one.stderr).toMatch(/binary\.md: skipped, binary/);
      expect(one.stderr).toMatch(/latin1\.md: not valid UTF-8/);
      expect(many).toEqual(one);
    }, 120_000);
  }

  it('--fix writes the same files and reports the same', async () => {
    const a = makeRepo();
    const b = makeRepo();
    const one = await run(a, ['--fix', '--format', 'json', '.'], 0);
    const many = await run(b, ['--fix', '--format', 'json', '.'], 2);
    expect(one.code).toBe(many.code);
    expect(many.stdout.replaceAll(b, '<repo>')).toBe(one.stdout.replaceAll(a, '<repo>'));
    const files = (d: string) => fs.readdirSync(d, { recursive: true, encoding: 'utf8' }).sort();
    expect(files(b)).toEqual(files(a));
    let changed = 0;
    for (const f of files(a)) {
      if (fs.statSync(path.join(a, f)).isDirectory()) continue;
      const x = fs.readFileSync(path.join(a, f));
      expect(fs.readFileSync(path.join(b, f)).equals(x), f).toBe(true);
      if (!fs.readFileSync(path.join(repo, f)).equals(x)) changed++;
    }
    expect(changed).toBeGreaterThan(10);
  }, 120_000);

  it('the built pool lints on its workers (no file falls back to the main thread), in order', async () => {
    type Pool = typeof import('../../cli/pool.js');
    type File = typeof import('../../cli/lint-file.js');
    type Core = typeof import('../../rules/index.js');
    const pool = (await import(pathToFileURL(path.join(ROOT, 'dist/cli/pool.js')).href)) as Pool;
    const { lintFile } = (await import(pathToFileURL(path.join(ROOT, 'dist/cli/lint-file.js')).href)) as File;
    const core = (await import(pathToFileURL(path.join(ROOT, 'dist/rules/index.js')).href)) as Core;
    expect(pool.poolAvailable()).toBe(true);
    const loaded = core.loadGuide(path.join(repo, 'brand.yaml'));
    if (!loaded.ok) throw new Error('guide');
    const rels = fs.readdirSync(repo, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(md|hbs|mjml|txt)$/.test(f)).sort();
    const tasks = rels.map((rel) => ({ task: { abs: path.join(repo, rel), rel, fix: false, maxFileSize: 2 ** 21 }, guide: loaded.guide }));
    const seen: number[] = [];
    const outcomes: unknown[] = [];
    let fellBack = 0;
    await pool.lintInWorkers(tasks, 2, (i, o) => {
      seen.push(i);
      outcomes.push(o);
    }, (i) => {
      fellBack++;
      return lintFile(tasks[i]!.task, loaded.guide);
    });
    expect(fellBack).toBe(0);
    expect(seen).toEqual(tasks.map((_, i) => i));
    expect(outcomes).toEqual(tasks.map((t) => lintFile(t.task, loaded.guide)));
  }, 120_000);

  it('how many workers a run gets', () => {
    expect(workerCount(10, {})).toBe(0);
    expect(workerCount(1000, { BRANDLINT_WORKERS: '1' })).toBe(0);
    expect(workerCount(1000, { BRANDLINT_WORKERS: '3' })).toBe(3);
    expect(workerCount(2, { BRANDLINT_WORKERS: '8' })).toBe(2);
    const cores = os.availableParallelism();
    expect(workerCount(1000, {})).toBe(cores <= 1 ? 0 : Math.min(cores, 40));
  });
});
