#!/usr/bin/env node
// What a copywriter feels in the editor, with the sample guide (samples/brand.yaml, tone rules on):
// cold start to first diagnostics, and keystroke-to-diagnostics while typing into a 5,000-word
// Markdown document, both with the default debounce (150 ms, what users get) and with debounce 0
// (the server's own work). Drives `bin/brandlint-ls.js --stdio` over vscode-languageserver-protocol
// with push diagnostics, like Neovim or Emacs. Not a timed test: it prints figures.
//
// Usage: npm run build && node bench/lsp-latency.mjs [--runs N] [--keys N]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(`--${n}`) ? Number(argv[argv.indexOf(`--${n}`) + 1]) : d);
const RUNS = opt('runs', 5);
const KEYS = opt('keys', 40);
const server = path.join(repo, 'bin/brandlint-ls.js');
if (!fs.existsSync(path.join(repo, 'dist/server/main.js'))) {
  console.error('run `npm run build` first');
  process.exit(2);
}

// A 5,000-word document: real marketing copy from the corpus when present, else the sample post.
function document() {
  const corpus = path.resolve(repo, '../shared/corpus/marketing-copy');
  const parts = [];
  if (fs.existsSync(corpus)) {
    const files = fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
    for (const f of files) {
      parts.push(fs.readFileSync(path.join(corpus, f), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
      if (parts.join(' ').split(/\s+/).length > 5200) break;
    }
  } else {
    const sample = fs.readFileSync(path.join(repo, 'samples/blog/launch.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    while (parts.join(' ').split(/\s+/).length < 5200) parts.push(sample);
  }
  const words = parts.join('\n\n').split(/(?<=\s)/);
  let out = '';
  let n = 0;
  for (const w of words) {
    out += w;
    if (/\S/.test(w) && ++n >= 5000) break;
  }
  return { text: out + '\n\nWe utilize it.\n', words: n, source: fs.existsSync(corpus) ? 'corpus marketing copy' : 'samples/blog/launch.md repeated' };
}

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-bench-'));
fs.mkdirSync(path.join(ws, '.git'));
fs.copyFileSync(path.join(repo, 'samples/brand.yaml'), path.join(ws, 'brand.yaml'));
const doc = document();
const file = path.join(ws, 'long.md');
fs.writeFileSync(file, doc.text);
const uri = pathToFileURL(file).href;

async function session(debounce) {
  const t0 = performance.now();
  // Without NODE_EXTRA_CA_CERTS, as the VS Code client starts the server (see bench/lsp-server.mjs).
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe', env: { ...process.env, NODE_EXTRA_CA_CERTS: undefined } });
  proc.stdin.on('error', () => undefined); // the server may close its end first on exit
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  let count = -1;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri !== uri) return;
    count = p.diagnostics.length;
    const w = waiting.get(p.version);
    if (w) w(performance.now());
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const published = (version) => new Promise((r) => waiting.set(version, r));
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ws).href,
    workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'bench' }],
    capabilities: {},
    initializationOptions: { settings: { debounce } },
  });
  conn.sendNotification('initialized', {});
  const first = published(1);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: doc.text } });
  const cold = (await first) - t0;
  const firstCount = count;

  // Type a sentence at the end of the first paragraph, one character per keystroke, waiting for
  // each keystroke's diagnostics before the next (the latency a writer sees after pausing).
  const lines = doc.text.split('\n');
  const line = lines.length - 2; // the closing "We utilize it." paragraph: prose for sure
  let character = lines[line].length;
  const typed = ' We utilize it.'.repeat(Math.ceil(KEYS / 15)).slice(0, KEYS);
  const lat = [];
  for (let i = 0; i < typed.length; i++) {
    const version = i + 2;
    const p = published(version);
    const s = performance.now();
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: typed[i] }],
    });
    character++;
    lat.push((await p) - s);
  }
  await conn.sendRequest('shutdown');
  const exited = new Promise((r) => proc.once('exit', r));
  conn.sendNotification('exit');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
  conn.dispose();
  if (proc.exitCode === null) proc.kill();
  return { cold, lat, firstCount, lastCount: count };
}

const pct = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => `${x.toFixed(0)} ms`;

console.log(`brandlint-ls latency — ${doc.words} words (${doc.source}), guide samples/brand.yaml, ${os.cpus().length} CPUs, Node ${process.version}`);
for (const debounce of [150, 0]) {
  const colds = [];
  const lats = [];
  let counts;
  for (let r = 0; r < RUNS; r++) {
    const s = await session(debounce);
    colds.push(s.cold);
    lats.push(...s.lat);
    counts = `${s.firstCount} → ${s.lastCount}`;
  }
  console.log(
    `  debounce ${String(debounce).padStart(3)} ms: cold start to first diagnostics median ${ms(pct(colds, 0.5))} (min ${ms(Math.min(...colds))}, ${RUNS} runs); ` +
      `keystroke to diagnostics median ${ms(pct(lats, 0.5))}, p95 ${ms(pct(lats, 0.95))} (${lats.length} keystrokes); diagnostics ${counts}`,
  );
}
fs.rmSync(ws, { recursive: true, force: true });
