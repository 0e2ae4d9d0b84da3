#!/usr/bin/env node
// brandlint language server: `brandlint-ls --stdio` (also --node-ipc, --socket=PORT).
import fs from 'node:fs';
import { createRequire } from 'node:module';
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
if (process.env.BRANDLINT_LS_MODULES !== '1' && mtime(bundle) >= mtime(modules)) createRequire(import.meta.url)(fileURLToPath(bundle));
else await import('../dist/server/main.js');
