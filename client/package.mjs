// `npm run package`: build brandlint-<version>.vsix with @vscode/vsce 3.x (the last major that runs
// on Node 20), a devDependency, so packaging downloads nothing. The client and server are bundled into dist/client, so the extension is staged in a
// folder of its own (the npm package's `files` list and vsce's file rules cannot share one
// package.json) holding only what VS Code loads at run time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(process.env.VSIX_OUT ?? path.join(root, `${pkg.name}-${pkg.version}.vsix`));

for (const f of ['dist/client/extension.cjs', 'dist/client/server.cjs', 'dist/client/server-start.cjs', 'dist/client/guide-worker.cjs']) {
  if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build:client\` first`);
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-vsix-'));
const copy = (rel, optional = false) => {
  const from = path.join(root, rel);
  if (!fs.existsSync(from)) {
    if (optional) return;
    throw new Error(`${rel} is missing`);
  }
  // Source maps a development build left beside the bundles are not shipped.
  fs.cpSync(from, path.join(stage, rel), { recursive: true, filter: (f) => !f.endsWith('.map') });
};
copy('dist/client/extension.cjs');
copy('dist/client/server.cjs');
// What the client starts: server.cjs with a V8 code cache (client/build.mjs).
copy('dist/client/server-start.cjs');
// The worker thread that loads large guides.
copy('dist/client/guide-worker.cjs');
// What the server requires on first use (.mdx, HTML email, a guide with errors): client/build.mjs.
copy('dist/client/lazy');
// The schema validator ajv compiled at build time; without it the server compiles the schema at start.
copy('dist/client/schema-validator.cjs', true);
copy('language-configuration.json');
copy('schema/brand.schema.json');
// The packs guides extend (brandlint:NAME), without the script that builds them.
for (const f of fs.existsSync(path.join(root, 'packs')) ? fs.readdirSync(path.join(root, 'packs')) : []) if (f.endsWith('.yaml')) copy(`packs/${f}`);
copy('samples/brand-starter.yaml');
copy('LICENSE');
// vsce's file rules in the stage too, for whoever runs vsce there by hand.
copy('.vscodeignore');
// The extension's README is the editor guide.
fs.copyFileSync(path.join(root, fs.existsSync(path.join(root, 'docs/editor.md')) ? 'docs/editor.md' : 'README.md'), path.join(stage, 'README.md'));

// The manifest without what only the npm package needs (dependencies are bundled).
const manifest = { ...pkg };
for (const k of ['files', 'scripts', 'dependencies', 'devDependencies', 'bin']) delete manifest[k];
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const args = ['package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out];
const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
if (!fs.existsSync(vsce)) throw new Error('@vscode/vsce is missing: run `npm ci` first');
const r = spawnSync(vsce, args, { cwd: stage, stdio: 'inherit' });
fs.rmSync(stage, { recursive: true, force: true });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`vsix: ${path.relative(process.cwd(), out) || out}`);
