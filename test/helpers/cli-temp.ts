// Shared by CLI tests in test/cli/: run the built CLI as a process in temp folders.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPUS, present } from './corpus.js';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/brandlint.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/owner');
/** The folder holding the shared corpus, and whether corpus tests run (see helpers/corpus.ts). */
export const SHARED = path.dirname(CORPUS);
export const HAS_SHARED = present;

const temps: string[] = [];
export function cleanTemps(): void {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
}

export function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `brandlint-owner-${label}-`));
  temps.push(dir);
  return dir;
}

/** A temp copy of an owner fixture as its own repository (a .git folder stops guide lookup). */
export function fixtureRepo(name: string): string {
  const dir = tempDir(name);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete e.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: e, input: '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
