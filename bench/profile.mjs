#!/usr/bin/env node
// Profiles brandlint's core on the corpus (node --cpu-prof over bench/core-lint.mjs) and prints
// where the time goes: self time by component (Markdown parsing, write-good, brandlint's own
// modules…) and the hottest functions.
//
// Usage: node bench/profile.mjs [--every K] [--guide FILE] [--keep DIR] [--top N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from './corpus.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(bench, '..');
const corpus = path.resolve(repo, '../shared/corpus/marketing-copy');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
const every = Number(opt('every', 1));
const guide = path.resolve(opt('guide', path.join(bench, 'brand.yaml')));
const top = Number(opt('top', 25));

if (!fs.existsSync(corpus)) {
  console.log('profile: skipped — ../shared/corpus is absent');
  process.exit(0);
}
const files = filesUnder(corpus, /\.(md|mdx)$/).filter((_, i) => i % every === 0);
const dir = opt('keep', undefined) ?? fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-prof-'));
fs.mkdirSync(dir, { recursive: true });
const list = path.join(dir, 'files.txt');
fs.writeFileSync(list, files.join('\n') + '\n');

const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '500', path.join(bench, 'core-lint.mjs'), guide, list], {
  encoding: 'utf8',
});
if (r.status !== 0) {
  console.error(r.stderr || r.stdout);
  process.exit(1);
}
console.log(`profile: ${files.length} files; core-lint says ${r.stdout.trim()}`);
const profFile = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(fs.readFileSync(path.join(dir, profFile), 'utf8'));

// Self time per node from the samples and their time deltas.
const self = new Map();
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** Which part of the system a function belongs to, from its script URL. */
function component(url, fn) {
  if (!url) return fn === '(garbage collector)' ? 'GC' : fn.startsWith('(') ? fn : 'V8 builtins';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return `npm:${pkg}`;
  }
  const d = url.indexOf('/dist/');
  if (d >= 0) return `brandlint:${url.slice(d + 6).replace(/\.js$/, '')}`;
  if (url.startsWith('node:')) return 'node internals';
  return path.basename(url);
}

const byComponent = new Map();
const byFunction = new Map();
for (const n of prof.nodes) {
  const t = self.get(n.id) ?? 0;
  if (!t) continue;
  const { url, functionName, lineNumber } = n.callFrame;
  const c = component(url, functionName);
  byComponent.set(c, (byComponent.get(c) ?? 0) + t);
  const key = `${functionName || '(anonymous)'}  ${c}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + t);
}
// Inclusive time per phase: each sample goes to the outermost check or parser module on its stack
// (what lint.ts calls), so helpers shared by several checks are charged to the check that called them.
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const byPhase = new Map();
for (const [id, t] of self) {
  let phase;
  let other;
  for (let n = byId.get(id); n; n = parent.get(n.id)) {
    const c = component(n.callFrame.url, n.callFrame.functionName);
    if (/^brandlint:rules\/(checks|parse|tone)\/(?!index$)/.test(c)) phase = c.replace('brandlint:rules/', '');
    else if (!phase && !other && c.startsWith('brandlint:rules/guide')) other = 'guide loading';
    if (c === 'GC') other = 'GC';
  }
  const key = phase ?? other ?? 'other (module loading, file reads, findings)';
  byPhase.set(key, (byPhase.get(key) ?? 0) + t);
}

const show = (title, m, n) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${(v / 1000).toFixed(2).padStart(7)} s  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  }
};
console.log(`sampled ${(total / 1000).toFixed(2)} s`);
show('inclusive time by phase (outermost parser or check on the stack)', byPhase, 30);
show('self time by component', byComponent, 20);
show(`hottest functions (self time)`, byFunction, top);
console.log(`\nprofile kept in ${path.join(dir, profFile)} (open it in Chrome DevTools or speedscope)`);
