// server/incremental.ts finds an edit's place by comparing slices coarse to fine; the reference is
// the plain char loop it replaced. Equal on random pairs of texts that share long runs (so every
// run length is crossed), with surrogates and lone halves, and on every bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonPrefix, commonSuffix } from '../../server/incremental.js';

function prefixReference(x: string, y: string, max: number): number {
  let a = 0;
  while (a < max && x.charCodeAt(a) === y.charCodeAt(a)) a++;
  return a;
}

function suffixReference(x: string, y: string, max: number): number {
  let n = 0;
  while (n < max && x.charCodeAt(x.length - 1 - n) === y.charCodeAt(y.length - 1 - n)) n++;
  return n;
}

const piece = fc.oneof(fc.constantFrom('a', 'b', ' ', '\n', '\ud835', '\udc9c', '𝒜', 'é'), fc.string({ maxLength: 4 }));
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
// A shared middle of 0 to ~3,000 characters between different heads and tails.
const pair = fc.record({ head: fc.tuple(text, text), mid: fc.tuple(text, fc.nat(3000)), tail: fc.tuple(text, text) }).map(({ head, mid, tail }) => {
  const m = mid[0].length ? mid[0].repeat(Math.ceil(mid[1] / mid[0].length)) : '';
  return [head[0] + m + tail[0], head[1] + m + tail[1]] as const;
});

describe('edit place (server/incremental.ts)', () => {
  it('commonPrefix and commonSuffix equal the char loops', () => {
    fc.assert(
      fc.property(pair, fc.boolean(), fc.nat(), ([x, y], swap, cut) => {
        const [a, b] = swap ? [x + y, x] : [x, y];
        const max = Math.min(a.length, b.length);
        const p = commonPrefix(a, b, max);
        expect(p).toBe(prefixReference(a, b, max));
        expect(commonSuffix(a, b, max - p)).toBe(suffixReference(a, b, max - p));
        const bound = max ? cut % (max + 1) : 0;
        expect(commonPrefix(a, b, bound)).toBe(prefixReference(a, b, bound));
        expect(commonSuffix(a, b, bound)).toBe(suffixReference(a, b, bound));
      }),
      { numRuns: 2000 },
    );
  });

  it('on a one-character edit anywhere in a long text', () => {
    const base = 'Lorem ipsum dolor sit amet, 𝒜 consectetur.\n\n'.repeat(120);
    for (let at = 0; at <= base.length; at += 97) {
      for (const [old, now] of [
        [base, base.slice(0, at) + 'x' + base.slice(at)],
        [base, base.slice(0, at) + base.slice(at + 1)],
        [base, base.slice(0, at) + 'Z' + base.slice(at + 1)],
      ] as const) {
        const max = Math.min(old.length, now.length);
        const p = commonPrefix(old, now, max);
        expect(p).toBe(prefixReference(old, now, max));
        expect(commonSuffix(old, now, max - p)).toBe(suffixReference(old, now, max - p));
      }
    }
  });
});
