#!/usr/bin/env node
// brandlint language server: `brandlint-ls --stdio` (also --node-ipc, --socket=PORT).
import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

if (!process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
// The bundled server (`npm run build:client`, what the VS Code extension runs) starts in about half
// the time of hundreds of separate modules; use it unless the modules were built after it.
const bundle = new URL('../dist/client/server.cjs', import.meta.url);
const modules = new URL('../dist/server/main.js', import.meta.url);
const mtime = (u) => {
  try {
    return fs.statSync(u).mtimeMs;
  } catch {
    return -1;
  }
};

/** The folder for the compiled-code cache: beside the server's guide cache (BRANDLINT_CACHE_DIR; empty: none). */
function codeCacheDir() {
  const env = process.env.BRANDLINT_CACHE_DIR;
  if (env !== undefined) return env ? path.resolve(env, 'code') : undefined;
  let user = 'user';
  try {
    user = String(process.getuid?.() ?? os.userInfo().username);
  } catch {
    // keep the generic name
  }
  return path.join(os.tmpdir(), `brandlint-${user}`, 'code');
}

/**
 * require() the bundle through V8's code cache: compiling the 3 MB bundle is ~50 ms of every start.
 * The cache is written when the server exits (or after a minute), so it also holds the functions
 * compiled while serving; a cache from another build or Node version is rejected by V8 and rewritten.
 */
function requireCached(file) {
  const source = fs.readFileSync(file, 'utf8');
  const dir = codeCacheDir();
  const st = fs.statSync(file);
  const key = crypto.createHash('sha256').update([file, st.size, st.mtimeMs, process.version, process.arch].join('|')).digest('base64url');
  const cacheFile = dir && path.join(dir, `${key}.bin`);
  let cachedData;
  try {
    // Only a folder this user owns (a shared /tmp): someone else's cache is not ours to run.
    const uid = process.getuid?.();
    if (cacheFile && (uid === undefined || fs.statSync(dir).uid === uid)) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
      } catch {
        // a cache that cannot be written only costs start-up time
      }
    };
    process.once('exit', write);
    setTimeout(write, 60_000).unref();
  }
  const mod = new Module(file, undefined);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

if (process.env.BRANDLINT_LS_MODULES !== '1' && mtime(bundle) >= mtime(modules)) {
  const file = fileURLToPath(bundle);
  if (process.env.BRANDLINT_CODE_CACHE === '0') createRequire(import.meta.url)(file);
  else requireCached(file);
} else await import('../dist/server/main.js');
