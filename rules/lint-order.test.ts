// rules/lint.ts orders findings on one span by rule id without an ICU collator for plain ids; the
// reference is localeCompare in the root collation (and in English, which uses it), on every pair
// of the rules' own ids and on random ids made of the characters where the orders could part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from './checks/index.js';
import { compareRuleIds } from './lint.js';

const sign = (x: number) => Math.sign(x);

describe('compareRuleIds (rules/lint.ts)', () => {
  const reference = (a: string, b: string) => [sign(a.localeCompare(b, 'und')), sign(a.localeCompare(b, 'en'))];

  it("orders every pair of the rules' ids as localeCompare does", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids.length).toBeGreaterThan(20);
    for (const a of ids) for (const b of ids) expect(reference(a, b)).toEqual([sign(compareRuleIds(a, b)), sign(compareRuleIds(a, b))]);
  });

  it('orders random plain ids as localeCompare does, and others exactly as localeCompare', () => {
    const plain = fc.array(fc.constantFrom('a', 'b', 'z', '0', '9', '-', 'e', 'p'), { maxLength: 8 }).map((c) => c.join(''));
    const other = fc.oneof(plain, fc.string({ maxLength: 6 }), fc.constantFrom('A', 'a_b', 'vale.Foo', 'é', 'a b'));
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        const [root, en] = reference(a, b);
        expect(sign(compareRuleIds(a, b))).toBe(root);
        expect(en).toBe(root);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(other, other, (a, b) => {
        if (/^[a-z0-9-]*$/.test(a) && /^[a-z0-9-]*$/.test(b)) return;
        expect(compareRuleIds(a, b)).toBe(a === b ? 0 : a.localeCompare(b));
      }),
      { numRuns: 1000 },
    );
  });
});
