// Bundles the CLI and its worker (npm run build, after tsc and the schema validator): one CommonJS
// file each instead of ~200 ES modules resolved and compiled one by one at every start. esbuild's
// CommonJS output initialises a lazily imported module only when it is first imported, so
// `brandlint --version` does not run the linter's modules either. bin/brandlint.js uses the bundle
// when it is at least as new as dist/cli/main.js (a bare `tsc` afterwards falls back to the modules).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { asciiOnly, importMetaUrlFromFilename, lazyChunkBuilds, lazyChunks, nodeBundle, root } from '../scripts/bundle-options.mjs';

// V8 parses a script's whole source when it compiles it, functions that never run included, and
// both the main thread and each worker compile their bundle at start: what only some documents
// need (scripts/bundle-options.mjs, LAZY_PACKAGES) is in dist/cli/lazy/, shared by both bundles
// and required on first use, as for the language server (client/build.mjs). ASCII like the server
// (asciiOnly): V8 then holds and scans each source as one byte per character (~45 M fewer
// instructions per thread at start).
const common = { ...nodeBundle, sourcemap: true, write: false };
// `brandlint mcp` is its own bundle (the MCP SDK and zod are larger than the linter): every other
// command's start does not parse it.
const mcpApart = {
  name: 'mcp-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/mcp\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './mcp.cjs', external: true } : undefined));
  },
};
// A vm-compiled bundle (bin/code-cache.cjs) has no dynamic import(): the split-off command is required.
const app = { ...common, ...importMetaUrlFromFilename, plugins: [lazyChunks, mcpApart], supported: { 'dynamic-import': false } };
const results = await Promise.all([
  build({ ...app, entryPoints: ['cli/lint-worker.ts'], outfile: 'dist/cli/lint-worker-bundle.cjs' }),
  // What cli/pool.ts starts: the worker's bundle through bin/code-cache.cjs, as bin/brandlint.js loads the CLI's.
  build({
    ...common,
    sourcemap: false,
    stdin: { contents: "require('./bin/code-cache.cjs').loadBundle(require('node:path').join(__dirname, 'lint-worker-bundle.cjs'));", resolveDir: root, loader: 'js' },
    outfile: 'dist/cli/lint-worker.cjs',
  }),
  build({ ...app, entryPoints: ['cli/main.ts'], outfile: 'dist/cli/brandlint.cjs' }),
  build({ ...app, entryPoints: ['cli/commands/mcp.ts'], outfile: 'dist/cli/mcp.cjs' }),
  ...lazyChunkBuilds(path.join(root, 'dist/cli')).map((o) => build({ ...common, ...o })),
]);
for (const f of results.flatMap((r) => r.outputFiles)) {
  fs.mkdirSync(path.dirname(f.path), { recursive: true });
  fs.writeFileSync(f.path, f.path.endsWith('.cjs') ? asciiOnly(f.text) : f.contents);
}

// rules/guide/schema.ts loads the prebuilt validator beside the running file; without it each
// start (and each worker) compiles the schema with ajv.
const validator = path.join(root, 'dist/rules/guide/schema-validator.cjs');
if (fs.existsSync(validator)) fs.copyFileSync(validator, path.join(root, 'dist/cli/schema-validator.cjs'));
