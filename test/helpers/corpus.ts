// Where the shared corpus is, and its files, for the differential tests that read it (they skip
// with a message when ../shared is absent: a user's clone has none, CI has it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOf, parseDocument } from '../../rules/parse/index.js';
import type { Block } from '../../rules/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = path.resolve(ROOT, '../shared/corpus');
export const present = existsSync(path.join(CORPUS, 'marketing-copy'));

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
