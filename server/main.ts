// Entry point of brandlint-ls. createConnection picks the transport from argv
// (--stdio, --node-ipc, --socket=N), so editors and the VS Code client start the same module.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const connection = createConnection(ProposedFeatures.all);
// Never die on a stray error: log it and keep serving the other documents.
process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${String(err)}`));
startServer(connection, { fault: process.env.BRANDLINT_LS_FAULT || undefined });
