// Guide problems through the real CLI process: `brandlint --guide BAD file.md` exits 2 and prints
// every problem as FILE:LINE:COL, the shape editors and CI logs turn into links.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/brandlint.js');
const GUIDES = path.join(ROOT, 'test/fixtures/guides');

/** Rebuild dist when it is missing or older than the loader sources (a lone vitest run does not build). */
function ensureBuilt(): void {
  const out = path.join(ROOT, 'dist/rules/guide/load.js');
  const srcDir = path.join(ROOT, 'rules/guide');
  const newest = Math.max(...fs.readdirSync(srcDir).map((f) => fs.statSync(path.join(srcDir, f)).mtimeMs));
  if (fs.existsSync(out) && fs.existsSync(path.join(ROOT, 'dist/cli/main.js')) && fs.statSync(out).mtimeMs >= newest) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
  } catch {
    // type errors elsewhere still emit JavaScript
  }
}

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-cli-guide-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, 'post.md'), '# Launch\n\nWe utilize the best tools.\n');
}, 120_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], cwd = dir) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The guide problem lines, relative to the fixtures folder whatever the CLI's cwd. */
function guideLines(out: string): string[] {
  return out
    .split('\n')
    .filter((l) => l.endsWith('(guide)'))
    .map((l) => path.relative(GUIDES, path.resolve(dir, l.slice(0, l.indexOf(':')))).split(path.sep).join('/') + l.slice(l.indexOf(':')));
}

describe('brandlint with a broken guide (process)', () => {
  it('--guide BAD: exit 2, every problem at BAD:LINE:COL', () => {
    const r = run(['--guide', path.join(GUIDES, 'types.yaml'), 'post.md']);
    expect(r.code).toBe(2);
    const lines = guideLines(r.out);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('types.yaml:1:8 error "brand" must be text, found a list (guide)');
    expect(lines).toContain('types.yaml:16:21 error "max" must be at least 1, found 0 (guide)');
    // No findings are reported against a guide that does not load.
    expect(r.out).not.toMatch(/utilize/);
  });

  it('YAML syntax, unknown keys, patterns: each at its position', () => {
    const cases: [string, string][] = [
      ['syntax.yaml', 'syntax.yaml:4:10 error YAML: this [ is never closed: add ]'],
      ['duplicate.yaml', 'duplicate.yaml:6:1 error duplicate key "terms"'],
      ['unknown-keys.yaml', 'unknown-keys.yaml:2:1 error unknown key "terns": did you mean "terms"?'],
      ['patterns.yaml', 'patterns.yaml:2:15 error look-behind'],
      ['root-list.yaml', 'root-list.yaml:1:1 error a guide must be a mapping'],
    ];
    for (const [file, expected] of cases) {
      const r = run(['--guide', path.join(GUIDES, file), 'post.md']);
      expect(r.code, file).toBe(2);
      expect(guideLines(r.out).some((l) => l.startsWith(expected)), `${file}:\n${r.out}`).toBe(true);
    }
  }, 300_000); // five processes; CI runners can be slow to start node

  it('a problem inside an extended file is printed with that file', () => {
    const r = run(['--guide', path.join(GUIDES, 'extends/uses-broken.yaml'), 'post.md']);
    expect(r.code).toBe(2);
    expect(guideLines(r.out)).toEqual(['extends/broken-base.yaml:3:5 error unknown key "trademrk" in entry 1 of "terms": did you mean "trademark"? (guide)']);
  });

  it('an extends cycle', () => {
    const r = run(['--guide', path.join(GUIDES, 'extends/cycle-a.yaml'), 'post.md']);
    expect(r.code).toBe(2);
    expect(guideLines(r.out)).toEqual(['extends/cycle-b.yaml:4:5 error extends cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml (guide)']);
  });

  it('a discovered brand.yaml with an error: exit 2 at brand.yaml:LINE:COL', () => {
    const repo = path.join(dir, 'found');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'brand.yaml'), 'brand: Acme\nbanned:\n  - phrase: utilize\n    level: eror\n');
    fs.writeFileSync(path.join(repo, 'post.md'), 'We utilize it.\n');
    const r = run(['post.md'], repo);
    expect(r.code).toBe(2);
    expect(r.out).toContain('brand.yaml:4:12 error "level" must be one of error, warning, info, hint, off, found "eror": did you mean "error"?');
  });

  it('a guide with only warnings still lints (exit by findings)', () => {
    const repo = path.join(dir, 'warn');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'brand.yaml'), 'channels:\n  emial: { files: [x/**] }\nbanned:\n  - phrase: utilize\n    level: error\n');
    fs.writeFileSync(path.join(repo, 'post.md'), 'We utilize it.\n');
    const r = run(['post.md'], repo);
    expect(r.out).toContain('brand.yaml:2:3 warning channel "emial"');
    expect(r.out).toMatch(/utilize/);
    expect(r.code).toBe(1);
  });

  it('a valid guide lints normally', () => {
    const r = run(['--guide', path.join(GUIDES, 'full.yaml'), 'post.md']);
    expect(guideLines(r.out)).toEqual([]);
    expect(r.out).toMatch(/utilize/);
    expect(r.code).toBe(0); // warnings only
  });
});
