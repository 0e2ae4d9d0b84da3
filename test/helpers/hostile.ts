// Shared by the reliability tests: the CLI as a process, temp repositories, and the position
// oracle (the text a finding names must be the source slice at its 1-based UTF-16 line/column).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/brandlint.js');
export { CORPUS, present as HAS_CORPUS } from './corpus.js';

/** Build dist/ when a lone `vitest run` finds it missing or older than the sources it runs. */
export function ensureBuilt(): void {
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) t = Math.max(t, newest(p));
      else if (e.name.endsWith('.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const out = path.join(ROOT, 'dist/cli/main.js');
  const src = Math.max(...['rules', 'cli', 'server'].map((d) => newest(path.join(ROOT, d))));
  if (fs.existsSync(out) && fs.existsSync(path.join(ROOT, 'dist/server/main.js')) && fs.statSync(out).mtimeMs >= src) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
  } catch {
    // type errors in files being written by others still emit JavaScript
  }
}

const temps: string[] = [];
/** A temp folder made a repository root (a .git folder), with the given files. */
export function repo(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-rel-'));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, content] of Object.entries(files)) write(dir, rel, content);
  return dir;
}
export function cleanTemps(): void {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run `brandlint ARGS` in `cwd` as a real process; killed (and so failing) after `timeout` ms. */
export function cli(cwd: string, args: string[], opts: { timeout?: number; input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeout ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
    child.stdin.end(opts.input ?? '');
  });
}

export interface JsonFinding {
  rule: string;
  level: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  suggestions: string[];
}
export interface JsonReport {
  files: { path: string; findings: JsonFinding[] }[];
}

/** UTF-16 offset of a 1-based line/column, line breaks being \r\n, \n or a lone \r (as LSP counts them). */
export function offsetOf(text: string, line: number, column: number): number {
  let l = 1;
  let i = 0;
  while (l < line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) l++;
  }
  return i + column - 1;
}

/** Offsets where a range would split a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/** Problems with a JSON finding's position against the text the CLI read (empty when exact). */
export function positionProblems(source: string, f: JsonFinding): string[] {
  const out: string[] = [];
  const s = offsetOf(source, f.line, f.column);
  const e = offsetOf(source, f.endLine, f.endColumn);
  const where = `${f.rule} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
  if (!(s >= 0 && s <= e && e <= source.length)) out.push(`${where}: range ${s}-${e} outside 0-${source.length}`);
  else if (source.slice(s, e) !== f.text) out.push(`${where}: text ${JSON.stringify(f.text)} but the source has ${JSON.stringify(source.slice(s, e))}`);
  if (splitsPair(source, s) || splitsPair(source, e)) out.push(`${where}: splits a surrogate pair`);
  return out;
}

/** The text the CLI lints: UTF-8 decoded leniently (U+FFFD for bad bytes), a leading BOM dropped. */
export function decodedText(bytes: Buffer): string {
  const raw = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  return raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
}

/** Files under a folder, recursively (relative, `/`-separated). */
export function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else if (e.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Throws when an atomic write left its temp file behind (`.NAME.brandlint-PID-HEX.tmp`). */
export function expectNoTempFiles(dir: string): void {
  const left = listFiles(dir).filter((f) => /\.brandlint-[^/]*\.tmp$/.test(f));
  if (left.length) throw new Error(`temp files left behind: ${left.join(', ')}`);
}
