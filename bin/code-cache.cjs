// Loads the CLI's bundles (dist/cli/brandlint.cjs from bin/brandlint.js, the worker's from the
// dist/cli/lint-worker.cjs that cli/build.mjs writes) and the language server's (dist/client/server.cjs
// from the dist/client/server-start.cjs that client/build.mjs writes) with a V8 code cache: the
// bytecode of every function the bundle ran, kept from an earlier run. Without it each thread parses
// the 2 MB bundle and compiles each function again the first time it runs (~50 ms of CPU of a
// one-folder run, measured on Node 20).
// Where Node has a compile cache of its own (module.enableCompileCache, Node 22.1 and later), the
// bundle is required through it and nothing here reads or writes a cache. Elsewhere the bundle is
// compiled with vm.Script and its cachedData, with public APIs only (its `require` is createRequire's);
// the cache is written once per bundle, Node and flags, when the thread publishes LINTED on
// diagnostics_channel after its first linted file (most of what a run compiles is compiled by then;
// `brandlint --version` writes none). Any failure to read or write it only costs the compile time.
'use strict';
const crypto = require('node:crypto');
const dc = require('node:diagnostics_channel');
const fs = require('node:fs');
const nodeModule = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/** The diagnostics_channel a thread publishes on after its first linted file (cli/code-cache-signal.ts). */
const LINTED = 'brandlint:linted';
/** Cache files kept per bundle. */
const KEEP = 3;

/**
 * The folder of brandlint's per-user caches (server/guide-store.ts keeps guides in its `guides/`):
 * BRANDLINT_CACHE_DIR, empty for none, else one in the temp directory.
 */
function cacheRoot(env = process.env) {
  if (env.BRANDLINT_CACHE_DIR !== undefined) return env.BRANDLINT_CACHE_DIR ? path.resolve(env.BRANDLINT_CACHE_DIR) : undefined;
  let user = 'user';
  try {
    user = String(process.getuid?.() ?? os.userInfo().username);
  } catch {
    // keep the generic name
  }
  return path.join(os.tmpdir(), `brandlint-${user}`);
}

/**
 * Cached code runs as this user: read only from a folder this user owns that no one else may write
 * to (the temp directory is shared), and a file this user owns.
 */
function trusted(stat) {
  const uid = process.getuid?.();
  return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
}

/**
 * The cache file of `source` (a Buffer): named by what V8 requires to accept it (same code, Node,
 * platform and flags), so each combination has its own and a rebuild never reads a stale one.
 */
function cacheFile(dir, name, source) {
  const key = crypto
    .createHash('sha256')
    .update(source)
    .update(JSON.stringify([process.version, process.arch, process.execArgv, process.env.NODE_OPTIONS ?? '']))
    .digest('hex')
    .slice(0, 32);
  return path.join(dir, `${name}-${key}.bin`);
}

function readCache(file) {
  try {
    if (!trusted(fs.statSync(path.dirname(file)))) return undefined;
    const fd = fs.openSync(file, 'r');
    try {
      if (!trusted(fs.fstatSync(fd))) return undefined;
      return fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Write `data` to `file` atomically (a reader sees the old file or the whole new one). */
function writeCache(file, data) {
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!trusted(fs.statSync(dir))) return;
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
    // A few per bundle (two Node versions or flag sets in turn must not rewrite each other's at every run); older ones go.
    const prefix = path.basename(file).replace(/[0-9a-f]+\.bin$/, '');
    const mine = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && /^[0-9a-f]+\.bin$/.test(f.slice(prefix.length)))
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of mine.slice(KEEP)) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // unwritable: the next run compiles again
  }
}

/**
 * Run the CommonJS bundle at `file` (its source `bytes`) as `require` would, compiled with
 * `cachedData` when given: its require resolves from the bundle's folder (its lazy/*.cjs files).
 */
function runBundle(file, bytes, cachedData) {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, nodeModule.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { script, exports: mod.exports };
}

/**
 * `require(file)` for a CommonJS bundle, with a code cache. `cache` says which: 'node' (Node's own
 * compile cache), 'off' (no cache folder), 'none', 'used' or 'rejected'; with 'none' or 'rejected'
 * the cache is written on the thread's first LINTED.
 */
function compileBundle(file, env = process.env) {
  const root = cacheRoot(env);
  if (root && typeof nodeModule.enableCompileCache === 'function') {
    try {
      nodeModule.enableCompileCache(path.join(root, 'node'));
    } catch {
      // Node's cache could not start: the bundle is compiled as without one
    }
    return { exports: require(file), cache: 'node', file: undefined };
  }
  const bytes = fs.readFileSync(file);
  const cache = root && cacheFile(path.join(root, 'code'), path.basename(file, '.cjs'), bytes);
  const cachedData = cache && readCache(cache);
  const { script, exports } = runBundle(file, bytes, cachedData);
  const state = !cache ? 'off' : !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  if (state === 'none' || state === 'rejected') {
    // Synchronously (~1 MB, ~25 ms once): a worker is terminated as soon as its last reply is in,
    // which a write left for later would not survive.
    const write = () => {
      dc.unsubscribe(LINTED, write);
      writeCache(cache, script.createCachedData());
    };
    dc.subscribe(LINTED, write);
  }
  return { exports, cache: state, file: cache };
}

/** The exports of the bundle at `file`, loaded through compileBundle. */
function loadBundle(file, env = process.env) {
  return compileBundle(file, env).exports;
}

module.exports = { LINTED, cacheRoot, compileBundle, loadBundle };
