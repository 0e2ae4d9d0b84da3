#!/usr/bin/env node
// The language server under a large guide: cold start to first diagnostics, the server's peak RSS
// with 10,000 terms, and keystroke-to-diagnostics while typing into a 5,000-word document and into
// the largest corpus file. Drives `bin/brandlint-ls.js --stdio` the way an editor does
// (vscode-languageserver-protocol over stdio, push diagnostics, debounce 0 so the figure is the
// server's own work, not its deliberate wait).
//
// Usage: node bench/lsp-rss.mjs [--quick] [--terms N] [--json FILE]
// BRANDLINT_LS_NODE_ARGS: extra node options for the server (e.g. --cpu-prof --cpu-prof-dir=/tmp/p);
// BRANDLINT_LS_BIN: another server entry to compare (default bin/brandlint-ls.js).
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
const quick = argv.includes('--quick');
const nTerms = Number(opt('terms', 10000));
const keystrokes = quick ? 20 : 100;
const jsonOut = opt('json', undefined);

if (!fs.existsSync(corpus)) {
  console.log('  lsp: skipped — ../shared/corpus is absent');
  process.exit(0);
}

const { files, largest } = corpusMarkdown(corpus);

// The workspace: the 10,000-term guide and a 5,000-word document made of whole corpus paragraphs.
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-lsp-'));
const base = readBase(path.join(bench, 'brand.yaml'));
const guide = writeGuide(ws, 'brand', base, { terms: makeTerms(vocabulary(files), nTerms), banned: base.banned });
const paras = [];
let words = 0;
for (const f of files) {
  for (const p of fs.readFileSync(f, 'utf8').split(/\n{2,}/)) {
    if (!/^[A-Z][^\n]{80,}$/.test(p)) continue; // plain prose paragraphs only, one line each
    paras.push(p);
    words += p.split(/\s+/).length;
    if (words >= 5000) break;
  }
  if (words >= 5000) break;
}
const doc5k = path.join(ws, 'doc-5000-words.md');
fs.writeFileSync(doc5k, `# Five thousand words\n\n${paras.join('\n\n')}\n`);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
// Each server gets the cache folder of this run: the first start finds it empty (no V8 code cache,
// no guide cache: a new machine), the second has the code cache but opens the guide at a path new
// to it (a guide never seen, read from YAML), the third finds both (an editor restart).
const cacheDir = path.join(ws, '.cache');
const newGuide = path.join(ws, 'brand-new.yaml');
fs.copyFileSync(guide, newGuide);

/** Spawn a server, initialize it, open the largest file: cold start to its first diagnostics. */
async function startServer(guide) {
  const server = spawnServer({ guide, ws, cacheDir });
  const { child, diagnostics, stop } = server;
  try {
    await server.initialize();
    const p = diagnostics(bigUri, 1);
    server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: bigText } });
    const first = await p;
    return { ...server, coldStartMs: performance.now() - server.t0, coldStartCpuMs: cpuMs(child.pid), first };
  } catch (e) {
    await stop();
    throw e;
  }
}

const bigUri = pathToFileURL(largest).href;
const bigText = fs.readFileSync(largest, 'utf8');
const out = { terms: nTerms, guideBytes: fs.statSync(guide).size };
let server;
try {
  // The first start: nothing cached.
  const first = await startServer(guide);
  out.coldStartFirstMs = first.coldStartMs;
  out.coldStartFirstCpuMs = first.coldStartCpuMs;
  await first.stop();
  // A guide never seen before: cold start and peak RSS of loading it from YAML.
  const fresh = await startServer(newGuide);
  out.coldStartNoCacheMs = fresh.coldStartMs;
  out.coldStartNoCacheCpuMs = fresh.coldStartCpuMs;
  out.peakRssNoCacheMB = peakRssMB(fresh.child.pid);
  await fresh.stop();

  // An editor restart: the guide comes from the cache. Everything else is measured on this one.
  server = await startServer(newGuide);
  const { conn, diagnostics } = server;
  out.coldStartMs = server.coldStartMs;
  out.coldStartCpuMs = server.coldStartCpuMs;
  out.largestFile = { path: path.relative(corpus, largest), words: bigText.split(/\s+/).length, diagnostics: server.first.diagnostics.length };
  const stages = [['first diagnostics', peakRssMB(server.child.pid)]];

  const smallUri = pathToFileURL(doc5k).href;
  const smallText = fs.readFileSync(doc5k, 'utf8');
  const p = diagnostics(smallUri, 1);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'markdown', version: 1, text: smallText } });
  const firstSmall = await p;
  out.doc5k = { words: smallText.split(/\s+/).length, diagnostics: firstSmall.diagnostics.length };
  stages.push(['5,000-word doc open', peakRssMB(server.child.pid)]);

  // Typing: insert one character at a time in the middle of a prose line, each followed by its diagnostics.
  async function type(uri, text, n) {
    const lines = text.split('\n');
    let line = Math.floor(lines.length / 2);
    while (line < lines.length - 1 && !/^[A-Za-z]/.test(lines[line])) line++;
    const col = Math.floor(lines[line].length / 2);
    const times = [];
    for (let k = 0; k < n; k++) {
      const version = k + 2;
      const ch = 'typing '[k % 7];
      const wait = diagnostics(uri, version);
      const s = performance.now();
      conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: col + k }, end: { line, character: col + k } }, text: ch }],
      });
      await wait;
      times.push(performance.now() - s);
    }
    return { keystrokes: n, p50Ms: quantile(times, 0.5), p95Ms: quantile(times, 0.95), maxMs: Math.max(...times) };
  }
  out.typing5k = await type(smallUri, smallText, keystrokes);
  stages.push(['typing in it', peakRssMB(server.child.pid)]);
  out.typingLargest = await type(bigUri, bigText, keystrokes);
  out.peakRssMB = peakRssMB(server.child.pid);
  stages.push(['typing in the largest file', out.peakRssMB]);
  out.peakRssByStage = Object.fromEntries(stages);

  const f = (x) => x.toFixed(1);
  console.log(`  server with ${nTerms} terms (guide ${(out.guideBytes / 1e6).toFixed(1)} MB), load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs:`);
  console.log(`    cold start (spawn → first diagnostics on ${out.largestFile.path}): ${f(out.coldStartNoCacheMs)} ms with a guide never seen, ${f(out.coldStartMs)} ms on a restart (guide and code caches), ${f(out.coldStartFirstMs)} ms on the first start (nothing cached)   target ≤ 500 ms`);
  console.log(`    cold start, the server's CPU time (user + system) to first diagnostics: ${f(out.coldStartNoCacheCpuMs)} ms guide never seen, ${f(out.coldStartCpuMs)} ms restart, ${f(out.coldStartFirstCpuMs)} ms first start`);
  console.log(`    keystroke → diagnostics, ${out.doc5k.words}-word doc: p50 ${f(out.typing5k.p50Ms)} ms, p95 ${f(out.typing5k.p95Ms)} ms (${keystrokes} keys)   target p95 ≤ 20 ms`);
  console.log(`    keystroke → diagnostics, largest file (${out.largestFile.words} words): p50 ${f(out.typingLargest.p50Ms)} ms, p95 ${f(out.typingLargest.p95Ms)} ms   target p95 ≤ 100 ms`);
  console.log(`    peak RSS of the server: ${f(out.peakRssMB)} MB (guide from the cache, after all of the above); ${f(out.peakRssNoCacheMB)} MB loading the guide from YAML, to first diagnostics   target ≤ 120 MB`);
  console.log(`    peak RSS by stage (cached guide): ${stages.map(([s, v]) => `${s} ${f(v)} MB`).join(', ')}`);
} catch (e) {
  console.log(`  lsp: FAILED: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(out, null, 2) + '\n');
  await server?.stop();
  fs.rmSync(ws, { recursive: true, force: true });
}
