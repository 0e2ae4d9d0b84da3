#!/usr/bin/env node
// Labelling helper (not part of the measurement): draws a stratified random sample of today's
// findings that carry no label yet and prints each one in its source context, so a person can judge
// it as the company's editor would, then add a line to labels/<set>.jsonl.
//
//   node precision/sample.mjs --rule term --n 70 [--seed 17] [--set gitpod] [--json | --stub]
//
// --json prints the sampled findings; --stub prints them as label lines with an empty label and
// reason, ready to be judged and appended to labels/<set>.jsonl (the set is the stub's first key; drop
// it when appending).
//
// Stratified by set: each set gets its share of the rule's findings in proportion to its count, and
// at least --min (default 4) where it has that many, so every format is seen. The draw is a seeded
// shuffle of the findings sorted by file, line and column: the same seed on the same findings gives
// the same sample.
import fs from 'node:fs';
import path from 'node:path';
import { readSets, readLabels, lintSet, CORPUS, key, corpusPresent } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const rule = opt('rule');
const n = Number(opt('n', 40));
const seed = Number(opt('seed', 17));
const min = Number(opt('min', 4));
const only = opt('set');
if (!rule) {
  console.error('usage: node precision/sample.mjs --rule RULE [--n 40] [--seed 17] [--min 4] [--set SET] [--json | --stub]');
  process.exit(2);
}
if (!corpusPresent()) {
  console.error(`precision: no corpus at ${CORPUS}; nothing to sample.`);
  process.exit(0);
}

/** mulberry32: small, seeded, good enough to shuffle a sample. */
function rng(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const strata = [];
for (const s of readSets()) {
  if (only && s.set !== only) continue;
  const labelled = new Set(readLabels(s.set).map(key));
  const { findings } = await lintSet(s);
  const mine = findings.filter((f) => f.rule === rule);
  const open = mine.filter((f) => !labelled.has(key(f)));
  open.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  strata.push({ set: s.set, all: mine.length, done: mine.length - open.length, open });
}
const total = strata.reduce((t, s) => t + s.all, 0);
const out = [];
for (const s of strata) {
  const want = Math.min(s.all, Math.max(Math.min(min, s.all), Math.round((n * s.all) / (total || 1))));
  const take = Math.max(0, want - s.done);
  const r = rng(seed + s.set.length * 7919 + [...s.set].reduce((h, c) => h * 31 + c.charCodeAt(0), 0));
  const pool = [...s.open];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  for (const f of pool.slice(0, take)) out.push({ set: s.set, ...f });
}

const cache = new Map();
const linesOf = (file) => {
  if (!cache.has(file)) cache.set(file, fs.readFileSync(path.join(CORPUS, file), 'utf8').split(/\r?\n/));
  return cache.get(file);
};
const clip = (s, m) => (s.length > m ? s.slice(0, m) + '…' : s);

if (args.includes('--json')) {
  for (const f of out) console.log(JSON.stringify(f));
} else if (args.includes('--stub')) {
  for (const f of out) console.log(JSON.stringify({ set: f.set, file: f.file, rule: f.rule, line: f.line, column: f.column, text: f.text, label: '', reason: '' }));
} else {
  out.forEach((f, i) => {
    const lines = linesOf(f.file);
    const line = lines[f.line - 1] ?? '';
    const c = f.column - 1;
    const endC = f.endLine === f.line ? f.endColumn - 1 : line.length;
    const marked = line.slice(Math.max(0, c - 160), c) + '[[' + line.slice(c, endC) + ']]' + line.slice(endC, endC + 120);
    console.log(`#${i} ${f.set} ${f.file}:${f.line}:${f.column} ${f.rule} ${JSON.stringify(clip(f.text, 80))}`);
    console.log(`   msg: ${clip(f.message, 140)}`);
    if (f.line > 1) console.log(`   -1| ${clip(lines[f.line - 2].trim(), 160)}`);
    console.log(`    >| ${marked.trim()}`);
    if (f.line < lines.length) console.log(`   +1| ${clip(lines[f.line].trim(), 160)}`);
  });
  console.error(`${out.length} sampled of ${total} ${rule} findings (${strata.map((s) => `${s.set} ${s.all}`).join(', ')})`);
}
