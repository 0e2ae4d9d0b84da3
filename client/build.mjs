// Bundles the VS Code extension: the client as CommonJS (VS Code loads extensions with require)
// and the language server as one CommonJS file beside it, so the .vsix needs no node_modules.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };

await build({
  ...common,
  entryPoints: ['client/extension.ts'],
  outfile: 'dist/client/extension.cjs',
  format: 'cjs',
  external: ['vscode'],
});

await build({
  ...common,
  entryPoints: ['server/main.ts'],
  outfile: 'dist/client/server.cjs',
  // CommonJS, not ESM: some dependencies are sloppy-mode scripts (implicit globals) that break
  // under the strict mode every ES module runs in. import.meta.url (used to find the package
  // folder with schema/ and packs/) is supplied from __filename.
  format: 'cjs',
  define: { 'import.meta.url': '__brandlintImportMetaUrl' },
  banner: { js: "var __brandlintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
