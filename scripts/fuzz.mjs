#!/usr/bin/env node
// `npm run fuzz [-- RUNS [SEED]]`: the property tests of test/fuzz with 100,000 cases per core
// property (CI runs about 1,000 through `npm test`), and the targets beyond the core scaled from it:
// mutated guides through the loader (RUNS/5), the CLI as a process with a corrupted cache
// (RUNS/250) and edit sequences through the language server (RUNS/100). Prints each target's count
// and a summary; exits non-zero on a counterexample, which fast-check prints shrunk, with the seed.
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
const perTarget = [];
child.stdout.setEncoding('utf8').on('data', (d) => {
  process.stdout.write(d);
  buf += d;
  const lines = buf.split('\n');
  buf = lines.pop();
  for (const line of lines) {
    // eslint-disable-next-line no-control-regex
    const m = /(?:^|\s)([^\s].*?): ([\d,]+) cases passed/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
    if (!m) continue;
    const n = Number(m[2].replace(/,/g, ''));
    total += n;
    perTarget.push([m[1], n]);
  }
});
child.on('close', (code) => {
  if (perTarget.length) {
    console.log('\nbrandlint fuzz: cases per target');
    const width = Math.max(...perTarget.map(([name]) => name.length));
    for (const [name, n] of perTarget) console.log(`  ${name.padEnd(width)}  ${n.toLocaleString('en-US').padStart(9)}`);
  }
  console.log(`\nbrandlint fuzz: ${total.toLocaleString('en-US')} cases passed in all${code ? ' — FAILED, see the counterexample above' : ''}`);
  process.exit(code ?? 1);
});
