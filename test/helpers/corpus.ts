// Where the shared corpus of real copy is, and its files, for the tests that read it. Every test
// that needs the corpus asks `present`; where it is false the test is skipped and this module says
// why on stderr, once per test file, so a skip is never silent. The corpus sits beside the
// repository (../shared/corpus) in CI and is absent from a user's clone; BRANDLINT_CORPUS_DIR
// points elsewhere, and BRANDLINT_CORPUS=off leaves it out (`npm run test:unit` reads none).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOf, parseDocument } from '../../rules/parse/index.js';
import type { Block } from '../../rules/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = process.env.BRANDLINT_CORPUS_DIR ? path.resolve(process.env.BRANDLINT_CORPUS_DIR) : path.resolve(ROOT, '../shared/corpus');
const off = process.env.BRANDLINT_CORPUS === 'off';
/** Whether the corpus tests run. */
export const present = !off && existsSync(path.join(CORPUS, 'marketing-copy'));
/** Why they do not (undefined when they do). */
export const corpusAbsence = present ? undefined : off ? 'BRANDLINT_CORPUS=off' : `no corpus at ${CORPUS} (set BRANDLINT_CORPUS_DIR to its folder)`;
if (corpusAbsence) console.warn(`brandlint tests: corpus tests skipped: ${corpusAbsence}`);

/** Every file under `dir`, sorted; `only` keeps the names it matches. */
export function walk(dir: string, only?: RegExp, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, only, out);
    else if (!only || only.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Each prose block of each file brandlint can parse under the corpus folders, as it parses them. */
export function* corpusBlocks(folders: string[]): Generator<{ file: string; block: Block }> {
  for (const folder of folders) {
    for (const file of walk(path.join(CORPUS, folder))) {
      const format = formatOf(file);
      if (!format) continue;
      for (const block of parseDocument(file, readFileSync(file, 'utf8'), format).blocks) yield { file, block };
    }
  }
}
