// bin/code-cache.cjs writes a thread's V8 code cache once the thread has linted a file (most of
// what a start compiles is compiled by then): the CLI after its first file (cli/lint-file.ts), the
// language server after its first diagnostics (server/main.ts). It loads the bundle from outside
// it, so the signal is a message on a diagnostics_channel (per thread), named as there.
import dc from 'node:diagnostics_channel';

const linted = dc.channel('brandlint:linted');

/** Called after each linted file; the cache writer unsubscribes after the first. */
export function firstLintDone(): void {
  if (linted.hasSubscribers) linted.publish(undefined);
}
