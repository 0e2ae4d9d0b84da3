// Regenerates write-good-lists.json from the installed write-good checks, so their word lists are
// plain data (for prefilters now, and for a one-pass matcher later) that stays in step with the
// packages: `node rules/tone/data/extract-write-good.mjs`. test/tone-write-good-data.test.ts
// fails when the JSON and the installed packages disagree.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

// package → the top-level arrays its source declares, under the names we store them as.
const SOURCES = {
  'passive-voice': { irregulars: 'irregulars', exceptions: 'passiveExceptions' },
  'weasel-words': { weasels: 'weasels', exceptions: 'weaselExceptions' },
  'adverb-where': { adverbs: 'adverbStems', weakens: 'weakeners' },
  'too-wordy': { wordyWords: 'wordy' },
  'no-cliches': { cliches: 'cliches' },
  'e-prime': { toBe: 'toBe' },
};

/** Read each package's lists by running its source with a line appended that hands them out. */
export function extract() {
  // write-good's own dependencies: resolve them from write-good's folder.
  const fromWriteGood = createRequire(require.resolve('write-good'));
  const out = { source: {}, lists: {} };
  for (const [pkg, vars] of Object.entries(SOURCES)) {
    const main = fromWriteGood.resolve(pkg);
    const version = JSON.parse(fs.readFileSync(path.join(path.dirname(main), 'package.json'), 'utf8')).version;
    out.source[pkg] = version;
    const code = fs.readFileSync(main, 'utf8');
    const grab = Object.keys(vars).map((v) => `${JSON.stringify(v)}: ${v}`).join(', ');
    const sandbox = { module: { exports: {} }, require: () => () => [], __lists: null };
    vm.runInNewContext(`${code}\n;__lists = { ${grab} };`, sandbox, { filename: main });
    for (const [v, name] of Object.entries(vars)) {
      // too-wordy and no-cliches rewrite their spaces as a white-space pattern after declaring them.
      out.lists[name] = [...sandbox.__lists[v]].map((w) => String(w).split('[\\b\\s\\u200C]*').join(' '));
    }
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(here, 'write-good-lists.json');
  fs.writeFileSync(file, JSON.stringify(extract(), null, 1) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
