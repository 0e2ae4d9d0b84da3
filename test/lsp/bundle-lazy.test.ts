// The server bundle leaves the packages only some documents need in files of their own
// (client/build.mjs, LAZY_PACKAGES in scripts/bundle-options.mjs): server.cjs must require each
// from there, hold none of their code, and each file must load and be ASCII like the bundle.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_PACKAGES } from '../../scripts/bundle-options.mjs';
import { ROOT } from './client.js';

const DIR = path.join(ROOT, 'dist/client');
const BUNDLE = path.join(DIR, 'server.cjs');

describe.skipIf(!fs.existsSync(BUNDLE))('lazily required parts of the server bundle (skipped: run `npm run build`)', () => {
  const code = fs.readFileSync(BUNDLE, 'latin1');

  it.each(LAZY_PACKAGES)('%s is a file of its own, required from the bundle on first use', (name) => {
    const file = path.join(DIR, 'lazy', `${name}.cjs`);
    expect(code).toContain(`require("./lazy/${name}.cjs")`);
    expect(fs.readFileSync(file, 'latin1').match(/[^\x00-\x7f]/)?.index).toBeUndefined();
    // A package's exports: an object of them, or one function (wink-nlp).
    const mod = createRequire(BUNDLE)(`./lazy/${name}.cjs`) as unknown;
    expect(typeof mod === 'function' || Object.keys(mod as object).length > 0).toBe(true);
  });

  it('the bundle holds none of their code', () => {
    // esbuild names each bundled module's file in a comment.
    for (const pkg of ['acorn', 'remark-mdx', 'htmlparser2', 'entities', 'ajv', 'micromark-extension-mdx-jsx', 're2js', 'write-good', 'no-cliches', 'twitter-text', 'yaml', 'picomatch']) {
      expect(code).not.toMatch(new RegExp(`^// .*node_modules/${pkg}/`, 'm'));
    }
  });
});
