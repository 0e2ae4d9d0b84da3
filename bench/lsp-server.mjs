// What bench/lsp-rss.mjs and bench/lsp-start.mjs share: the corpus's Markdown files, a server
// spawned over stdio the way an editor runs it, and its CPU time and peak RSS from /proc.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { filesUnder } from './corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every .md file under `dir`, sorted, and the largest of them. */
export function corpusMarkdown(dir) {
  const files = filesUnder(dir, /\.md$/);
  const largest = files.reduce((a, b) => (fs.statSync(b).size > fs.statSync(a).size ? b : a));
  return { files, largest };
}

/** CPU time (user + system) a process has used so far, in ms: steadier than wall time on a loaded machine. */
export function cpuMs(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

export function peakRssMB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Spawn `bin/brandlint-ls.js --stdio` (or BRANDLINT_LS_BIN, with BRANDLINT_LS_NODE_ARGS, e.g.
 * "--cpu-prof --cpu-prof-dir=DIR"), with its guide cache in `cacheDir` and `guide` as its setting
 * (debounce 0, so a figure is the server's own work, not its deliberate wait).
 */
export function spawnServer({ guide, ws, cacheDir }) {
  const t0 = performance.now();
  const nodeArgs = (process.env.BRANDLINT_LS_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, process.env.BRANDLINT_LS_BIN ?? path.join(repo, 'bin/brandlint-ls.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    // Without NODE_EXTRA_CA_CERTS, as the VS Code client starts the server (client/extension.ts): Node
    // reads those certificates before any code runs (~0.1 s on this project's machine, which sets it).
    env: { ...process.env, NODE_EXTRA_CA_CERTS: undefined, BRANDLINT_CACHE_DIR: cacheDir },
  });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map(); // uri -> [{version, resolve}]
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const list = waiters.get(p.uri) ?? [];
    waiters.set(
      p.uri,
      list.filter((w) => {
        if (p.version !== undefined && p.version < w.version) return true;
        w.resolve(p);
        return false;
      }),
    );
  });
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('brandlint/status', () => {});
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ guide, debounce: 0 })));
  conn.listen();
  /** The next diagnostics for `uri` at `version` or later. */
  const diagnostics = (uri, version, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${path.basename(uri)} v${version} in ${timeoutMs} ms`)), timeoutMs);
      const list = waiters.get(uri) ?? [];
      list.push({ version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      waiters.set(uri, list);
    });
  /** initialize + initialized; returns when and at what CPU and RSS the server answered. */
  const initialize = async () => {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).href,
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'bench' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { settings: { guide, debounce: 0 }, diagnosticMode: 'push' },
    });
    const ready = { ms: performance.now() - t0, cpuMs: cpuMs(child.pid), peakRssMB: peakRssMB(child.pid) };
    conn.sendNotification('initialized', {});
    return ready;
  };
  const stop = async () => {
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 200));
    if (child.exitCode === null) child.kill();
    conn.dispose();
  };
  return { t0, child, conn, diagnostics, initialize, stop };
}
