// Bundles the CLI and its worker (npm run build, after tsc and the schema validator): one CommonJS
// file each instead of ~200 ES modules resolved and compiled one by one at every start. esbuild's
// CommonJS output initialises a lazily imported module only when it is first imported, so
// `brandlint --version` does not run the linter's modules either. bin/brandlint.js uses the bundle
// when it is at least as new as dist/cli/main.js (a bare `tsc` afterwards falls back to the modules).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { importMetaUrlFromFilename, nodeBundle, root } from '../scripts/bundle-options.mjs';

const common = { ...nodeBundle, ...importMetaUrlFromFilename, sourcemap: true };
await build({ ...common, entryPoints: ['cli/lint-worker.ts'], outfile: 'dist/cli/lint-worker.cjs' });
await build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli/brandlint.cjs' });

// rules/guide/schema.ts loads the prebuilt validator beside the running file; without it each
// start (and each worker) compiles the schema with ajv.
const validator = path.join(root, 'dist/rules/guide/schema-validator.cjs');
if (fs.existsSync(validator)) fs.copyFileSync(validator, path.join(root, 'dist/cli/schema-validator.cjs'));
