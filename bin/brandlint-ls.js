#!/usr/bin/env node
// brandlint language server: `brandlint-ls --stdio` (also --node-ipc, --socket=PORT).
if (!process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
await import('../dist/server/main.js');
