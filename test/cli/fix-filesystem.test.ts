// --fix and the file system, through the CLI process: a read-only file is not written; owner, mode
// and hard links are kept (or the file is left alone); a write that lands while a file is being
// fixed is never lost, over many races with a concurrent appender.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTemps, cli, ensureBuilt, expectNoTempFiles, repo } from '../helpers/hostile.js';

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => cleanTemps());

const GUIDE = 'banned:\n  - phrase: utilize\n    use: use\n    level: error\n';

describe('--fix respects the file system', () => {
  it('a read-only file is skipped with a notice, its findings still reported', async () => {
    const dir = repo({ 'brand.yaml': GUIDE, 'docs/ro.md': 'We utilize it.\n', 'docs/rw.md': 'We utilize it.\n' });
    fs.chmodSync(path.join(dir, 'docs/ro.md'), 0o444);
    const r = await cli(dir, ['--fix', '--format', 'json', 'docs']);
    expect(r.code).toBe(1); // ro.md still has its error
    expect(r.stderr).toContain('docs/ro.md: read-only; not fixed (its findings are reported)');
    expect(fs.readFileSync(path.join(dir, 'docs/ro.md'), 'utf8')).toBe('We utilize it.\n');
    expect(fs.statSync(path.join(dir, 'docs/ro.md')).mode & 0o777).toBe(0o444);
    expect(fs.readFileSync(path.join(dir, 'docs/rw.md'), 'utf8')).toBe('We use it.\n');
    const report = JSON.parse(r.stdout) as { files: { path: string; findings: { text: string }[] }[] };
    expect(report.files.find((f) => f.path === 'docs/ro.md')!.findings.map((f) => f.text)).toEqual(['utilize']);
    expectNoTempFiles(dir);
  });

  it('mode and owner are kept; a file with other hard links is left alone (a new inode would split them)', async () => {
    const dir = repo({ 'brand.yaml': GUIDE, 'docs/a.md': 'We utilize it.\n', 'docs/linked.md': 'We utilize it.\n' });
    const a = path.join(dir, 'docs/a.md');
    fs.chmodSync(a, 0o640);
    const root = process.getuid?.() === 0;
    if (root) fs.chownSync(a, 65534, 65534); // root fixing another user's file keeps that user
    fs.linkSync(path.join(dir, 'docs/linked.md'), path.join(dir, 'other-name.md'));
    const r = await cli(dir, ['--fix', 'docs']);
    expect(fs.readFileSync(a, 'utf8')).toBe('We use it.\n');
    const st = fs.statSync(a);
    expect(st.mode & 0o777).toBe(0o640);
    if (root) expect([st.uid, st.gid]).toEqual([65534, 65534]);
    expect(r.stderr).toContain('docs/linked.md: has 2 hard links; not fixed (replacing it would split them)');
    expect(fs.readFileSync(path.join(dir, 'docs/linked.md'), 'utf8')).toBe('We utilize it.\n');
    expect(fs.statSync(path.join(dir, 'docs/linked.md')).ino).toBe(fs.statSync(path.join(dir, 'other-name.md')).ino);
    expectNoTempFiles(dir);
  });

  it('a concurrent appender never loses a line, over many races (compare-then-rename window closed)', async () => {
    const FILES = 60;
    const files: Record<string, string> = { 'brand.yaml': GUIDE };
    for (let i = 0; i < FILES; i++) files[`docs/f${i}.md`] = 'We utilize it.\n';
    const dir = repo(files);
    // Another process appends numbered lines round-robin, as an editor or a generator would, each
    // one open-append-close, until told to stop; it prints what it appended where.
    const script = `
      const fs = require('fs'), path = require('path');
      const dir = ${JSON.stringify(dir)}, n = ${FILES}, log = {}, pause = new Int32Array(new SharedArrayBuffer(4));
      let k = 0;
      while (!fs.existsSync(path.join(dir, 'stop'))) {
        // Bounded, so a slow machine's longer --fix runs do not face ever larger files.
        if (k >= 20000) { Atomics.wait(pause, 0, 0, 10); continue; }
        const f = 'docs/f' + (k % n) + '.md';
        fs.appendFileSync(path.join(dir, f), 'line-' + k + ' utilize\\n');
        (log[f] ??= []).push(k++);
        if (k % 4 === 0) Atomics.wait(pause, 0, 0, 1); // about 2,000 lines a second: files stay small
      }
      process.stdout.write(JSON.stringify(log));`;
    const appender = spawn(process.execPath, ['-e', script]);
    let out = '';
    appender.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const done = new Promise<void>((resolve) => appender.on('close', () => resolve()));
    let refused = 0;
    let runs = 0;
    try {
      for (; runs < 4; runs++) {
        const r = await cli(dir, ['--fix', 'docs'], { timeout: 60_000 });
        expect(r.signal).toBeNull();
        refused += r.stderr.match(/changed on disk/g)?.length ?? 0;
      }
    } finally {
      fs.writeFileSync(path.join(dir, 'stop'), '');
      await done;
    }
    const log = JSON.parse(out) as Record<string, number[]>;
    let lines = 0;
    const lost: string[] = [];
    for (const [f, ids] of Object.entries(log)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const id of ids) {
        lines++;
        if ((text.match(new RegExp(`^line-${id} (utilize|use)$`, 'gm'))?.length ?? 0) !== 1) lost.push(`${f}: line-${id}`);
      }
    }
    console.log(`${runs} --fix runs over ${FILES} files with a concurrent appender: ${lines} lines appended, ${refused} writes refused as changed on disk, ${lost.length} lost`);
    expect(lines).toBeGreaterThan(FILES);
    expect(lost).toEqual([]);
    expectNoTempFiles(dir);
  }, 240_000);
});
