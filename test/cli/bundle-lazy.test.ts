// The CLI's bundles (cli/build.mjs) leave the packages only some documents need in dist/cli/lazy/
// (LAZY_PACKAGES in scripts/bundle-options.mjs), required on first use by the main thread's bundle
// and the worker's alike: each must be required from both, hold none of its code, load, and an MDX,
// an HTML and a guide with a pattern must lint the same on the main thread and in a worker.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAZY_PACKAGES } from '../../scripts/bundle-options.mjs';
import { bundleIsCurrent } from '../../bin/bundle-current.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(ROOT, 'dist/cli');
const BUNDLES = ['brandlint.cjs', 'lint-worker-bundle.cjs'].map((f) => path.join(DIR, f));
const built = BUNDLES.every((b) => fs.existsSync(b));
const NON_ASCII = /[^\x00-\x7f]/;

describe.skipIf(!built)('lazily required parts of the CLI bundles (skipped: run `npm run build`)', () => {
  describe.each(BUNDLES.map((b) => [path.basename(b), b]))('%s', (_name, bundle) => {
    const code = fs.readFileSync(bundle, 'latin1');

    it.each(LAZY_PACKAGES)('%s is required from dist/cli/lazy/ and loads', (name) => {
      expect(code).toContain(`require("./lazy/${name}.cjs")`);
      const file = path.join(DIR, 'lazy', `${name}.cjs`);
      expect(fs.readFileSync(file, 'latin1').match(NON_ASCII)?.index).toBeUndefined();
      const mod = createRequire(bundle)(`./lazy/${name}.cjs`) as Record<string, unknown>;
      // A package's exports: an object of them, or one function (wink-nlp).
      expect(typeof mod === 'function' || Object.keys(mod).length > 0).toBe(true);
    });

    it('holds none of their code and only ASCII', () => {
      // esbuild names each bundled module's file in a comment.
      for (const pkg of ['acorn', 'remark-mdx', 'htmlparser2', 'entities', 'ajv', 'micromark-extension-mdx-jsx', 're2js']) {
        expect(code).not.toMatch(new RegExp(`^// .*node_modules/${pkg}/`, 'm'));
      }
      expect(code.match(NON_ASCII)?.index).toBeUndefined();
    });
  });
});

// The process test needs bin/brandlint.js to run the bundle, not the modules.
const bundleRuns = built && bundleIsCurrent(new URL(`file://${BUNDLES[0]}`), new URL(`file://${path.join(DIR, 'main.js')}`));

describe.skipIf(!bundleRuns)('MDX, HTML and guide patterns through the bundled CLI (process; skipped: run `npm run build`)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-cli-lazy-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.copyFileSync(path.join(ROOT, 'samples/brand.yaml'), path.join(dir, 'brand.yaml'));
  const mdx = 'import X from "./x"\n\n# Cheap tools\n\n<X prop="a">We utilize cheap tools.</X>\n';
  const html = '<html><body><p>We utilize cheap tools &amp; more.</p></body></html>\n';
  // Names sort so that the worker's first batches and the main thread's both hold each format.
  const files: string[] = [];
  for (let k = 0; k < 4; k++) {
    for (const [ext, text] of [
      ['mdx', mdx],
      ['html', html],
    ] as const) {
      const name = `f${k}.${ext}`;
      fs.writeFileSync(path.join(dir, name), text);
      files.push(name);
    }
  }

  const lint = async (workers: string) => {
    const r = await runCli(dir, ['--format', 'json', ...files], { env: { BRANDLINT_WORKERS: workers } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    return r.stdout;
  };

  it('every file is linted, the pattern found, the same on one thread and with a worker', async () => {
    const one = await lint('0');
    const two = await lint('2');
    expect(two).toBe(one);
    const report = JSON.parse(one) as { files: Array<{ path: string; findings: Array<{ rule: string; text: string }> }> };
    expect(report.files.map((f) => f.path).sort()).toEqual([...files].sort());
    for (const f of report.files) {
      expect(f.findings.map((x) => x.text)).toContain('utilize');
      // samples/brand.yaml bans `\bcheap(er|est)?\b` with a pattern (re2js).
      expect(f.findings.some((x) => x.text.toLowerCase() === 'cheap')).toBe(true);
    }
  }, 60_000);
});
