#!/usr/bin/env node
// brandlint language server: `brandlint-ls --stdio` (also --node-ipc, --socket=PORT).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from './bundle-current.js';

if (!process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
// The bundled server (`npm run build:client`, what the VS Code extension runs), when current,
// through its starter (dist/client/server-start.cjs: with the V8 code cache of an earlier start).
const bundle = new URL('../dist/client/server.cjs', import.meta.url);
if (process.env.BRANDLINT_LS_MODULES !== '1' && bundleIsCurrent(bundle, new URL('../dist/server/main.js', import.meta.url))) {
  createRequire(import.meta.url)(fileURLToPath(new URL('../dist/client/server-start.cjs', import.meta.url)));
} else await import('../dist/server/main.js');
