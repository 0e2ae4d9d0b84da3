#!/usr/bin/env node
// Markdown front end alone: parse every .md/.markdown file of ../shared/corpus with the
// front end (lezer) and with remark (micromark, read into prose by the code that reads MDX),
// alternating, and print CPU time (user+sys, less sensitive to a shared machine than wall time) per
// run and the medians; --no-remark times the front end only. Also times the two inputs that were
// quadratic in micromark: a 2 MB paragraph, and a 400 KB paragraph with a stray `[`.
// Usage: node bench/markdown-parse.mjs [--reps N] [--every K] [--no-remark]   (run `npm run build` first)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filesUnder } from './corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repo, '../shared/corpus');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(`--${n}`) ? Number(argv[argv.indexOf(`--${n}`) + 1]) : d);
const reps = opt('reps', 3);
const every = opt('every', 1);
const { parseMarkdown } = await import(pathToFileURL(path.join(repo, 'dist/rules/parse/markdown.js')).href);
const { proseFromMdast } = await import(pathToFileURL(path.join(repo, 'dist/rules/parse/mdx.js')).href);
const { joinLongRuns, LONG_RUN } = await import(pathToFileURL(path.join(repo, 'dist/rules/parse/long-runs.js')).href);
const withRemark = !argv.includes('--no-remark');
const remark = withRemark ? await remarkMarkdown() : undefined;

/** Markdown read by remark as the differential test reads it (test/helpers/remark-markdown.ts). */
async function remarkMarkdown() {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkGfm } = await import('remark-gfm');
  const { default: remarkFrontmatter } = await import('remark-frontmatter');
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
  return (source, file) => {
    const joined = joinLongRuns(source, LONG_RUN);
    const input = joined?.text ?? source;
    return proseFromMdast(source, file, 'markdown', processor.parse(input), { input, joined: joined && { source, at: joined.at } });
  };
}
const parsers = { lezer: (s) => parseMarkdown(s, 'x.md'), remark: (s) => remark(s, 'x.md') };

const cpu = (fn) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

if (fs.existsSync(corpus)) {
  const texts = filesUnder(corpus, /\.(md|markdown)$/i).filter((_, i) => i % every === 0).map((f) => fs.readFileSync(f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  const times = { lezer: [], remark: [] };
  for (let r = 0; r < reps; r++) {
    for (const name of !withRemark ? ['lezer'] : r % 2 ? ['remark', 'lezer'] : ['lezer', 'remark']) {
      const parse = parsers[name];
      const t = cpu(() => {
        for (const s of texts) parse(s);
      });
      times[name].push(t.cpu);
      console.log(`run ${r + 1} ${name.padEnd(6)} cpu ${fmt(t.cpu)}  wall ${fmt(t.wall)}`);
    }
  }
  const l = median(times.lezer);
  const summary = `${texts.length} files, ${(bytes / 1e6).toFixed(1)} M chars: median CPU lezer ${fmt(l)}`;
  if (!withRemark) console.log(`\n${summary}`);
  else {
    const m = median(times.remark);
    console.log(`\n${summary}, remark ${fmt(m)} — ${(m / l).toFixed(1)}× faster`);
  }
} else console.log('corpus: skipped — ../shared/corpus is absent');

// The inputs that once were quadratic (micromark): both must stay linear.
const line = 'We utilize the best synergy in the world and e-mail it to Git Hub users today';
const big = Array.from({ length: Math.ceil(2e6 / (line.length + 1)) }, () => line).join('\n');
const stray = '[' + Array.from({ length: Math.ceil(4e5 / (line.length + 1)) }, () => line).join(' ');
for (const [name, s] of [['2 MB single paragraph', big], ['400 KB paragraph after a stray [', stray]]) {
  const t = cpu(() => parseMarkdown(s, 'x.md'));
  console.log(`${name}: lezer ${fmt(t.cpu)} CPU`);
}
