#!/usr/bin/env node
// The Markdown front end alone, for instruction counts (valgrind --tool=callgrind): parse every file
// of LISTFILE once with parseMarkdown (the lezer front end) and print the number
// of blocks and characters of block text, so two builds can be compared on the same work.
// Usage: node bench/markdown-front.mjs LISTFILE [--reps N]   (run `npm run build` first)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Number(args.splice(repsAt, 2)[1]) : 1;
const [listFile] = args;
if (!listFile) {
  console.error('usage: node bench/markdown-front.mjs LISTFILE [--reps N]');
  process.exit(2);
}
const { parseMarkdown } = await import(pathToFileURL(path.join(repo, 'dist/rules/parse/markdown.js')).href);
const texts = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean).map((f) => fs.readFileSync(f, 'utf8'));
let blocks = 0;
let chars = 0;
const t0 = performance.now();
for (let r = 0; r < reps; r++) {
  for (const s of texts) {
    const doc = parseMarkdown(s, 'x.md');
    blocks += doc.blocks.length;
    for (const b of doc.blocks) chars += b.text.length;
  }
}
console.log(JSON.stringify({ files: texts.length, reps, blocks, chars, ms: Math.round(performance.now() - t0) }));
