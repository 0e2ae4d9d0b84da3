#!/usr/bin/env node
// Cold start only, repeated: spawn the server, open the largest corpus file with the 10,000-term
// guide, wait for its first diagnostics, stop. Prints medians (and ranges) of wall time, the
// server's CPU time (user + system, steadier on a loaded machine) and peak RSS for three starts:
// the first start (empty cache folder: no V8 code cache, no guide cache, as on a new machine or
// after a Node upgrade), a guide never seen (the server ran before: its code cache is there, but
// the guide, at a path new to it, is read from YAML) and a restart (both caches). bench/lsp-rss.mjs
// measures one of each plus typing; this one is for comparing two builds of the server's start.
//
// Usage: node bench/lsp-start.mjs [--runs N] [--terms N] [--json FILE]
// BRANDLINT_LS_BIN: another server entry (default bin/brandlint-ls.js); BRANDLINT_LS_NODE_ARGS: node options.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readBase, terms as makeTerms, vocabulary, writeGuide } from './guides.mjs';
import { corpusMarkdown, cpuMs, peakRssMB, spawnServer } from './lsp-server.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(bench, '..');
const corpus = path.resolve(repo, '../shared/corpus/marketing-copy');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
const runs = Number(opt('runs', 5));
const nTerms = Number(opt('terms', 10000));
const jsonOut = opt('json', undefined);
if (!fs.existsSync(corpus)) {
  console.log('  lsp start: skipped — ../shared/corpus is absent');
  process.exit(0);
}

const { files, largest } = corpusMarkdown(corpus);
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-lsp-start-'));
const base = readBase(path.join(bench, 'brand.yaml'));
const guide = writeGuide(ws, 'brand', base, { terms: nTerms ? makeTerms(vocabulary(files), nTerms) : [], banned: base.banned });
const uri = pathToFileURL(largest).href;
const text = fs.readFileSync(largest, 'utf8');

async function start(cacheDir, guide) {
  const server = spawnServer({ guide, ws, cacheDir });
  const ready = await server.initialize();
  const first = server.diagnostics(uri, 1);
  server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const d = await first;
  const pid = server.child.pid;
  const r = { ms: performance.now() - server.t0, cpuMs: cpuMs(pid), peakRssMB: peakRssMB(pid), readyMs: ready.ms, readyCpuMs: ready.cpuMs, readyRssMB: ready.peakRssMB, diagnostics: d.diagnostics.length };
  // Let the deferred guide-cache write happen, then stop.
  await new Promise((res) => setTimeout(res, 150));
  await server.stop();
  return r;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const out = { terms: nTerms, runs, first: [], fresh: [], cached: [] };
const ROWS = { first: 'first start      ', fresh: 'guide never seen ', cached: 'restart (caches) ' };
try {
  for (let i = 0; i < runs; i++) {
    const cacheDir = path.join(ws, `.cache-${i}`);
    // The same guide at another path: not in the guide cache the first start filled.
    const other = path.join(ws, `brand-${i}.yaml`);
    fs.copyFileSync(guide, other);
    out.first.push(await start(cacheDir, guide));
    out.fresh.push(await start(cacheDir, other));
    out.cached.push(await start(cacheDir, other));
  }
  const f = (xs, k) => `${median(xs.map((x) => x[k])).toFixed(1)} (${Math.min(...xs.map((x) => x[k])).toFixed(0)}–${Math.max(...xs.map((x) => x[k])).toFixed(0)})`;
  console.log(`  server start, ${nTerms} terms, ${runs} runs, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs; median (min–max):`);
  for (const k of Object.keys(ROWS)) {
    const xs = out[k];
    console.log(`    ${ROWS[k]}: wall ${f(xs, 'ms')} ms, CPU ${f(xs, 'cpuMs')} ms, peak RSS ${f(xs, 'peakRssMB')} MB; initialize answered at CPU ${f(xs, 'readyCpuMs')} ms, RSS ${f(xs, 'readyRssMB')} MB; ${xs[0].diagnostics} diagnostics`);
  }
} finally {
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(out, null, 2) + '\n');
  fs.rmSync(ws, { recursive: true, force: true });
}
