#!/usr/bin/env node
// CPU time of each rule's check alone over the marketing copy, to find the hot spots: the files are
// parsed untimed, the per-block caches every rule shares (sentences, tokens) are filled
// untimed, then each rule turned on in the guide runs over every document; fresh documents each
// repetition so no rule reads another's cache. Medians of process CPU time (user+sys), which is
// steadier than wall time on a loaded machine.
// Usage: node bench/rule-cpu.mjs [--reps N] [--every K] [--guide FILE]   (after npm run build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filesUnder } from './corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repo, '../shared/corpus/marketing-copy');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
const reps = Number(opt('reps', 3));
const every = Number(opt('every', 1));
if (!fs.existsSync(corpus)) {
  console.log('rule-cpu: skipped — ../shared/corpus is absent');
  process.exit(0);
}
const load = (p) => import(pathToFileURL(path.join(repo, 'dist/rules', p)).href);
const core = await load('index.js');
const { parseDocument, formatOf } = await load('parse/index.js');
const { RULES } = await load('checks/index.js');
const { ruleLevel } = await load('lint.js');
const { blockSentences } = await load('text/sentences.js');
const { tokensOf } = await load('match/tokens.js');

const loaded = core.loadGuide(path.resolve(opt('guide', path.join(repo, 'bench/brand.yaml'))));
if (!loaded.ok) throw new Error('guide does not load');
const guide = loaded.guide;
const files = filesUnder(corpus, /\.(md|mdx)$/).filter((_, i) => i % every === 0).map((f) => [f, fs.readFileSync(f, 'utf8')]);
const rules = RULES.filter((r) => ruleLevel(r, guide) !== 'off');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times = new Map(rules.map((r) => [r.meta.id, []]));
for (let rep = 0; rep < reps; rep++) {
  const docs = files.map(([f, src]) => parseDocument(f, src, formatOf(f, guide), guide));
  for (const d of docs) for (const b of d.blocks) (blockSentences(b), tokensOf(b));
  for (const rule of rules) {
    let n = 0;
    const t = cpu();
    for (const doc of docs) rule.check({ doc, guide, report: () => void n++ });
    times.get(rule.meta.id).push(cpu() - t);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
let total = 0;
for (const [id, t] of [...times].sort((a, b) => med(b[1]) - med(a[1]))) {
  total += med(t);
  console.log(`${med(t).toFixed(0).padStart(6)} ms  ${id}`);
}
console.log(`${total.toFixed(0).padStart(6)} ms  all rules (${files.length} files, median of ${reps})`);
