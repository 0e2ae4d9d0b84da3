#!/usr/bin/env node
// The write-good rules alone (passive-voice, weasel-words, cliches, wordy, adverbs, there-is, so,
// e-prime: those the guide turns on) over the files of a list, REPS times, each time on fresh copies
// of the blocks (their per-block results are cached), after an untimed parse that also fills the
// sentence cache. For instruction counts on a loaded machine, run it under callgrind with --reps 1
// and --reps 3: half the difference is one pass of the rules (parse and start-up cancel out).
// Usage: node bench/write-good-rules.mjs [--reps N] GUIDE LISTFILE   (after npm run build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--reps');
const reps = at >= 0 ? Number(args.splice(at, 2)[1]) : 1;
const [guideFile, listFile] = args;
if (!guideFile || !listFile || !(reps >= 0)) {
  console.error('usage: node bench/write-good-rules.mjs [--reps N] GUIDE LISTFILE');
  process.exit(2);
}
const load = (p) => import(pathToFileURL(path.join(repo, 'dist/rules', p)).href);
const core = await load('index.js');
const { parseDocument, formatOf } = await load('parse/index.js');
const { RULES } = await load('checks/index.js');
const { ruleLevel } = await load('lint.js');
const { blockSentences } = await load('text/sentences.js');

const loaded = core.loadGuide(path.resolve(guideFile));
if (!loaded.ok) throw new Error('guide does not load');
const guide = loaded.guide;
const WG = new Set(['passive-voice', 'weasel-words', 'cliches', 'wordy', 'adverbs', 'there-is', 'so', 'e-prime']);
const rules = RULES.filter((r) => WG.has(r.meta.id) && ruleLevel(r, guide) !== 'off');
const docs = [];
for (const f of fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean)) {
  const format = formatOf(f, guide);
  if (format) docs.push(parseDocument(f, fs.readFileSync(f, 'utf8'), format, guide));
}
for (const d of docs) for (const b of d.blocks) blockSentences(b);
let findings = 0;
const t0 = process.cpuUsage();
for (let rep = 0; rep < reps; rep++) {
  for (const doc of docs) {
    const fresh = { ...doc, blocks: doc.blocks.map((b) => ({ ...b })) };
    for (const rule of rules) rule.check({ doc: fresh, guide, report: () => void findings++ });
  }
}
const t = process.cpuUsage(t0);
console.log(JSON.stringify({ docs: docs.length, rules: rules.map((r) => r.meta.id), reps, findings, cpuMs: Math.round((t.user + t.system) / 1000) }));
