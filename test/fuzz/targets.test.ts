// Fuzzing beyond the core with the sample guide: mutated guides through the loader, mutated
// documents through the CLI as a process with a corrupted cache, and random edit sequences through
// the language server over stdio. CI runs a short budget (from BRANDLINT_FUZZ_RUNS's default);
// `npm run fuzz` runs the long one, and each target prints its count.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText, loadGuide } from '../../rules/index.js';
import { BIN, ensureBuilt, positionProblems, ROOT, type JsonReport } from '../helpers/hostile.js';
import { TestClient, positionAt, workspace } from '../lsp/client.js';
import { FORMATS, mutatedArb, RUNS } from './core.js';

/** Each target's cases: the loader is in-process (cheap); the CLI and server targets start processes. */
const GUIDE_RUNS = Math.max(50, Math.round(RUNS / 5));
const CLI_RUNS = Math.max(4, Math.round(RUNS / 250));
const SERVER_RUNS = Math.max(8, Math.round(RUNS / 100));
const TIMEOUT = Math.max(300_000, RUNS * 200);

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});
function tempRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-fuzz-'));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

function report(name: string, cases: number, t0: number, extra: string): void {
  console.log(`${name}: ${cases.toLocaleString('en-US')} cases passed in ${((performance.now() - t0) / 1000).toFixed(1)} s (${extra})`);
}

// ---------------------------------------------------------------------------------------------
// Guides: real guides with random edits, as bytes (invalid UTF-8, NUL), through loadGuide from disk.

const GUIDE_SEEDS = [
  'samples/brand.yaml',
  'samples/brand-starter.yaml',
  'packs/claims.yaml',
  'test/fixtures/guides/full.yaml',
  'test/fixtures/guides/patterns.yaml',
  'test/fixtures/guides/enums.yaml',
].map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8').slice(0, 6_000));

const YAML_BITS = [
  '\n', '\n  ', '\n    ', '- ', '  - ', ': ', ':', '#', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!!binary ', '!tag ', '<<: *a\n', '|\n', '>-\n', '---\n', '...\n', '%YAML 1.2\n',
  'extends: ./base.yaml\n', 'extends: [./base.yaml, ./base.yaml]\n', 'extends: ./brand.yaml\n', 'extends: ../outside.yaml\n', 'extends: brandlint:claims\n', 'extends: brandlint:nope\n',
  'colour: red\n', 'levle: error\n', 'level: eror\n', 'level: error\n', 'phrase: utilize\n', 'use: use\n', 'not: [x]\n', 'pattern: ', "'(?<=a)b'", "'\\p{Greek}+'", "'\\x{e9}+'", "'(a+)+$'", "'['", "'a++'",
  'terms:\n', 'banned:\n', 'claims:\n', 'tone:\n', 'channels:\n', 'overrides:\n', 'ignore: ["**/x"]\n', 'allow: [a]\n', 'examples:\n    good: [x]\n    bad: [utilize]\n',
  '\t', '\u0000', '\u001b', '\u00e9', '😀', '\u202e', '\ufeff', '\r\n', '\r',
];

function guideArb(): fc.Arbitrary<Buffer> {
  const fragment = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...YAML_BITS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.nat({ max: 60 }).map((n) => ' '.repeat(n)) },
  );
  const mutation = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('insert', 'insert', 'delete', 'duplicate', 'truncate', 'bytes'),
    len: fc.nat({ max: 120 }),
    text: fragment,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }),
  });
  return fc.tuple(fc.nat({ max: GUIDE_SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([i, muts]) => {
    let s = Buffer.from(GUIDE_SEEDS[i]!, 'utf8');
    for (const m of muts) {
      const at = Math.floor(m.at * s.length);
      const piece = m.kind === 'bytes' ? Buffer.from(m.bytes) : Buffer.from(m.text, 'utf8');
      if (m.kind === 'insert' || m.kind === 'bytes') s = Buffer.concat([s.subarray(0, at), piece, s.subarray(at)]);
      else if (m.kind === 'delete') s = Buffer.concat([s.subarray(0, at), s.subarray(at + m.len)]);
      else if (m.kind === 'duplicate') s = Buffer.concat([s.subarray(0, at + m.len), s.subarray(at, at + m.len), s.subarray(at + m.len)]);
      else s = s.subarray(0, at);
    }
    return s;
  });
}

describe('fuzz: mutated guides through the loader', () => {
  it('never throws; every problem is at a real line and column of a guide file; at most 50 listed; a guide that loads lints', () => {
    const dir = tempRepo();
    const guidePath = path.join(dir, 'brand.yaml');
    fs.writeFileSync(path.join(dir, 'base.yaml'), 'banned:\n  - phrase: leverage\n');
    let cases = 0;
    let loaded = 0;
    let problems = 0;
    const t0 = performance.now();
    fc.assert(
      fc.property(guideArb(), fc.boolean(), (bytes, asBase) => {
        cases++;
        // Half the time the mutation is in the extended file, so problems there are placed too.
        const target = asBase ? path.join(dir, 'base.yaml') : guidePath;
        fs.writeFileSync(guidePath, asBase ? 'extends: ./base.yaml\nbrand: Acme\n' : bytes);
        fs.writeFileSync(path.join(dir, 'base.yaml'), asBase ? bytes : 'banned:\n  - phrase: leverage\n');
        const r = loadGuide(guidePath);
        const lineCount = (f: string) => {
          try {
            return fs.readFileSync(f, 'latin1').split(/\r\n|\r|\n/).length;
          } catch {
            return 1;
          }
        };
        expect(r.problems.length).toBeLessThanOrEqual(51);
        for (const p of r.problems) {
          problems++;
          const where = `${path.basename(p.file)}:${p.line}:${p.column} ${p.message}`;
          expect(p.message.length, where).toBeGreaterThan(0);
          expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount(p.file) + 1, where).toBe(true);
          expect(Number.isInteger(p.column) && p.column >= 1, where).toBe(true);
          expect([guidePath, target, path.join(dir, 'base.yaml')].includes(p.file) || p.file.includes(`${path.sep}packs${path.sep}`), where).toBe(true);
        }
        if (r.ok) {
          loaded++;
          lintText(path.join(dir, 'post.md'), 'We utilize synergy and leverage it.\n', r.guide);
        } else expect(r.problems.some((p) => p.level === 'error')).toBe(true);
      }),
      { numRuns: GUIDE_RUNS, endOnFailure: true },
    );
    report('guide loader (mutated guides)', cases, t0, `${loaded.toLocaleString('en-US')} loaded, ${problems.toLocaleString('en-US')} problems checked`);
    // A generator that never gets past the YAML reader, or never breaks a guide, proves little.
    expect(loaded).toBeGreaterThan(cases / 20);
    expect(loaded).toBeLessThan(cases);
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// The CLI as a process: mutated documents, then the same run with a corrupted cache must print
// the same report and exit with the same code (the cache cannot lie, and never crashes the run).

type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
function runCli(cwd: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', BRANDLINT_WORKERS: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end();
  });
}

const corruptionArb = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('byte' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constantFrom('drop-findings' as const, 'lower-levels' as const, 'garbage-entry' as const, 'swap-entries' as const, 'shift-lines' as const) }),
);

function corrupt(text: string, c: { kind: string; at?: number; b?: number }): Buffer {
  const raw = Buffer.from(text, 'utf8');
  if (c.kind === 'truncate') return raw.subarray(0, Math.floor(c.at! * raw.length));
  if (c.kind === 'byte') {
    const out = Buffer.from(raw);
    if (out.length) out[Math.min(out.length - 1, Math.floor(c.at! * out.length))] = c.b!;
    return out;
  }
  const data = JSON.parse(text) as { entries: Record<string, { findings?: { level: string; line: number }[] } | unknown> };
  const keys = Object.keys(data.entries);
  for (const [i, k] of keys.entries()) {
    const e = data.entries[k] as { findings?: { level: string; line: number }[] };
    if (c.kind === 'drop-findings' && e.findings) e.findings = [];
    if (c.kind === 'lower-levels') for (const f of e.findings ?? []) f.level = 'hint';
    if (c.kind === 'shift-lines') for (const f of e.findings ?? []) f.line += 1;
    if (c.kind === 'garbage-entry') data.entries[k] = i % 2 ? { hash: 7, findings: 'x' } : null;
    if (c.kind === 'swap-entries' && i > 0) [data.entries[k], data.entries[keys[i - 1]!]] = [data.entries[keys[i - 1]!], data.entries[k]];
  }
  return Buffer.from(JSON.stringify(data));
}

describe('fuzz: mutated documents through the CLI process, with a corrupted cache', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('exit 0 or 1, no crash, exact positions; a corrupted cache changes nothing in the report or the exit code', async () => {
    const seeds = (ext: string) => {
      const out: string[] = [];
      const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith(ext)) out.push(fs.readFileSync(p, 'utf8'));
        }
      };
      walk(path.join(ROOT, 'samples'));
      return out;
    };
    const fmt = (name: string) => FORMATS.find((f) => f.name === name)!;
    const docs = fc.tuple(mutatedArb(fmt('markdown'), seeds('.md')), mutatedArb(fmt('handlebars'), seeds('.hbs')), mutatedArb(fmt('social'), seeds('.txt')));
    let cases = 0;
    let findings = 0;
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(docs, corruptionArb, async ([md, html, social], corruption) => {
        cases++;
        const dir = tempRepo();
        fs.copyFileSync(path.join(ROOT, 'samples/brand.yaml'), path.join(dir, 'brand.yaml'));
        for (const [rel, text] of [['blog/post.md', md], ['emails/welcome.hbs', html], ['social/launch.txt', social]] as const) {
          fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
          fs.writeFileSync(path.join(dir, rel), text);
        }
        const first = await runCli(dir, ['--cache', '--format', 'json', '.']);
        expect(first.signal, first.stderr).toBeNull();
        expect([0, 1], first.stderr).toContain(first.code);
        expect(first.stderr).not.toMatch(/internal error|could not be linted|TypeError|RangeError/);
        const rep = JSON.parse(first.stdout) as JsonReport;
        for (const f of rep.files) {
          const source = fs.readFileSync(path.join(dir, f.path), 'utf8').replace(/^\uFEFF/, '');
          for (const x of f.findings) {
            findings++;
            expect(positionProblems(source, x), f.path).toEqual([]);
          }
        }
        const cacheFile = path.join(dir, '.brandlintcache');
        fs.writeFileSync(cacheFile, corrupt(fs.readFileSync(cacheFile, 'utf8'), corruption));
        const second = await runCli(dir, ['--cache', '--format', 'json', '.']);
        expect(second.signal).toBeNull();
        expect(second.code, `${JSON.stringify(corruption)}\n${second.stderr}`).toBe(first.code);
        expect(second.stdout, JSON.stringify(corruption)).toBe(first.stdout);
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: CLI_RUNS, endOnFailure: true },
    );
    report('CLI process (mutated documents, corrupted cache)', cases, t0, `${findings.toLocaleString('en-US')} findings checked`);
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// The language server over stdio: random edit sequences; the diagnostics of the edited document
// must end up those of the same text opened fresh, and the server must keep answering.

describe('fuzz: random edit sequences through the language server', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('after any sequence of edits, diagnostics equal those of the final text opened fresh', async () => {
    const dir = workspace({ 'brand.yaml': fs.readFileSync(path.join(ROOT, 'samples/brand.yaml'), 'utf8') });
    temps.push(dir);
    const client = await TestClient.start({ folders: [dir] });
    const pieces = ['utilize', ' synergy', 'e-mail', 'Git Hub', '\n', '\n\n', '# ', '- ', '> ', '**', '`', '<b>', '{{x}}', '😀', '\r\n', ' ', 'We ', '.'];
    const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 12 }), text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })) });
    const seqArb = fc.tuple(fc.constantFrom('We utilize synergy.\n', '# Launch\n\nOur e-mail tool.\n', ''), fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 }));
    const simplify = (ds: { range: unknown; message: string; code?: unknown; severity?: number }[]) =>
      JSON.stringify(ds.map((d) => ({ range: d.range, message: d.message, code: d.code, severity: d.severity })));
    let cases = 0;
    let edits = 0;
    const t0 = performance.now();
    try {
      await fc.assert(
        fc.asyncProperty(seqArb, async ([start, batches]) => {
          const n = cases++;
          const uri = client.open(path.join(dir, `edited-${n}.md`), start);
          for (const batch of batches) {
            const text = client.text(uri);
            client.edit(
              uri,
              batch.map((e) => {
                // Each change applies to the result of the previous one; a range on code-unit offsets.
                const at = Math.floor(e.at * text.length);
                const end = Math.min(text.length, at + e.del);
                edits++;
                return { range: { start: positionAt(text, at), end: positionAt(text, end) }, newText: e.text };
              }).slice(0, 1),
            );
          }
          const final = client.text(uri);
          const fresh = client.open(path.join(dir, `fresh-${n}.md`), final);
          await client.until(
            () => client.diagnostics.has(uri) && client.diagnostics.has(fresh) && simplify(client.diagnostics.get(uri)!) === simplify(client.diagnostics.get(fresh)!),
            `diagnostics of edited-${n}.md to match a fresh open of its text ${JSON.stringify(final.slice(0, 200))}`,
            20_000,
          );
          // Still answering requests.
          await client.hover(uri, 0, 0);
          client.close(uri);
          client.close(fresh);
        }),
        { numRuns: SERVER_RUNS, endOnFailure: true },
      );
    } finally {
      await client.stop();
    }
    report('language server (random edit sequences)', cases, t0, `${edits.toLocaleString('en-US')} edits`);
  }, TIMEOUT);
});
