// The CLI: unit tests of its pieces (arguments, discovery, .gitignore, sharding, files, formats), then
// the real thing: `node bin/brandlint.js` spawned in temp copies of test/fixtures/cli/**.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04, { type ValidateFunction } from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../rules/index.js';
import { DEFAULT_MAX_FILE_SIZE, parseLintArgs, parseShard, parseSize } from '../../cli/args.js';
import { decode, encode, readCopyFile, writeAtomically } from '../../cli/copyfile.js';
import { discover, inShard, stableHash } from '../../cli/files.js';
import { buildReport, type FileReport } from '../../cli/formats/model.js';
import { escapeData, escapeProperty, github } from '../../cli/formats/github.js';
import { json } from '../../cli/formats/json.js';
import { sarif } from '../../cli/formats/sarif.js';
import { stylish } from '../../cli/formats/stylish.js';
import { GitIgnores } from '../../cli/gitignore.js';
import { UsageError } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { Readable, Writable } from 'node:stream';
import { runCli, type Run } from '../helpers/run-cli.js';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/brandlint.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const SARIF_SCHEMA = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ANSI = /\x1b\[\d+m/;

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `brandlint-cli-${label}-`));
  temps.push(dir);
  return dir;
}

/** A temp copy of a fixture as a repository: `_gitignore` files become `.gitignore` (git would not keep them). */
function fixture(name: string): string {
  const dir = tempDir(name);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  const rename = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) rename(p);
      else if (e.name === '_gitignore') fs.renameSync(p, path.join(d, '.gitignore'));
    }
  };
  rename(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

function write(dir: string, rel: string, content: string | Buffer): string {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}


function run(cwd: string, args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return runCli(cwd, args, opts);
}

interface JsonReport {
  version: number;
  files: { path: string; findings: Record<string, unknown>[] }[];
  errorCount: number;
  warningCount: number;
}

async function runJson(cwd: string, args: string[], opts: { input?: string } = {}): Promise<{ run: Run; report: JsonReport }> {
  const r = await run(cwd, ['--format', 'json', ...args], opts);
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n--- stderr:\n${r.stderr}`);
  }
  return { run: r, report };
}

const paths = (report: JsonReport) => report.files.map((f) => f.path);

// ---------------------------------------------------------------------------------------------
// Units

describe('arguments', () => {
  it('defaults', () => {
    const a = parseLintArgs([]);
    expect(a).toMatchObject({ paths: ['.'], format: 'stylish', fix: false, maxWarnings: -1, quiet: false, stdin: false, color: 'auto', maxFileSize: DEFAULT_MAX_FILE_SIZE });
    expect(a.shard).toBeUndefined();
  });
  it('reads every option', () => {
    const a = parseLintArgs(['docs', '**/*.md', '--guide', 'g.yaml', '--format', 'sarif', '--output', 'o.sarif', '--fix', '--max-warnings', '3', '--quiet', '--no-color', '--shard', '2/4', '--max-file-size', '512KB']);
    expect(a).toMatchObject({ paths: ['docs', '**/*.md'], guide: 'g.yaml', format: 'sarif', output: 'o.sarif', fix: true, maxWarnings: 3, quiet: true, color: 'never', shard: { index: 2, count: 4 }, maxFileSize: 512 * 1024 });
    expect(parseLintArgs(['--stdin', '--stdin-filename', 'a.md'])).toMatchObject({ stdin: true, stdinFilename: 'a.md' });
  });
  it.each([
    [['--frmat', 'json'], /--frmat/],
    [['--format', 'xml'], /--format must be one of/],
    [['--format'], /argument missing/],
    [['--max-warnings', 'many'], /--max-warnings/],
    [['--max-warnings', '-2'], /--max-warnings/],
    [['--shard', '0/2'], /--shard/],
    [['--shard', '3/2'], /--shard/],
    [['--shard', 'a/b'], /--shard/],
    [['--max-file-size', 'big'], /--max-file-size/],
    [['--max-file-size', '0'], /--max-file-size/],
    [['--stdin-filename', 'a.md'], /needs --stdin/],
    [['--stdin', 'docs'], /no paths/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseLintArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseLintArgs(argv as string[])).toThrow(message as RegExp);
  });
  it('sizes and shards', () => {
    expect(parseSize('2MB')).toBe(2 * 1024 * 1024);
    expect(parseSize('1.5k')).toBe(1536);
    expect(parseSize('100')).toBe(100);
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });
});

describe('sharding', () => {
  it('uses FNV-1a (stable across machines)', () => {
    expect(stableHash('')).toBe(0x811c9dc5);
    expect(stableHash('a')).toBe(0xe40c292c);
    expect(stableHash('foobar')).toBe(0xbf9cf968);
  });
  it('puts every path in exactly one shard', () => {
    const files = Array.from({ length: 500 }, (_, i) => `content/section-${i % 7}/post-${i}.md`);
    for (const n of [1, 2, 3, 5]) {
      const counts = files.map((f) => Array.from({ length: n }, (_, i) => inShard(f, { index: i + 1, count: n })).filter(Boolean).length);
      expect(counts.every((c) => c === 1)).toBe(true);
      // Roughly balanced: no shard gets less than half its share.
      for (let i = 1; i <= n; i++) expect(files.filter((f) => inShard(f, { index: i, count: n })).length).toBeGreaterThan(500 / n / 2);
    }
  });
});

describe('.gitignore', () => {
  it('reads root and nested files the way git does', () => {
    const dir = tempDir('gi');
    fs.mkdirSync(path.join(dir, '.git'));
    write(dir, '.gitignore', 'build/\n*.draft.md\ndrafts/*\n!drafts/keep.md\n');
    write(dir, 'a/.gitignore', 'secret.md\n!x.draft.md\n');
    const gi = new GitIgnores(dir);
    const ig = (rel: string, isDir = false) => gi.isIgnored(path.join(dir, rel), isDir);
    expect(ig('build/out.md')).toBe(true);
    expect(ig('build', true)).toBe(true);
    expect(ig('note.draft.md')).toBe(true);
    expect(ig('a/deep/note.draft.md')).toBe(true);
    expect(ig('drafts/other.md')).toBe(true);
    expect(ig('drafts/keep.md')).toBe(false);
    expect(ig('a/secret.md')).toBe(true);
    expect(ig('secret.md')).toBe(false);
    // The deeper file re-includes what the root excluded.
    expect(ig('a/x.draft.md')).toBe(false);
    expect(ig('docs/intro.md')).toBe(false);
  });
  it('cannot re-include a file inside an ignored folder', () => {
    const dir = tempDir('gi2');
    fs.mkdirSync(path.join(dir, '.git'));
    write(dir, '.gitignore', 'out/\n');
    write(dir, 'out/.gitignore', '!keep.md\n');
    expect(new GitIgnores(dir).isIgnored(path.join(dir, 'out/keep.md'))).toBe(true);
  });
});

describe('discovery', () => {
  it('walks folders, expands globs, dedupes, and fails on a missing path', () => {
    const dir = tempDir('disc');
    fs.mkdirSync(path.join(dir, '.git'));
    write(dir, '.gitignore', 'gen/\n');
    write(dir, 'a.md', 'x');
    write(dir, 'sub/b.md', 'x');
    write(dir, 'gen/c.md', 'x');
    write(dir, '.hidden/d.md', 'x');
    write(dir, 'node_modules/e.md', 'x');
    const rel = (r: ReturnType<typeof discover>) => r.candidates.map((c) => path.relative(dir, c.abs).split(path.sep).join('/')).sort();
    expect(rel(discover(['.'], dir))).toEqual(['a.md', 'sub/b.md']);
    expect(rel(discover(['**/*.md', 'a.md'], dir))).toEqual(['a.md', 'sub/b.md']);
    const explicit = discover(['sub/b.md', 'sub'], dir).candidates;
    expect(explicit).toHaveLength(1);
    expect(explicit[0]!.explicit).toBe(true);
    expect(discover(['nothing/*.md'], dir).empty).toEqual(['nothing/*.md']);
    expect(() => discover(['missing.md'], dir)).toThrow(UsageError);
  });
});

describe('reading and writing copy files', () => {
  it('strips and restores a BOM, flags bad UTF-8', () => {
    const d = decode(Buffer.from('\uFEFFHello', 'utf8'));
    expect(d).toEqual({ text: 'Hello', bom: true, invalidUtf8: false });
    expect(encode('Hello', true)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x48, 0x65, 0x6c, 0x6c, 0x6f]));
    expect(decode(Buffer.from([0x61, 0xff, 0x62])).invalidUtf8).toBe(true);
  });
  it('skips binary and oversized files', () => {
    const dir = tempDir('read');
    const bin = write(dir, 'bin.md', Buffer.from([0x61, 0x00, 0x62]));
    const big = write(dir, 'big.md', 'x'.repeat(2000));
    expect(readCopyFile(bin, 100)).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
    expect(readCopyFile(big, 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than/) });
    expect(readCopyFile(big, 4000)).toMatchObject({ ok: true, text: 'x'.repeat(2000) });
  });
  it('writes atomically, keeps the mode, and refuses when the file changed on disk', () => {
    const dir = tempDir('write');
    const file = write(dir, 'a.md', 'old');
    fs.chmodSync(file, 0o640);
    const read = readCopyFile(file, 1000);
    if (!read.ok) throw new Error(read.reason);
    expect(writeAtomically(file, read.bytes, Buffer.from('new'))).toEqual({ ok: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    // Someone else wrote it after we read "new":
    fs.writeFileSync(file, 'theirs');
    const out = writeAtomically(file, Buffer.from('new'), Buffer.from('ours'));
    expect(out.ok).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['a.md']); // no temp file left behind
  });
  it('writes through a symbolic link, keeping the link', () => {
    const dir = tempDir('link');
    const real = write(dir, 'real.md', 'old');
    const link = path.join(dir, 'link.md');
    fs.symlinkSync('real.md', link);
    expect(writeAtomically(link, Buffer.from('old'), Buffer.from('new'))).toEqual({ ok: true });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new');
  });
});

// Findings as the core makes them, for format tests that must not depend on any rule.
function finding(source: string, needle: string, over: Partial<Finding> = {}): Finding {
  const start = source.indexOf(needle);
  const end = start + needle.length;
  const pos = (o: number) => {
    const before = source.slice(0, o).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const s = pos(start);
  const e = pos(end);
  return { rule: 'banned', level: 'error', message: `Use "use" instead of "${needle}".`, start, end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, text: needle, suggestions: ['use'], fixes: [{ title: 'Replace with "use"', edits: [{ start, end, text: 'use' }] }], ...over };
}

describe('formats (units)', () => {
  const source = '# Hi\n\n😀 We utilize it, 100%: no synergy.\n';
  const files: FileReport[] = [
    {
      path: '/repo/docs/a, b:c.md',
      rel: 'docs/a, b:c.md',
      source,
      fixed: 0,
      findings: [
        finding(source, 'utilize'),
        finding(source, 'synergy', { level: 'warning', message: 'Avoid "synergy": 100%,\nreally.', suggestions: [], fixes: [], because: 'Jargon.' }),
        finding(source, 'We', { rule: 'tone-x', level: 'info', suggestions: ['a', 'b'], fixes: [{ title: 'a', edits: [] }, { title: 'b', edits: [] }] }),
      ],
    },
    { path: '/repo/docs/clean.md', rel: 'docs/clean.md', source: 'ok', fixed: 0, findings: [] },
  ];
  const report = buildReport('/repo', files);
  const opts = { color: false, version: '9.9.9', fix: false };

  it('counts', () => {
    expect(report).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 1, hintCount: 0, fixableErrorCount: 1, fixableWarningCount: 0 });
  });

  it('json: the contract', () => {
    const out = JSON.parse(json(report, opts));
    expect(Object.keys(out)).toEqual(['version', 'files', 'errorCount', 'warningCount']);
    expect(out.files.map((f: { path: string }) => f.path)).toEqual(['docs/a, b:c.md', 'docs/clean.md']);
    expect(out.files[0].findings[0]).toEqual({ rule: 'banned', level: 'error', message: 'Use "use" instead of "utilize".', line: 3, column: 7, endLine: 3, endColumn: 14, text: 'utilize', suggestions: ['use'], docs: expect.stringMatching(/^https?:\/\//) });
    expect(out.files[0].findings[2].docs).toBeNull(); // an unknown rule and no docs of its own
    expect(out.files[0].findings[1].because).toBe('Jargon.');
    expect(out.files[1].findings).toEqual([]);
    expect([out.errorCount, out.warningCount]).toEqual([1, 1]);
  });

  it('github: escaping', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a, b:c%')).toBe('a%2C b%3Ac%25');
    const lines = github(report, opts).split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('::error file=docs/a%2C b%3Ac.md,line=3,col=7,endLine=3,endColumn=14,title=brandlint banned::Use "use" instead of "utilize".');
    expect(lines[1]).toBe('::warning file=docs/a%2C b%3Ac.md,line=3,col=28,endLine=3,endColumn=35,title=brandlint banned::Avoid "synergy": 100%25,%0Areally.%0AJargon.');
    expect(lines[2]).toMatch(/^::notice file=/);
  });

  it('sarif: valid 2.1.0, fixes only where unambiguous', () => {
    const log = JSON.parse(sarif(report, opts));
    expectValidSarif(log);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({ name: 'brandlint', version: '9.9.9' });
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('docs/a%2C%20b%3Ac.md');
    expect(run.results[0].locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 7, endLine: 3, endColumn: 14 });
    expect(run.results[0].fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 14 },
      insertedContent: { text: 'use' },
    });
    expect(run.results[1].fixes).toBeUndefined();
    expect(run.results[2].fixes).toBeUndefined();
  });

  it('stylish: grouped by file with a summary, colour only when asked', () => {
    const out = stylish(report, opts);
    expect(out).not.toMatch(ANSI);
    expect(out.split('\n')[0]).toBe('docs/a, b:c.md');
    expect(out).toMatch(/^ {2}3:7 +error +Use "use" instead of "utilize"\. +banned$/m);
    expect(out).toContain('Avoid "synergy": 100%, really.');
    expect(out).toContain('3 problems (1 error, 1 warning, 1 info)');
    expect(out).toContain('1 error and 0 warnings potentially fixable with the `--fix` option.');
    expect(out).not.toContain('docs/clean.md');
    expect(stylish(report, { ...opts, color: true })).toMatch(ANSI);
    expect(stylish(buildReport('/repo', [files[1]!]), opts)).toBe('');
  });
});

// A CommonJS default export: NodeNext types see the module object, vitest hands over the class.
type AjvClass = new (opts: Record<string, unknown>) => { compile(schema: unknown): ValidateFunction };
const Ajv04 = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as AjvClass;
let sarifValidator: ValidateFunction | undefined;
function sarifErrors(log: unknown) {
  if (!sarifValidator) {
    const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8'));
    // The schema is draft-04 with non-Unicode regexes; its formats (uri, date-time) are checked by the assertions, not here.
    sarifValidator = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
  }
  const validate = sarifValidator!;
  return validate(log) ? [] : (validate.errors ?? [{ message: 'invalid' }]);
}

function expectValidSarif(log: unknown): void {
  const errors = sarifErrors(log);
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
}

describe('SARIF schema check', () => {
  it('rejects a log that breaks the schema (so a pass means something)', () => {
    expect(sarifErrors({ runs: [] })).not.toEqual([]); // no version
    expect(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]); // driver without name
    expect(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).not.toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The process

describe.concurrent('brandlint (process)', () => {
  beforeAll(() => {
    // `npm test` builds first; a lone `vitest run test/cli.test.ts` may not have.
    if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) {
      try {
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
      } catch {
        // type errors elsewhere still emit JavaScript
      }
    }
  }, 120_000);

  const ALL_BASIC = ['docs/clean.md', 'docs/intro.md', 'drafts/plan.md', 'emails/welcome.html', 'nested/sub/ok.md', 'social/launch.post-draft'];

  it('--version and --help', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const dir = tempDir('v');
    expect(await run(dir, ['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await run(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Commands:\n {2}lint +lint files \(the default\)$/m);
    expect((await run(dir, ['help'])).stdout).toBe(help.stdout);
    for (const flag of ['--guide', '--format', '--output', '--fix', '--max-warnings', '--quiet', '--stdin', '--stdin-filename', '--no-color', '--shard', '--max-file-size']) {
      expect(help.stdout).toContain(flag);
    }
  });

  it('usage errors exit 2 with a message', async () => {
    const dir = fixture('basic');
    for (const args of [['--frmat', 'json'], ['--format', 'xml'], ['--shard', '3/2'], ['--max-warnings', 'x'], ['missing.md'], ['--guide', 'nope.yaml']]) {
      const r = await run(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^brandlint: /);
      expect(r.stdout).toBe('');
    }
  });

  it('json: exact shape, positions in UTF-16, the exact text flagged', async () => {
    const dir = fixture('basic');
    const { run: r, report } = await runJson(dir, []);
    expect(r.code).toBe(1);
    expect(Object.keys(report)).toEqual(['version', 'files', 'errorCount', 'warningCount']);
    expect(report.version).toBe(1);
    expect(paths(report)).toEqual(ALL_BASIC);
    const intro = report.files.find((f) => f.path === 'docs/intro.md')!;
    const source = fs.readFileSync(path.join(dir, 'docs/intro.md'), 'utf8');
    const lines = source.split('\n');
    const at = (line: number, word: string) => lines[line - 1]!.indexOf(word) + 1; // JS indexes are UTF-16
    const base = ['rule', 'level', 'message', 'line', 'column', 'endLine', 'endColumn', 'text', 'suggestions', 'docs'];
    for (const f of intro.findings) {
      expect(Object.keys(f).filter((k) => k !== 'because')).toEqual(base);
      expect(typeof f.message).toBe('string');
      expect(f.docs === null || typeof f.docs === 'string').toBe(true);
    }
    const pick = (f: Record<string, unknown>) => ({ rule: f.rule, level: f.level, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, text: f.text, suggestions: f.suggestions });
    expect(intro.findings.map(pick)).toEqual([
      { rule: 'banned', level: 'error', line: 3, column: at(3, 'utilize'), endLine: 3, endColumn: at(3, 'utilize') + 7, text: 'utilize', suggestions: ['use'] },
      { rule: 'banned', level: 'warning', line: 3, column: at(3, 'synergy'), endLine: 3, endColumn: at(3, 'synergy') + 7, text: 'synergy', suggestions: [] },
      { rule: 'banned', level: 'warning', line: 5, column: 4, endLine: 5, endColumn: 12, text: 'leverage', suggestions: ['use', 'build on'] },
    ]);
    // The emoji before "synergy" is two UTF-16 units: the column counts both.
    expect(at(3, 'synergy')).toBe([...lines[2]!.slice(0, lines[2]!.indexOf('synergy'))].length + 2);
    expect(intro.findings[1]!.because).toBe('Jargon, 100%: say what happens.');
    expect(report.files.find((f) => f.path === 'docs/clean.md')!.findings).toEqual([]);
    const all = report.files.flatMap((f) => f.findings);
    expect(report.errorCount).toBe(all.filter((f) => f.level === 'error').length);
    expect(report.warningCount).toBe(all.filter((f) => f.level === 'warning').length);
  });

  it('.gitignore (root and nested), the guide\'s ignore, hidden and unknown files are not linted', async () => {
    const dir = fixture('basic');
    const { report } = await runJson(dir, ['.']);
    for (const p of ['build/out.md', 'notes.draft.md', 'nested/sub/secret.md', 'drafts/CHANGELOG.md', 'docs/logo.svgz', 'brand.yaml']) {
      expect(paths(report)).not.toContain(p);
    }
    // Named explicitly: the guide's ignore and an unknown extension still win, each with a notice.
    const r = await run(dir, ['drafts/CHANGELOG.md', 'docs/logo.svgz']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/drafts\/CHANGELOG\.md: skipped, matches `ignore`/);
    expect(r.stderr).toMatch(/docs\/logo\.svgz: skipped, not a copy format/);
    // A file a channel names is copy whatever its extension.
    expect(paths((await runJson(dir, ['social/launch.post-draft'])).report)).toEqual(['social/launch.post-draft']);
  });

  it('globs', async () => {
    const dir = fixture('basic');
    // build/ is git-ignored: its glob matches nothing, which fails the run unless allowed.
    const { report } = await runJson(dir, ['docs/*.md', '**/ok.md', 'build/*.md', '--no-error-on-unmatched-pattern']);
    expect(paths(report)).toEqual(['docs/clean.md', 'docs/intro.md', 'nested/sub/ok.md']);
    const strict = await run(dir, ['docs/*.md', 'build/*.md']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('no files match "build/*.md"');
  });

  it('skips binary and oversized files with one notice each', async () => {
    const dir = fixture('basic');
    write(dir, 'docs/binary.md', Buffer.from('We utilize\u0000 bytes.'));
    write(dir, 'docs/big.md', 'x'.repeat(DEFAULT_MAX_FILE_SIZE + 1));
    write(dir, 'docs/mid.md', 'We utilize space.\n'.repeat(200)); // 3.6 KB
    const { run: r, report } = await runJson(dir, ['docs', 'docs/big.md']);
    expect(paths(report)).toEqual(['docs/clean.md', 'docs/intro.md', 'docs/mid.md']);
    expect(r.stderr.match(/docs\/binary\.md: skipped, binary/g)).toHaveLength(1);
    expect(r.stderr.match(/docs\/big\.md: skipped, larger than the 2 MB limit/g)).toHaveLength(1);
    const small = await runJson(dir, ['docs', '--max-file-size', '2KB']);
    expect(paths(small.report)).toEqual(['docs/clean.md', 'docs/intro.md']);
    expect(small.run.stderr).toMatch(/docs\/mid\.md: skipped, larger than the 2 KB limit \(3\.5 KB\)/);
  });

  it('nested guides: the nearest wins', async () => {
    const dir = fixture('nested');
    const { report } = await runJson(dir, []);
    const texts = Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => x.text)]));
    expect(texts).toEqual({ 'root.md': ['utilize'], 'team/a.md': ['synergy'], 'team/deep/b.md': ['synergy'] });
    // --guide names one guide for every file.
    const forced = (await runJson(dir, ['--guide', 'brand.yaml'])).report;
    expect(forced.files.map((f) => f.findings.map((x) => x.text))).toEqual([['utilize'], ['utilize'], ['utilize']]);
  });

  it('exit codes: 0 clean, 1 errors, 2 no guide or a broken guide', async () => {
    const dir = fixture('basic');
    expect(await run(dir, ['docs/clean.md'])).toMatchObject({ code: 0, stdout: '' });
    expect((await run(dir, ['docs/intro.md'])).code).toBe(1);
    const bare = tempDir('bare');
    fs.mkdirSync(path.join(bare, '.git'));
    write(bare, 'a.md', 'We utilize it.\n');
    const none = await run(bare, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('brandlint init');
    write(dir, 'brand.yaml', 'brand: Acme\nbanned:\n  - phrase: utilize\n    colour: red\n');
    const broken = await run(dir, []);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^brand\.yaml:\d+:\d+ error .+ \(guide\)$/m);
  });

  it('--max-warnings and --quiet', async () => {
    const dir = fixture('basic');
    write(dir, 'warn.md', 'Love the synergy.\n');
    expect((await run(dir, ['warn.md'])).code).toBe(0);
    expect((await run(dir, ['warn.md', '--max-warnings', '1'])).code).toBe(0);
    const over = await run(dir, ['warn.md', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/too many warnings \(1\)/);
    const quiet = (await runJson(dir, ['--quiet'])).report;
    const loud = (await runJson(dir, [])).report;
    expect(quiet.files.flatMap((f) => f.findings).every((f) => f.level === 'error')).toBe(true);
    expect(quiet.errorCount).toBe(loud.errorCount);
    expect(loud.warningCount).toBeGreaterThan(0);
    // Warnings still count against --max-warnings when not shown.
    expect((await run(dir, ['warn.md', '--quiet', '--max-warnings', '0'])).code).toBe(1);
  });

  it('--output writes the report to a file', async () => {
    const dir = fixture('basic');
    const r = await run(dir, ['--format', 'json', '--output', 'reports/brand.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'reports/brand.json'), 'utf8')) as JsonReport;
    expect(paths(report)).toEqual(ALL_BASIC);
  });

  it('stylish: grouped, a summary, colour only for a terminal or when forced', async () => {
    const dir = fixture('basic');
    const r = await run(dir, ['docs']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toMatch(/^docs\/intro\.md$/m);
    expect(r.stdout).toMatch(/^ {2}3:\d+ +error +.*utilize.* +banned$/m);
    expect(r.stdout).toMatch(/✖ 3 problems \(1 error, 2 warnings\)/);
    expect((await run(dir, ['docs'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await run(dir, ['docs', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await run(dir, ['docs'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  it('github: workflow commands with escaping', async () => {
    const dir = fixture('basic');
    write(dir, 'docs/odd, name:1.md', 'Love the synergy.\n');
    const r = await run(dir, ['--format', 'github', 'docs']);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,]+::/.test(l))).toBe(true);
    const odd = lines.filter((l) => l.includes('file=docs/odd%2C name%3A1.md,'));
    expect(odd).toHaveLength(1);
    expect(odd[0]).toMatch(/^::warning file=docs\/odd%2C name%3A1\.md,line=1,col=10,endLine=1,endColumn=17,title=brandlint banned::/);
    expect(odd[0]).toContain('100%25');
    expect(odd[0]).not.toMatch(/100%[^2]/);
  });

  it('sarif: schema-valid, rules from the metadata, fixes only for one-suggestion findings', async () => {
    const dir = fixture('basic');
    const r = await run(dir, ['--format', 'sarif', 'docs']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expectValidSarif(log);
    const run0 = log.runs[0];
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toContain('banned');
    const bannedRule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'banned');
    expect(bannedRule).toMatchObject({ shortDescription: { text: expect.any(String) }, defaultConfiguration: { level: 'warning' }, properties: { category: 'banned' } });
    expect(bannedRule.helpUri).toMatch(/^https?:\/\//);
    const results = run0.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { snippet: { text: string } } } }[]; fixes?: unknown[] }[];
    expect(results.map((x) => [x.level, x.locations[0]!.physicalLocation.region.snippet.text])).toEqual([
      ['error', 'utilize'],
      ['warning', 'synergy'],
      ['warning', 'leverage'],
    ]);
    expect(results.every((x) => ids[x.ruleIndex] === x.ruleId && x.locations[0]!.physicalLocation.artifactLocation.uri === 'docs/intro.md')).toBe(true);
    expect(results.map((x) => Boolean(x.fixes))).toEqual([true, false, false]);
  });

  it('--stdin, with and without a name, and with --fix', async () => {
    const dir = fixture('basic');
    const named = (await runJson(dir, ['--stdin', '--stdin-filename', 'docs/new.md'], { input: 'We utilize it.\n' })).report;
    expect(paths(named)).toEqual(['docs/new.md']);
    expect(named.files[0]!.findings.map((f) => [f.text, f.line, f.column])).toEqual([['utilize', 1, 4]]);
    const anon = (await runJson(dir, ['--stdin'], { input: 'Plain synergy.\n' })).report;
    expect(paths(anon)).toEqual(['<stdin>']);
    expect(anon.files[0]!.findings.map((f) => f.text)).toEqual(['synergy']);
    const fixed = await run(dir, ['--stdin', '--fix', '--stdin-filename', 'docs/new.md'], { input: 'We utilize it. `utilize` stays.\n' });
    expect(fixed.stdout).toBe('We use it. `utilize` stays.\n');
    expect(fixed.code).toBe(0);
    const binary = await run(dir, ['--stdin', '--fix'], { input: 'We utilize\u0000 it.' });
    expect(binary).toMatchObject({ code: 0, stdout: 'We utilize\u0000 it.' });
    expect(binary.stderr).toMatch(/<stdin>: skipped, binary/);
    // The guide's ignore applies to the name standard input stands for.
    const ignored = await run(dir, ['--stdin', '--stdin-filename', 'drafts/CHANGELOG.md'], { input: 'We utilize it.\n' });
    expect(ignored.code).toBe(0);
    expect(ignored.stderr).toMatch(/skipped/);
  });

  it('--fix: unambiguous fixes only, bytes outside findings and the mode kept, idempotent', async () => {
    const dir = fixture('basic');
    const intro = path.join(dir, 'docs/intro.md');
    fs.chmodSync(intro, 0o640);
    const before = fs.readFileSync(intro, 'utf8');
    const bom = write(dir, 'docs/bom.md', '\uFEFFWe utilize BOMs.\r\nAnd we utilize CRLF.\r\n');
    const r = await runJson(dir, ['--fix', 'docs']);
    const at = before.indexOf('utilize');
    expect(fs.readFileSync(intro, 'utf8')).toBe(before.slice(0, at) + 'use' + before.slice(at + 'utilize'.length));
    expect(fs.statSync(intro).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(bom)).toEqual(Buffer.from('\uFEFFWe use BOMs.\r\nAnd we use CRLF.\r\n', 'utf8'));
    // The report lists what remains: the warnings with no single fix.
    expect(r.run.code).toBe(0);
    expect(r.report.files.find((f) => f.path === 'docs/intro.md')!.findings.map((f) => f.text)).toEqual(['synergy', 'leverage']);
    expect(r.report.files.find((f) => f.path === 'docs/bom.md')!.findings).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'docs')).filter((f) => f.includes('brandlint'))).toEqual([]);
    // A second run changes nothing.
    const snapshot = fs.readFileSync(intro);
    const mtime = fs.statSync(intro).mtimeMs;
    const again = await run(dir, ['--fix', 'docs']);
    expect(again.stdout).not.toMatch(/fixed/);
    expect(fs.readFileSync(intro)).toEqual(snapshot);
    expect(fs.statSync(intro).mtimeMs).toBe(mtime);
  });

  it('--shard: the shards cover every file exactly once', async () => {
    const dir = fixture('basic');
    for (let i = 0; i < 30; i++) write(dir, `gen/post-${i}.md`, `Post ${i}.\n`);
    const all = paths((await runJson(dir, [])).report);
    expect(all.length).toBe(36);
    const shards = await Promise.all([1, 2, 3].map(async (i) => paths((await runJson(dir, ['--shard', `${i}/3`])).report)));
    expect(shards.every((s) => s.length > 0)).toBe(true);
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
    // Deterministic: the same shard twice is the same list.
    expect(paths((await runJson(dir, ['--shard', '2/3'])).report)).toEqual(shards[1]);
  });
});

describe('main() in process', () => {
  // A writable that records, standing in for a terminal or a pipe.
  function sink(isTTY: boolean) {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        chunks.push(String(chunk));
        cb();
      },
    }) as Writable & { isTTY?: boolean };
    stream.isTTY = isTTY;
    return { stream, text: () => chunks.join('') };
  }

  it('shows a progress counter on a terminal for long runs only', async () => {
    const dir = fixture('nested');
    for (let i = 0; i < 210; i++) write(dir, `many/p${String(i).padStart(3, '0')}.md`, 'Fine copy.\n');
    const runMain = async (args: string[], tty: boolean) => {
      const out = sink(false);
      const err = sink(tty);
      const code = await main(args, { cwd: dir, env: {}, stdin: Readable.from([]), stdout: out.stream, stderr: err.stream });
      return { code, stdout: out.text(), stderr: err.text() };
    };
    const tty = await runMain(['many'], true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('\rbrandlint: 1/210 files');
    expect(tty.stderr).toContain('\rbrandlint: 210/210 files');
    const piped = await runMain(['many'], false);
    expect(piped.stderr).toBe('');
    const short = await runMain(['team'], true);
    expect(short.stderr).not.toContain('files');
  }, 60_000);
});

import { CORPUS, present as hasCorpus } from '../helpers/corpus.js';

describe.skipIf(!hasCorpus)('brandlint on the shared corpus (skipped without ../shared)', () => {
  it('SARIF over real copy: schema-valid, and every region is exactly the flagged text', async () => {
    const dir = tempDir('corpus');
    const guide = write(dir, 'brand.yaml', [
      'brand: Corpus',
      'banned:',
      '  - phrase: [click here, please]',
      '    level: warning',
      '  - phrase: utilize',
      '    use: use',
      'terms:',
      '  - use: GitHub',
      '  - use: email',
      '    not: [e-mail]',
      '',
    ].join('\n'));
    const cwd = path.join(CORPUS, 'email-templates');
    const r = await run(cwd, ['--guide', guide, '--format', 'sarif', 'postmark-templates', '../marketing-copy/gitpod-website']);
    expect([0, 1]).toContain(r.code);
    const log = JSON.parse(r.stdout);
    expectValidSarif(log);
    const results = log.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number; snippet: { text: string } } } }[] }[];
    expect(results.length).toBeGreaterThan(20);
    const sources = new Map<string, string[]>();
    for (const res of results) {
      const loc = res.locations[0]!.physicalLocation;
      const file = path.resolve(cwd, decodeURIComponent(loc.artifactLocation.uri));
      if (!sources.has(file)) sources.set(file, fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/));
      const lines = sources.get(file)!;
      const { startLine, startColumn, endLine, endColumn, snippet } = loc.region;
      const text =
        startLine === endLine
          ? lines[startLine - 1]!.slice(startColumn - 1, endColumn - 1)
          : [lines[startLine - 1]!.slice(startColumn - 1), ...lines.slice(startLine, endLine - 1), lines[endLine - 1]!.slice(0, endColumn - 1)].join('\n');
      expect(text.replace(/\s+/g, ' ')).toBe(snippet.text.replace(/\s+/g, ' '));
    }
  }, 120_000);
});
