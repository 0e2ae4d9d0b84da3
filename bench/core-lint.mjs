#!/usr/bin/env node
// brandlint's core in-process, one thread, no CLI: load the guide once, lint every file.
// Usage: node bench/core-lint.mjs GUIDE LISTFILE   (LISTFILE: one path per line)
// Prints one JSON line: {files, findings, byRule, loadMs, lintMs}. Used by run.mjs to separate the
// core's cost from the CLI's (discovery, output) and for profiling with --cpu-prof.
// --dump FILE writes every finding (file, rule, span, message, fix…), one JSON line each, so a change
// meant to keep the findings can be compared against a dump taken before it (`cmp` the two files).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dumpFile = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : undefined;
const [guideFile, listFile] = args;
if (!guideFile || !listFile || (dumpAt >= 0 && !dumpFile)) {
  console.error('usage: node bench/core-lint.mjs [--dump FILE] GUIDE LISTFILE');
  process.exit(2);
}
const core = await import(pathToFileURL(path.join(repo, 'dist/rules/index.js')).href);
const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);

const t0 = performance.now();
const loaded = core.loadGuide(path.resolve(guideFile));
if (!loaded.ok) {
  console.error(loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
  process.exit(2);
}
const t1 = performance.now();
let findings = 0;
const byRule = {};
const dump = [];
for (const f of files) {
  const r = core.lintText(f, fs.readFileSync(f, 'utf8'), loaded.guide);
  findings += r.findings.length;
  for (const x of r.findings) byRule[x.rule] = (byRule[x.rule] ?? 0) + 1;
  if (dumpFile) for (const x of r.findings) dump.push(JSON.stringify({ file: f, ...x }));
}
const t2 = performance.now();
if (dumpFile) fs.writeFileSync(dumpFile, dump.join('\n') + '\n');
console.log(JSON.stringify({ files: files.length, findings, byRule, loadMs: Math.round(t1 - t0), lintMs: Math.round(t2 - t1) }));
