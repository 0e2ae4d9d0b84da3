#!/usr/bin/env node
// `npm run fuzz [-- RUNS [SEED]]`: the property tests of test/fuzz with 100,000 cases per property
// (CI runs about 1,000 through `npm test`). Prints each property's count; exits non-zero on a
// counterexample, which fast-check prints shrunk, with the seed to replay it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.argv[2] ?? process.env.BRANDLINT_FUZZ_RUNS ?? '100000';
const seed = process.argv[3] ?? process.env.BRANDLINT_FUZZ_SEED;
if (!/^\d+$/.test(runs) || Number(runs) < 1) {
  console.error(`usage: npm run fuzz [-- RUNS [SEED]]  (RUNS must be a positive integer, got "${runs}")`);
  process.exit(2);
}
const env = { ...process.env, BRANDLINT_FUZZ_RUNS: runs, ...(seed ? { BRANDLINT_FUZZ_SEED: seed } : {}) };
console.log(`brandlint fuzz: ${Number(runs).toLocaleString('en-US')} cases per property${seed ? `, seed ${seed}` : ''}`);
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', 'test/fuzz', '--silent=false', '--reporter=verbose'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
let total = 0;
let buf = '';
child.stdout.setEncoding('utf8').on('data', (d) => {
  process.stdout.write(d);
  buf += d;
  for (const m of buf.matchAll(/: ([\d,]+) cases passed/g)) total += Number(m[1].replace(/,/g, ''));
  buf = buf.slice(buf.lastIndexOf('\n') + 1);
});
child.on('close', (code) => {
  console.log(`\nbrandlint fuzz: ${total.toLocaleString('en-US')} cases passed in all${code ? ' — FAILED, see the counterexample above' : ''}`);
  process.exit(code ?? 1);
});
