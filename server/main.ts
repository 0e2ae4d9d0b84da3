// Entry point of brandlint-ls. createConnection picks the transport from argv
// (--stdio, --node-ipc, --socket=N), so editors and the VS Code client start the same module.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { firstLintDone } from '../cli/code-cache-signal.js';
import { youngLargeObjectTrimmer } from './memory.js';
import { setFlag, withStartFlags } from './v8-flags.js';

// Memory over raw throughput: a server lives for hours next to an editor. The young generation
// stays at its initial size instead of growing to 3 × 16 MB, and the old generation grows by 30%
// (not V8's default, up to 4×) between full collections: typing re-lints keep making garbage (each
// keystroke's findings and diagnostics), and with the defaults it piled up to ~200 MB before a
// collection. Measured in-process (10,000 terms, 100 keystrokes in two documents): peak RSS
// 200 -> 143 MB at about the same time per keystroke.
// The young generation's initial size is 1 MB, but loading the bundle grows it to 16 MB whether
// the growth factor is set here or on Node's command line.
// The old generation's 30 % is set once the first lint is done (afterFirstLint): at start the
// guide, the matchers and the first document are all live data, and growing by 30 % at a time only
// added full collections to the cold start (~50 ms of CPU with a 10,000-term guide).
setFlag('semi-space-growth-factor', '--semi-space-growth-factor=1', '--semi-space-growth-factor=2');

/** A minor GC after a lint once young large objects pass 2 MB (server/memory.ts); BRANDLINT_LS_YOUNG_LO_MB changes it. */
function youngLimitMB(): number {
  const mb = Number(process.env.BRANDLINT_LS_YOUNG_LO_MB ?? '');
  return process.env.BRANDLINT_LS_YOUNG_LO_MB && Number.isFinite(mb) && mb >= 0 ? mb : 2;
}

const connection = createConnection(ProposedFeatures.all);
// Never die on a stray error: log it and keep serving the other documents.
process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${String(err)}`));
const trimYoung = youngLargeObjectTrimmer(youngLimitMB() * 1024 * 1024);
let started = false;
function afterLint(): void {
  if (!started) {
    // The V8 code cache of this start (bin/code-cache.cjs), made now that the first lint compiled
    // most of what a start runs; ~1 MB written once, after the diagnostics are out.
    withStartFlags(firstLintDone);
    setFlag('heap-growing-percent', '--heap-growing-percent=30', '--heap-growing-percent=0');
  }
  started = true;
  trimYoung?.();
}
startServer(connection, { fault: process.env.BRANDLINT_LS_FAULT || undefined, afterLint });
