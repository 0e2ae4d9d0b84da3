// What a repository or a CI step can point the CLI at, through the real process: paths and globs
// that match nothing, files that cannot be read, FIFOs, devices, --output aimed at the guide or the
// copy, and standard input over the size limit. Each ends in a clear message and exit 2, never a
// hang, an abort or a silent pass.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanTemps, cli, ensureBuilt, repo, write, type Run } from '../helpers/hostile.js';

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => cleanTemps());

const GUIDE = 'banned:\n  - phrase: utilize\n    use: use\n    level: error\n';

function expectHandled(r: Run, what: string): void {
  expect(r.signal, `${what}: killed (hung?)`).toBeNull();
  expect(r.stderr, what).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$|Uncaught|RangeError|TypeError/m);
}

describe('CI typos fail: a path or glob that matches no file is exit 2', () => {
  it('a glob with no match, an empty folder, a glob whose every match is git-ignored; --no-error-on-unmatched-pattern keeps exit 0', async () => {
    const dir = repo({ 'brand.yaml': GUIDE, 'docs/a.md': 'We use it.\n', 'empty/.keep': '', '.gitignore': 'drafts/\n', 'drafts/b.md': 'We utilize it.\n' });
    for (const pattern of ['doc/**/*.md', 'empty', 'drafts/*.md']) {
      const r = await cli(dir, ['docs', pattern]);
      expectHandled(r, pattern);
      expect(r.code, `${pattern}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`brandlint: no files match "${pattern}"`);
      expect(r.stderr).toContain('--no-error-on-unmatched-pattern');
      expect(r.stdout).toBe('');
      const lenient = await cli(dir, ['--no-error-on-unmatched-pattern', 'docs', pattern]);
      expect(lenient.code, lenient.stderr).toBe(0);
      expect(lenient.stderr).toContain(`no files found in ${pattern}`);
    }
    // A path that does not exist at all (no glob characters) was already a usage error.
    const missing = await cli(dir, ['doc/a.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file, folder or glob match: doc/a.md');
  });

  it('a named file that cannot be read is exit 2; the same file met in a folder walk is skipped with a notice', async () => {
    const dir = repo({ 'brand.yaml': GUIDE, 'docs/a.md': 'We use it.\n', 'docs/locked.md': 'We utilize it.\n' });
    fs.chmodSync(path.join(dir, 'docs/locked.md'), 0o000);
    // root reads anything: run the CLI as an unprivileged user then (the folder must let it in).
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in asUser) for (const d of [dir, path.join(dir, 'docs')]) fs.chmodSync(d, 0o755);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, ...asUser });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end();
      });
    const named = await run(['docs/locked.md', 'docs/a.md']);
    expect(named.code, named.stderr).toBe(2);
    expect(named.stderr).toContain('brandlint: docs/locked.md: cannot read (EACCES)');
    expect(named.stderr).toContain('1 file could not be linted');
    const walked = await run(['docs']);
    expect(walked.code, walked.stderr).toBe(0);
    expect(walked.stderr).toContain('docs/locked.md: skipped, cannot read (EACCES)');
  });

  it('a FIFO, a device or a dangling link named on the command line: exit 2 at once, no hang', async () => {
    const dir = repo({ 'brand.yaml': GUIDE, 'docs/a.md': 'We use it.\n' });
    execFileSync('mkfifo', [path.join(dir, 'docs/pipe.md')]);
    fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'docs/dangling.md'));
    for (const [arg, message] of [
      ['docs/pipe.md', 'docs/pipe.md: a named pipe (FIFO), not a regular file'],
      ['/dev/zero', '/dev/zero: a character device, not a regular file'],
      ['docs/dangling.md', 'no such file, folder or glob match: docs/dangling.md'],
    ]) {
      const r = await cli(dir, [arg!], { timeout: 20_000 });
      expectHandled(r, arg!);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
    // In a folder walk, the FIFO is not a file: passed over, the rest linted.
    const walked = await cli(dir, ['docs'], { timeout: 20_000 });
    expectHandled(walked, 'walk with a FIFO');
    expect(walked.code, walked.stderr).toBe(0);
  });
});

describe('--output never overwrites the guide or the copy, never writes to a device', () => {
  it('the guide, an extended guide, a linted file, a hard link or symlink to one, a device, a FIFO, a folder: refused, exit 2, nothing changed', async () => {
    const dir = repo({
      'brand.yaml': `extends: ./org.yaml\n${GUIDE}`,
      'org.yaml': 'banned:\n  - phrase: leverage\n',
      'docs/a.md': 'We utilize it.\n',
      'out/.keep': '',
    });
    fs.linkSync(path.join(dir, 'brand.yaml'), path.join(dir, 'hard.yaml'));
    fs.symlinkSync(path.join(dir, 'docs/a.md'), path.join(dir, 'link.md'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const before = new Map(['brand.yaml', 'org.yaml', 'docs/a.md'].map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    for (const [out, why] of [
      ['brand.yaml', 'it is the guide'],
      ['org.yaml', 'it is a file the guide extends'],
      ['docs/a.md', 'it is docs/a.md, a file being linted'],
      ['hard.yaml', 'it is the guide'],
      ['link.md', 'it is docs/a.md, a file being linted'],
      ['/dev/null', 'a character device, not a regular file'],
      ['pipe.txt', 'a named pipe (FIFO), not a regular file'],
      ['out', 'a folder, not a regular file'],
    ]) {
      for (const fix of [[], ['--fix']]) {
        const r = await cli(dir, ['--format', 'json', '--output', out!, ...fix, 'docs'], { timeout: 20_000 });
        expectHandled(r, out!);
        expect(r.code, `${out}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(`cannot write --output ${out}: ${why}`);
        for (const [f, text] of before) {
          // --fix may fix the copy (that is its job); the report must not land in any of them.
          expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).not.toContain('"findings"');
          if (f !== 'docs/a.md') expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).toBe(text);
        }
        fs.writeFileSync(path.join(dir, 'docs/a.md'), before.get('docs/a.md')!);
      }
    }
    const ok = await cli(dir, ['--format', 'json', '--output', 'out/report.json', 'docs']);
    expect(ok.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8')).files).toHaveLength(1);
    // A shorter report over a longer old one leaves no tail of the old one.
    fs.writeFileSync(path.join(dir, 'out/report.json'), 'x'.repeat(100_000));
    await cli(dir, ['--format', 'json', '--output', 'out/report.json', 'docs']);
    expect(() => JSON.parse(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8'))).not.toThrow();
  });

  it('with --stdin, --output may not be the file --stdin-filename names', async () => {
    const dir = repo({ 'brand.yaml': GUIDE, 'docs/a.md': 'We use it.\n' });
    const r = await cli(dir, ['--stdin', '--stdin-filename', 'docs/a.md', '--output', 'docs/a.md'], { input: 'We utilize it.\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write --output docs/a.md: it is docs/a.md, the file standard input stands for');
    expect(fs.readFileSync(path.join(dir, 'docs/a.md'), 'utf8')).toBe('We use it.\n');
  });
});

describe('memory is bounded: standard input over the size limit', () => {
  /** Pipe `bytes` into `brandlint ARGS`; the CLI may stop reading early (EPIPE on our side is expected). */
  function pipe(dir: string, args: string[], bytes: Buffer): Promise<Run> {
    return new Promise((resolve) => {
      const t0 = performance.now();
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdin.on('error', () => undefined);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 }));
      child.stdin.end(bytes);
    });
  }

  it('60 MB on --stdin: a clear error and exit 2 (it aborted V8 with exit 134); with --fix nothing half-fixed on stdout', async () => {
    const dir = repo({ 'brand.yaml': GUIDE });
    const big = Buffer.alloc(60 * 1024 * 1024, 'We utilize it. ');
    for (const fix of [[], ['--fix']]) {
      const r = await pipe(dir, ['--stdin', ...fix], big);
      expect(r.signal).toBeNull();
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('brandlint: <stdin>: standard input is larger than the 2 MB limit; raise --max-file-size to lint it');
      expect(r.stdout).toBe('');
    }
    // The limit is the one --max-file-size sets for files.
    const small = await pipe(dir, ['--stdin', '--max-file-size', '1KB'], Buffer.from('We utilize it. '.repeat(100)));
    expect(small.code).toBe(2);
    expect(small.stderr).toContain('larger than the 1 KB limit');
    const within = await pipe(dir, ['--stdin', '--max-file-size', '1KB', '--format', 'json'], Buffer.from('We utilize it.\n'));
    expect(within.code).toBe(1);
    expect(JSON.parse(within.stdout).files[0].findings).toHaveLength(1);
  }, 120_000);
});

describe('copy files: only regular files within the limit are read', () => {
  it('a 1 GB copy file (sparse) is refused before it is read, by its size on the open descriptor', async () => {
    const dir = repo({ 'brand.yaml': GUIDE, 'docs/a.md': 'We utilize it.\n' });
    // Sparse, so the test writes nothing: the size check happens on the open descriptor before reading.
    fs.truncateSync(write(dir, 'docs/huge.md', ''), 1024 * 1024 * 1024);
    const r = await cli(dir, ['docs'], { timeout: 20_000 });
    expectHandled(r, 'huge copy');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('docs/huge.md: skipped, larger than the 2 MB limit (1024 MB); raise --max-file-size to lint it');
  });
});
