#!/usr/bin/env node
import fs from 'node:fs';
import { createRequire } from 'node:module';

// `brandlint … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// The bundle that `npm run build` writes (cli/build.mjs) starts faster than ~200 modules; it is
// used only when at least as new as the compiled modules, so a bare `tsc` after it is not ignored.
function bundled() {
  try {
    const bundle = new URL('../dist/cli/brandlint.cjs', import.meta.url);
    if (fs.statSync(bundle).mtimeMs < fs.statSync(new URL('../dist/cli/main.js', import.meta.url)).mtimeMs) return undefined;
    return createRequire(import.meta.url)('../dist/cli/brandlint.cjs').main;
  } catch {
    return undefined;
  }
}
const main = bundled() ?? (await import('../dist/cli/main.js')).main;

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
