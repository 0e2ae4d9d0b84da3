// server/v8-flags.ts: a V8 flag set on Node's command line (its options or NODE_OPTIONS) is the
// user's, and the server leaves it alone; onCommandLine must see every spelling Node accepts.
import { describe, expect, it } from 'vitest';
import { onCommandLine } from '../../server/v8-flags.js';

describe('onCommandLine', () => {
  it('finds a flag in Node options, with = or a value after it, dashes or underscores, or its --no form', () => {
    expect(onCommandLine('semi-space-growth-factor', ['--semi-space-growth-factor=3'], '')).toBe(true);
    expect(onCommandLine('semi-space-growth-factor', ['--semi_space_growth_factor=3'], '')).toBe(true);
    expect(onCommandLine('expose-gc', ['--expose-gc'], '')).toBe(true);
    expect(onCommandLine('expose-gc', ['--expose_gc'], '')).toBe(true);
    expect(onCommandLine('expose-gc', ['--no-expose-gc'], '')).toBe(true);
    expect(onCommandLine('expose-gc', [], '--max-old-space-size=100 --expose-gc')).toBe(true);
    expect(onCommandLine('heap-growing-percent', [], '--heap-growing-percent 20')).toBe(true);
  });

  it('does not take another flag with the same beginning, or an absent one', () => {
    expect(onCommandLine('expose-gc', ['--expose-gc-as=foo'], '')).toBe(false);
    expect(onCommandLine('semi-space-growth-factor', ['--inspect', '--max-semi-space-size=2'], '--stack-size=900')).toBe(false);
    expect(onCommandLine('expose-gc', [], '')).toBe(false);
  });
});
