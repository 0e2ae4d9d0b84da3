#!/usr/bin/env node
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { bundleIsCurrent } from './bundle-current.js';

// `brandlint … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// TurboFan compiles each hot function once per thread, and a lint run spends ~20 % of its
// instructions compiling. Tiering up later and inlining less leaves fewer, smaller compilations for
// the same findings (~30 % less CPU linting a folder of 48 Markdown files on Node 20). Set before any
// of brandlint's code is loaded, so every function (the worker's too: V8's flags are per process)
// is compiled under them, and never changed afterwards. Only on the V8 versions these flags are
// known on: V8 prints an error for a flag it does not know, so a newer Node runs without them.
const v8Major = Number(process.versions.v8.split('.')[0]);
if (v8Major >= 11 && v8Major <= 13) {
  v8.setFlagsFromString('--interrupt-budget=264000');
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
}

// The bundle that `npm run build` writes (cli/build.mjs), when current (bin/bundle-current.js),
// with the V8 code cache of earlier runs (bin/code-cache.cjs).
function bundled() {
  const bundle = new URL('../dist/cli/brandlint.cjs', import.meta.url);
  if (!bundleIsCurrent(bundle, new URL('../dist/cli/main.js', import.meta.url))) return undefined;
  return createRequire(import.meta.url)('./code-cache.cjs').loadBundle(fileURLToPath(bundle)).main;
}
const main = bundled() ?? (await import('../dist/cli/main.js')).main;

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
