// schemaValid's shortcut for plain terms (rules/guide/schema.ts) against ajv on the whole guide:
// the same answer on every guide of the repository and on random guides whose terms mix plain
// entries with every kind of wrong one. Timings are never asserted here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { newAjv, plainTerm, schemaPath, schemaValid } from '../../rules/guide/schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** ajv alone on the whole guide. */
const validate = newAjv().compile(JSON.parse(readFileSync(schemaPath(), 'utf8')));
const schemaValidReference = (v: unknown) => validate(v) === true;

const yamlFiles = ['samples', 'packs', 'bench', 'test/fixtures']
  .flatMap((d) => (existsSync(path.join(ROOT, d)) ? readdirSync(path.join(ROOT, d), { recursive: true, encoding: 'utf8' }).map((f) => path.join(ROOT, d, f)) : []))
  .filter((f) => /\.ya?ml$/.test(f) && !f.includes('node_modules'))
  .sort();

const value = fc.oneof(
  fc.constantFrom('', 'GitHub', 'Git Hub', '®', 'error', 'warning', 'https://x.example/a', null, 0, 1, true),
  fc.array(fc.constantFrom('', 'Git Hub', 'git-hub', null, 3), { maxLength: 3 }),
  fc.constant({ bad: ['x'] }),
);
const entry = fc.oneof(
  { arbitrary: fc.record({ use: fc.constantFrom('GitHub', 'A', ''), not: fc.oneof(fc.constantFrom('Git Hub', ''), fc.array(fc.constantFrom('Git Hub', 'x', ''), { maxLength: 3 })) }, { requiredKeys: ['use'] }), weight: 6 },
  fc.dictionary(fc.constantFrom('use', 'not', 'trademark', 'level', 'because', 'docs', 'examples', 'phrase', 'x'), value, { maxKeys: 4 }),
  value,
);
const guide = fc.record(
  {
    brand: fc.constantFrom('Acme', 3),
    terms: fc.oneof({ arbitrary: fc.array(entry, { maxLength: 6 }), weight: 5 }, fc.constantFrom(null, 'GitHub', {})),
    banned: fc.constantFrom([{ phrase: 'utilize', use: 'use' }], [{ use: 'use' }], 'x'),
    colour: fc.constant('red'),
  },
  { requiredKeys: [] },
);

describe('schemaValid: plain terms checked by hand, the rest by ajv', () => {
  it('answers as ajv does on every guide of the repository', () => {
    let n = 0;
    for (const f of yamlFiles) {
      let v: unknown;
      try {
        v = YAML.parse(readFileSync(f, 'utf8'));
      } catch {
        continue;
      }
      expect([f, schemaValid(v)]).toEqual([f, schemaValidReference(v)]);
      n++;
    }
    expect(n).toBeGreaterThan(10);
  });

  it('answers as ajv does on random guides, and plainTerm only takes terms ajv takes', () => {
    let shortcut = 0;
    fc.assert(
      fc.property(guide, (g) => {
        expect(schemaValid(g)).toBe(schemaValidReference(g));
        if (Array.isArray(g.terms) && g.terms.every(plainTerm)) shortcut++;
        for (const t of Array.isArray(g.terms) ? g.terms : []) if (plainTerm(t)) expect(schemaValidReference({ terms: [t] })).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(shortcut).toBeGreaterThan(300);
  });

  it('a guide of plain terms is still invalid for what is wrong elsewhere', () => {
    const terms = Array.from({ length: 50 }, (_, i) => ({ use: `Term${i}`, not: [`term ${i}`] }));
    expect(schemaValid({ terms })).toBe(true);
    expect(schemaValid({ terms, colour: 'red' })).toBe(false);
    expect(schemaValid({ terms, banned: [{ use: 'x' }] })).toBe(false);
    expect(schemaValid({ terms: [...terms, { use: 'X', not: [] }] })).toBe(false);
    expect(schemaValid({ terms: [...terms, { use: '' }] })).toBe(false);
  });
});
