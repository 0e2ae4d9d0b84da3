// Bundles the VS Code extension: the client as CommonJS (VS Code loads extensions with require)
// and the language server as one ES module beside it, so the .vsix needs no node_modules.
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
  outfile: 'dist/client/server.mjs',
  format: 'esm',
  // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
  banner: { js: "import { createRequire as __brandlintCreateRequire } from 'node:module'; const require = __brandlintCreateRequire(import.meta.url);" },
});
