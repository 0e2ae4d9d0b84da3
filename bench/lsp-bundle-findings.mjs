#!/usr/bin/env node
// The core bundled the way the language server is (esbuild, then asciiOnly; lazyModule's require()
// calls become lazily initialised modules), run by bench/core-lint.mjs: its --dump must equal the
// one of dist/rules/ (the unbundled core). Needs `npm run build` first.
//
// Usage: node bench/lsp-bundle-findings.mjs --dump FILE GUIDE LISTFILE
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { asciiOnly, importMetaUrlFromFilename, nodeBundle, root } from '../scripts/bundle-options.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
// A copy of the package's layout (package.json, schema/, packs/) with dist/rules/index.js a bundle.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-bundle-'));
try {
  const out = path.join(tmp, 'dist/rules/index.cjs');
  const r = await build({ ...nodeBundle, entryPoints: ['dist/rules/index.js'], outfile: out, ...importMetaUrlFromFilename, write: false });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, asciiOnly(r.outputFiles[0].text));
  fs.writeFileSync(path.join(tmp, 'dist/rules/index.js'), "import m from './index.cjs';\nexport const { loadGuide, lintText } = m;\n");
  fs.copyFileSync(path.join(root, 'dist/rules/guide/schema-validator.cjs'), path.join(tmp, 'dist/rules/schema-validator.cjs'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(tmp, 'package.json'));
  for (const d of ['schema', 'packs']) fs.symlinkSync(path.join(root, d), path.join(tmp, d));
  fs.mkdirSync(path.join(tmp, 'bench'));
  fs.copyFileSync(path.join(bench, 'core-lint.mjs'), path.join(tmp, 'bench/core-lint.mjs'));
  const run = spawnSync(process.execPath, [path.join(tmp, 'bench/core-lint.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
