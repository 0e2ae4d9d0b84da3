// bin/code-cache.cjs writes a thread's V8 code cache once the thread has linted a file (most of
// what a start compiles is compiled by then): the CLI after its first file (cli/lint-file.ts), the
// language server after its first diagnostics (server/main.ts). It loads the bundle from outside
// it, so the signal is an event on `process` (per thread), named as there.
const LINTED = 'brandlint:linted';
let done = false;

/** Called after each linted file; emits LINTED once per thread. */
export function linted(): void {
  if (done) return;
  done = true;
  (process.emit as (event: string) => boolean)(LINTED);
}
