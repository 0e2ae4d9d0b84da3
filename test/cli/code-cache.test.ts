// bin/code-cache.cjs: the CLI's bundles compiled with a V8 code cache kept from an earlier run.
// The cache must only ever save time: written once after the first linted file, atomically, never
// read from a folder others can write to, rewritten when V8 rejects it, and no failure when the
// folder cannot be written. The CLI's output is the same with a cache, without, and while writing one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleIsCurrent } from '../../bin/bundle-current.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = path.resolve(__dirname, '../..');
const CODE_CACHE = path.join(ROOT, 'bin/code-cache.cjs');
const codeCache = createRequire(__filename)(CODE_CACHE) as { cacheRoot(env: NodeJS.ProcessEnv): string | undefined };

interface Compiled {
  answer: number;
  cache: 'off' | 'none' | 'used' | 'rejected';
  file?: string;
}

/**
 * compileBundle in a process of its own (V8 answers a second compile of the same source in one
 * process from memory, without reading the cache), then the first-lint signal when `lint`.
 */
function compile(file: string, cacheDir: string, lint = true): Compiled {
  const script = `const c = require(${JSON.stringify(CODE_CACHE)}); const r = c.compileBundle(${JSON.stringify(file)});
    ${lint ? "require('node:diagnostics_channel').channel(c.LINTED).publish(undefined);" : ''} console.log(JSON.stringify({ answer: r.exports.answer(), cache: r.cache, file: r.file }));`;
  const env = { ...process.env, BRANDLINT_CACHE_DIR: cacheDir };
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8' })) as Compiled;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});
function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `brandlint-code-cache-${label}-`));
  temps.push(dir);
  return dir;
}

/** A small CommonJS "bundle" (answer 40 + n) that requires a file beside it, as the CLI's require dist/cli/lazy/. */
function bundle(dir: string, n: number): string {
  fs.writeFileSync(path.join(dir, 'beside.cjs'), 'module.exports = 2;');
  const file = path.join(dir, 'b.cjs');
  fs.writeFileSync(file, `'use strict';\nconst beside = require('./beside.cjs');\nfunction f(x) { return x * 2 + beside + ${n} - 2; }\nexports.answer = () => f(20) + (__filename === ${JSON.stringify(file)} ? 0 : 1000);\n`);
  return file;
}

// Where Node has its own compile cache (22.1+), bin/code-cache.cjs leaves caching to it.
const nodeCaches = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('bin/code-cache.cjs on Node without a compile cache of its own', () => {
  if (nodeCaches) it.skip('skipped: this Node caches compiled code itself (module.enableCompileCache)', () => {});
  else defineVmCacheTests();
});

function defineVmCacheTests(): void {
  it('compiles, writes the cache after the first linted file, then uses it', () => {
    const dir = tempDir('use');
    const cacheDir = path.join(dir, 'cache');
    const file = bundle(dir, 2);
    const first = compile(file, cacheDir, false);
    expect(first).toMatchObject({ answer: 42, cache: 'none' });
    expect(fs.existsSync(cacheDir)).toBe(false); // nothing without a linted file
    const second = compile(file, cacheDir); // execArgv (this -e script) is part of the key: another file
    expect(second).toMatchObject({ answer: 42, cache: 'none' });
    expect(fs.statSync(second.file!).mode & 0o777).toBe(0o600);
    expect(compile(file, cacheDir)).toEqual({ ...second, cache: 'used' });
  });

  it('a changed bundle gets a cache of its own; a rejected one is rewritten', () => {
    const dir = tempDir('change');
    const cacheDir = path.join(dir, 'cache');
    const first = compile(bundle(dir, 2), cacheDir);
    // Same length, other code: V8 alone would accept the old cache (it checks the source's length).
    const changed = compile(bundle(dir, 3), cacheDir);
    expect(changed.file).not.toBe(first.file);
    expect(changed).toMatchObject({ answer: 43, cache: 'none' });
    fs.writeFileSync(changed.file!, Buffer.from('not a code cache'), { mode: 0o600 });
    const file = path.join(dir, 'b.cjs');
    expect(compile(file, cacheDir)).toMatchObject({ answer: 43, cache: 'rejected' });
    expect(compile(file, cacheDir)).toMatchObject({ answer: 43, cache: 'used' });
  });

  it('no cache with BRANDLINT_CACHE_DIR empty; none read from a folder others may write to', () => {
    const dir = tempDir('trust');
    const file = bundle(dir, 2);
    expect(codeCache.cacheRoot({ BRANDLINT_CACHE_DIR: '' })).toBeUndefined();
    expect(compile(file, '').cache).toBe('off');
    const cacheDir = path.join(dir, 'cache');
    const first = compile(file, cacheDir);
    expect(compile(file, cacheDir).cache).toBe('used');
    fs.chmodSync(path.dirname(first.file!), 0o777);
    expect(compile(file, cacheDir).cache).toBe('none');
  });

  it('an unwritable cache folder costs nothing but the cache', () => {
    const dir = tempDir('unwritable');
    const file = bundle(dir, 2);
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    expect(compile(file, blocker)).toMatchObject({ answer: 42, cache: 'none' });
    expect(compile(file, blocker)).toMatchObject({ answer: 42, cache: 'none' });
    expect(fs.statSync(blocker).isFile()).toBe(true);
  });
}

const BUNDLE = path.join(ROOT, 'dist/cli/brandlint.cjs');
const bundleRuns = fs.existsSync(BUNDLE) && bundleIsCurrent(new URL(`file://${BUNDLE}`), new URL(`file://${path.join(ROOT, 'dist/cli/main.js')}`));

describe.skipIf(!bundleRuns)('the CLI with a code cache (process; skipped: run `npm run build`)', () => {
  it('writes one cache per bundle (main thread and worker); output the same without, writing and with', async () => {
    const dir = tempDir('cli');
    fs.copyFileSync(path.join(ROOT, 'samples/brand.yaml'), path.join(dir, 'brand.yaml'));
    const files: string[] = [];
    // The threads take files from one queue (cli/pool.ts): enough work that the main thread is still
    // linting when the worker is ready, so the worker lints a file too and writes its cache.
    const paragraph = 'We utilize cheap tools, very quickly, and our best-in-class platform is really very simple to use. ';
    for (let k = 0; k < 40; k++) {
      const name = `post${k}.md`;
      fs.writeFileSync(path.join(dir, name), `# Post ${k}\n\n${`${paragraph.repeat(6)}\n\n`.repeat(60)}`);
      files.push(name);
    }
    const run = async (cacheDir: string) => {
      const r = await runCli(dir, ['--format', 'json', ...files], { env: { BRANDLINT_CACHE_DIR: cacheDir, BRANDLINT_WORKERS: '2' } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      return r.stdout;
    };
    const cacheDir = path.join(dir, 'cache');
    const without = await run('');
    const writing = await run(cacheDir);
    const names = fs.readdirSync(path.join(cacheDir, 'code')).sort();
    expect(names.map((n) => n.replace(/[0-9a-f]+\.bin$/, ''))).toEqual(['brandlint-', 'lint-worker-bundle-']);
    const withCache = await run(cacheDir);
    expect(fs.readdirSync(path.join(cacheDir, 'code')).sort()).toEqual(names);
    expect(writing).toBe(without);
    expect(withCache).toBe(without);
  }, 60_000);

  it('--stdin writes the main thread\'s cache too, and its output is the same with it', async () => {
    const dir = tempDir('stdin');
    fs.copyFileSync(path.join(ROOT, 'samples/brand.yaml'), path.join(dir, 'brand.yaml'));
    const cacheDir = path.join(dir, 'cache');
    const run = async () => {
      const r = await runCli(dir, ['--stdin', '--format', 'json'], { env: { BRANDLINT_CACHE_DIR: cacheDir }, input: 'We utilize cheap tools.\n' });
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    const first = await run();
    expect(fs.readdirSync(path.join(cacheDir, 'code')).map((n) => n.replace(/[0-9a-f]+\.bin$/, ''))).toEqual(['brandlint-']);
    expect(await run()).toBe(first);
  }, 60_000);
});
