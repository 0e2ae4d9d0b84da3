// --cache: a run with the cache prints what a run without it prints; unchanged files are not linted
// again (shown by planting a marker in the cache that only a reused entry can print); a changed file,
// a changed guide (or a file it extends) or another brandlint version lints again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Run } from '../helpers/run-cli.js';
import { sealEntry } from '../../cli/cache.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/brandlint.js');


function run(cwd: string, args: string[]): Promise<Run> {
  return runCli(cwd, args, { env: { BRANDLINT_WORKERS: '0' } });
}

function makeRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-cache-'));
  fs.mkdirSync(path.join(dir, 'org'));
  // The guide extends another file: changing that one must invalidate too.
  fs.writeFileSync(path.join(dir, 'org/core.yaml'), 'banned:\n  - phrase: synergy\n');
  fs.writeFileSync(path.join(dir, 'brand.yaml'), 'extends: ./org/core.yaml\nbanned:\n  - phrase: utilize\n    use: use\n');
  for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(dir, `post-${i}.md`), `# Post ${i}\n\nWe utilize synergy in post ${i}.\n`);
  fs.writeFileSync(path.join(dir, 'clean.md'), 'Nothing to see.\n');
  fs.writeFileSync(path.join(dir, 'bad.md'), Buffer.from([0x57, 0x65, 0x20, 0x75, 0x74, 0x69, 0x6c, 0x69, 0x7a, 0x65, 0x20, 0xe9, 0x0a]));
  return dir;
}

type CacheEntry = { hash: string; guide: string; findings?: Array<{ message: string; level: string }>; skipped?: string; seal: string };
type CacheData = { version: string; entries: Record<string, CacheEntry> };
const readCache = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as CacheData;

/**
 * Plant a marker in every cached finding: only a run that reuses the entry can print it. The entry
 * is resealed as brandlint seals it (an edit without the seal is discarded: see the tests below).
 */
function plant(file: string, only?: string, reseal = true): void {
  const data = readCache(file);
  for (const [k, e] of Object.entries(data.entries)) {
    if (only && k !== only) continue;
    for (const f of e.findings ?? []) f.message = `CACHED ${f.message}`;
    if (reseal) e.seal = sealEntry(k, e as Parameters<typeof sealEntry>[1]);
  }
  fs.writeFileSync(file, JSON.stringify(data));
}

describe('--cache', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist/cli/cache.js'))) {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
    }
  }, 120_000);

  it('prints what a run without it prints, and reuses unchanged files', async () => {
    const dir = makeRepo();
    const plain = await run(dir, ['--format', 'json', '.']);
    expect(plain.code).toBe(0); // warnings only
    const first = await run(dir, ['--cache', '--format', 'json', '.']);
    expect(first).toEqual(plain);
    const cacheFile = path.join(dir, '.brandlintcache');
    expect(Object.keys(readCache(cacheFile).entries).sort()).toEqual(['bad.md', 'clean.md', ...Array.from({ length: 6 }, (_, i) => `post-${i}.md`)]);

    const again = await run(dir, ['--cache', '--format', 'json', '.']);
    expect(again).toEqual(plain);

    plant(cacheFile);
    const reused = await run(dir, ['--cache', '--format', 'json', '.']);
    expect(reused.stdout.match(/CACHED/g)?.length).toBe(6 * 2 + 1); // utilize + synergy per post, utilize in bad.md
    // The notice about the invalid UTF-8 file is printed on a cache hit as well.
    expect(reused.stderr).toBe(plain.stderr);
    expect(reused.stderr).toMatch(/bad\.md: not valid UTF-8/);

    // A changed file is linted again; the others still come from the cache.
    fs.appendFileSync(path.join(dir, 'post-2.md'), '\nMore synergy.\n');
    const changed = JSON.parse((await run(dir, ['--cache', '--format', 'json', '.'])).stdout) as { files: Array<{ path: string; findings: Array<{ message: string }> }> };
    const post2 = changed.files.find((f) => f.path === 'post-2.md')!;
    expect(post2.findings).toHaveLength(3);
    expect(post2.findings.some((f) => f.message.startsWith('CACHED'))).toBe(false);
    expect(changed.files.find((f) => f.path === 'post-3.md')!.findings.every((f) => f.message.startsWith('CACHED'))).toBe(true);
  }, 120_000);

  it('a change to the guide, to a file it extends, or another version lints everything again', async () => {
    const dir = makeRepo();
    const cacheFile = path.join(dir, '.brandlintcache');
    await run(dir, ['--cache', '.']);
    plant(cacheFile);
    fs.appendFileSync(path.join(dir, 'org/core.yaml'), '  - phrase: leverage\n');
    expect((await run(dir, ['--cache', '.'])).stdout).not.toMatch(/CACHED/);

    plant(cacheFile);
    expect((await run(dir, ['--cache', '.'])).stdout).toMatch(/CACHED/);
    fs.appendFileSync(path.join(dir, 'brand.yaml'), '# a comment counts: the cache hashes the files\n');
    expect((await run(dir, ['--cache', '.'])).stdout).not.toMatch(/CACHED/);

    plant(cacheFile);
    const data = readCache(cacheFile);
    data.version = '0.0.0-other';
    fs.writeFileSync(cacheFile, JSON.stringify(data));
    expect((await run(dir, ['--cache', '.'])).stdout).not.toMatch(/CACHED/);
    expect(readCache(cacheFile).version).not.toBe('0.0.0-other');
  }, 120_000);

  it('--cache-location as a file or a folder; a broken cache file is ignored', async () => {
    const dir = makeRepo();
    const plain = await run(dir, ['.']);
    expect((await run(dir, ['--cache', '--cache-location', 'tmp/lint.json', '.'])).stdout).toBe(plain.stdout);
    expect(fs.existsSync(path.join(dir, 'tmp/lint.json'))).toBe(true);
    fs.mkdirSync(path.join(dir, 'cachedir'));
    await run(dir, ['--cache', '--cache-location', 'cachedir', '.']);
    expect(fs.existsSync(path.join(dir, 'cachedir/.brandlintcache'))).toBe(true);
    fs.writeFileSync(path.join(dir, 'cachedir/.brandlintcache'), '{ not json');
    const broken = await run(dir, ['--cache', '--cache-location', 'cachedir/', '.']);
    expect(broken.stdout).toBe(plain.stdout);
    expect(readCache(path.join(dir, 'cachedir/.brandlintcache')).entries['../post-0.md']).toBeDefined(); // keyed from the cache's folder
    expect((await run(dir, ['--cache-location', 'x', '.'])).code).toBe(2);
  }, 120_000);

  it('the cache cannot lie: a hand-edited entry (findings dropped, levels lowered, marker planted) is discarded and its file linted again', async () => {
    const dir = makeRepo();
    fs.appendFileSync(path.join(dir, 'brand.yaml'), '    level: error\n'); // utilize is an error: exit 1
    const cacheFile = path.join(dir, '.brandlintcache');
    const first = await run(dir, ['--cache', '--format', 'json', '.']);
    expect(first.code).toBe(1);
    // Drop every finding, lower every level, plant a marker: without the seal, none of it is used.
    const data = readCache(cacheFile);
    for (const e of Object.values(data.entries)) if (e.findings) e.findings = [];
    fs.writeFileSync(cacheFile, JSON.stringify(data));
    const dropped = await run(dir, ['--cache', '--format', 'json', '.']);
    expect(dropped.code).toBe(1);
    expect(dropped.stdout).toBe(first.stdout);
    const data2 = readCache(cacheFile);
    for (const e of Object.values(data2.entries)) for (const f of e.findings ?? []) f.level = 'hint';
    fs.writeFileSync(cacheFile, JSON.stringify(data2));
    expect((await run(dir, ['--cache', '--format', 'json', '.'])).stdout).toBe(first.stdout);
    plant(cacheFile, undefined, false);
    expect((await run(dir, ['--cache', '--format', 'json', '.'])).stdout).toBe(first.stdout);
  }, 120_000);

  it('malformed entries and cache files are untrusted input: discarded, never a crash', async () => {
    const dir = makeRepo();
    const cacheFile = path.join(dir, '.brandlintcache');
    const plain = await run(dir, ['--format', 'json', '.']);
    await run(dir, ['--cache', '.']);
    const good = readCache(cacheFile);
    const bad: unknown[] = [null, 5, 'x', [], {}, { hash: 1 }, { ...good.entries['post-0.md'], findings: [{}] }, { ...good.entries['post-0.md'], findings: 'x' },
      { ...good.entries['post-0.md'], findings: [{ ...good.entries['post-0.md']!.findings![0], line: -1 }] }];
    for (const entry of bad) {
      const data = readCache(cacheFile);
      for (const k of Object.keys(data.entries)) (data.entries as Record<string, unknown>)[k] = entry;
      (data.entries as Record<string, unknown>)['__proto__'] = { polluted: true };
      fs.writeFileSync(cacheFile, JSON.stringify(data));
      const r = await run(dir, ['--cache', '--format', 'json', '.']);
      expect(r.stderr, JSON.stringify(entry)).not.toMatch(/internal error|TypeError/);
      expect(r.stdout, JSON.stringify(entry)).toBe(plain.stdout);
    }
    for (const content of ['[]', 'null', '{"format":2,"entries":[]}', '"x"']) {
      fs.writeFileSync(cacheFile, content);
      expect((await run(dir, ['--cache', '--format', 'json', '.'])).stdout).toBe(plain.stdout);
    }
    // A FIFO where the cache should be: not read (it would block), the run goes on.
    fs.rmSync(cacheFile);
    execFileSync('mkfifo', [cacheFile]);
    const fifo = await run(dir, ['--cache', '--format', 'json', '.']);
    expect(fifo.stdout).toBe(plain.stdout);
  }, 120_000);

  it('moving the checkout keeps the cache valid (paths are relative to the cache folder)', async () => {
    const dir = makeRepo();
    await run(dir, ['--cache', '.']);
    plant(path.join(dir, '.brandlintcache'));
    const moved = `${dir}-moved`;
    fs.renameSync(dir, moved);
    const r = await run(moved, ['--cache', '--format', 'json', '.']);
    expect(r.stdout.match(/CACHED/g)?.length).toBe(6 * 2 + 1);
    // The guide entries behind findings point into the new place.
    expect(r.stdout).not.toContain(dir + path.sep);
  }, 120_000);

  it('--fix with the cache: fixes, then reuses the fixed files', async () => {
    const dir = makeRepo();
    const ref = makeRepo();
    const fixed = await run(dir, ['--cache', '--fix', '--format', 'json', '.']);
    const plainFix = await run(ref, ['--fix', '--format', 'json', '.']);
    expect(fixed.stdout).toBe(plainFix.stdout);
    expect(fs.readFileSync(path.join(dir, 'post-1.md'), 'utf8')).toContain('We use synergy');
    plant(path.join(dir, '.brandlintcache'));
    const again = await run(dir, ['--cache', '--fix', '--format', 'json', '.']);
    // Only synergy is left in the posts (no fix): reused. bad.md is never fixed: reused too.
    expect(again.stdout.match(/CACHED/g)?.length).toBe(6 + 1);
  }, 120_000);
});
