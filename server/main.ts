// Entry point of brandlint-ls. createConnection picks the transport from argv
// (--stdio, --node-ipc, --socket=N), so editors and the VS Code client start the same module.
import v8 from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

// Keep V8's young generation at its initial size instead of letting it grow to 3 × 16 MB: loading
// a 10,000-term guide and linting a long file then peak ~25 MB lower, for a few more (short) scavenges.
v8.setFlagsFromString('--semi-space-growth-factor=1');

const connection = createConnection(ProposedFeatures.all);
// Never die on a stray error: log it and keep serving the other documents.
process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${String(err)}`));
startServer(connection, { fault: process.env.BRANDLINT_LS_FAULT || undefined });
