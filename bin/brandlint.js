#!/usr/bin/env node
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from './bundle-current.js';

// `brandlint … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// The bundle that `npm run build` writes (cli/build.mjs), when current (bin/bundle-current.js).
function bundled() {
  const bundle = new URL('../dist/cli/brandlint.cjs', import.meta.url);
  if (!bundleIsCurrent(bundle, new URL('../dist/cli/main.js', import.meta.url))) return undefined;
  return createRequire(import.meta.url)(fileURLToPath(bundle)).main;
}
const main = bundled() ?? (await import('../dist/cli/main.js')).main;

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
