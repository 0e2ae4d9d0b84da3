// Property-based tests of the core (fast-check): random and mutated documents in every format never
// throw, ranges lie inside the document on code-point boundaries, fixes never overlap, and fixing a
// second time changes nothing. CI runs about 1,000 cases per property; `npm run fuzz` runs 100,000.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkDocument, documentArb, FORMATS, mutatedArb, RUNS, sampleGuide, seedsFor } from './core.js';
import { HAS_CORPUS, ROOT } from '../helpers/hostile.js';

// Generous: 100,000 cases under load take a while; a failure is found long before.
const TIMEOUT = Math.max(300_000, RUNS * 60);

function run(name: string, arb: fc.Arbitrary<string>, file: string, minShare: number): void {
  let cases = 0;
  let findings = 0;
  const t0 = performance.now();
  fc.assert(
    fc.property(arb, (doc) => {
      cases++;
      findings += checkDocument(file, doc);
    }),
    // The seed comes from test/setup-fast-check.ts (fixed for npm test, random for npm run fuzz).
    { numRuns: RUNS, endOnFailure: true },
  );
  console.log(`${name}: ${cases.toLocaleString('en-US')} cases passed in ${((performance.now() - t0) / 1000).toFixed(1)} s (${findings.toLocaleString('en-US')} findings checked)`);
  // A generator that never reaches the rules would prove nothing.
  if (findings < cases * minShare) throw new Error(`${name}: only ${findings} findings in ${cases} cases; the generator does not exercise the rules`);
}

describe('core properties (fast-check)', () => {
  sampleGuide();
  for (const fmt of FORMATS) {
    it(`${fmt.name}: random documents`, () => run(`${fmt.name} random`, documentArb(fmt), fmt.file, 1), TIMEOUT);

    // Mutations of real copy: the corpus when ../shared is there (CI), else the samples.
    const seeds = HAS_CORPUS ? seedsFor(fmt) : [];
    const fallback = sampleSeeds(fmt.file);
    it.skipIf(seeds.length === 0 && fallback.length === 0)(`${fmt.name}: mutated ${HAS_CORPUS ? 'corpus' : 'sample'} files`, () => {
      run(`${fmt.name} mutated (${seeds.length || fallback.length} seeds)`, mutatedArb(fmt, seeds.length ? seeds : fallback), fmt.file, 0.1);
    }, TIMEOUT);
  }
});

/** Sample files of the same extension, when the shared corpus is absent (a user's clone). */
function sampleSeeds(file: string): string[] {
  const ext = path.extname(file);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (path.extname(e.name) === ext || (ext === '.mdx' && e.name.endsWith('.md'))) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'samples'));
  return out;
}
