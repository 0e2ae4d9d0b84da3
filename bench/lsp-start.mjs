#!/usr/bin/env node
// Cold start only, repeated: spawn the server, open the largest corpus file with the 10,000-term
// guide, wait for its first diagnostics, stop. Prints medians (and ranges) of wall time, the
// server's CPU time (user + system, steadier on a loaded machine) and peak RSS, for a guide never
// seen (empty guide cache) and a restart (guide cache filled). bench/lsp-rss.mjs measures one of
// each plus typing; this one is for comparing two builds of the server's start.
//
// Usage: node bench/lsp-start.mjs [--runs N] [--terms N] [--json FILE]
// BRANDLINT_LS_BIN: another server entry (default bin/brandlint-ls.js); BRANDLINT_LS_NODE_ARGS: node options.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { readBase, terms as makeTerms, vocabulary, writeGuide } from './guides.mjs';

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

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}
const files = walk(corpus).sort();
const largest = files.reduce((a, b) => (fs.statSync(b).size > fs.statSync(a).size ? b : a));
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-lsp-start-'));
const base = readBase(path.join(bench, 'brand.yaml'));
const guide = writeGuide(ws, 'brand', base, { terms: nTerms ? makeTerms(vocabulary(files), nTerms) : [], banned: base.banned });
const uri = pathToFileURL(largest).href;
const text = fs.readFileSync(largest, 'utf8');

const procStat = (pid) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / 100, peakRssMB: m ? Number(m[1]) / 1024 : NaN };
  } catch {
    return { cpuMs: NaN, peakRssMB: NaN };
  }
};

async function start(cacheDir) {
  const t0 = performance.now();
  const nodeArgs = (process.env.BRANDLINT_LS_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, process.env.BRANDLINT_LS_BIN ?? path.join(repo, 'bin/brandlint-ls.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, BRANDLINT_CACHE_DIR: cacheDir },
  });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let done;
  const first = new Promise((r) => (done = r));
  conn.onNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && done(p));
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('brandlint/status', () => {});
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ guide, debounce: 0 })));
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ws).href,
    workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'bench' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { settings: { guide, debounce: 0 }, diagnosticMode: 'push' },
  });
  const ready = { ms: performance.now() - t0, ...procStat(child.pid) };
  conn.sendNotification('initialized', {});
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const d = await first;
  const r = { ms: performance.now() - t0, ...procStat(child.pid), readyMs: ready.ms, readyCpuMs: ready.cpuMs, readyRssMB: ready.peakRssMB, diagnostics: d.diagnostics.length };
  // Let the deferred guide-cache write happen, then stop.
  await new Promise((res) => setTimeout(res, 150));
  try {
    await Promise.race([conn.sendRequest('shutdown'), new Promise((res) => setTimeout(res, 2000))]);
    conn.sendNotification('exit');
  } catch {
    // gone
  }
  await new Promise((res) => setTimeout(res, 100));
  if (child.exitCode === null) child.kill();
  conn.dispose();
  return r;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const out = { terms: nTerms, runs, fresh: [], cached: [] };
try {
  for (let i = 0; i < runs; i++) {
    const cacheDir = path.join(ws, `.cache-${i}`);
    out.fresh.push(await start(cacheDir));
    out.cached.push(await start(cacheDir));
  }
  const f = (xs, k) => `${median(xs.map((x) => x[k])).toFixed(1)} (${Math.min(...xs.map((x) => x[k])).toFixed(0)}–${Math.max(...xs.map((x) => x[k])).toFixed(0)})`;
  console.log(`  server start, ${nTerms} terms, ${runs} runs, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs; median (min–max):`);
  for (const k of ['fresh', 'cached']) {
    const xs = out[k];
    console.log(`    ${k === 'fresh' ? 'guide never seen' : 'restart (cache) '}: wall ${f(xs, 'ms')} ms, CPU ${f(xs, 'cpuMs')} ms, peak RSS ${f(xs, 'peakRssMB')} MB; initialize answered at CPU ${f(xs, 'readyCpuMs')} ms, RSS ${f(xs, 'readyRssMB')} MB; ${xs[0].diagnostics} diagnostics`);
  }
} finally {
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(out, null, 2) + '\n');
  fs.rmSync(ws, { recursive: true, force: true });
}
