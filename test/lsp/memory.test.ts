// server/memory.ts: the minor GC the language server runs after a lint once young large objects
// pass a limit.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { youngLargeObjectTrimmer } from '../../server/memory.js';

const youngLarge = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_large_object_space')!.space_used_size;

/** A 400 KB array: over V8's 128 KB regular object size, so made in the young large-object space. */
const big = () => new Array<number>(50_000).fill(0);

describe('server/memory.ts youngLargeObjectTrimmer', () => {
  it('is available on this Node', () => {
    expect(youngLargeObjectTrimmer(0)).toBeTypeOf('function');
  });

  it('runs a minor GC only above its limit', () => {
    const keep = [big()];
    expect(youngLarge()).toBeGreaterThanOrEqual(400_000);
    youngLargeObjectTrimmer(Number.MAX_SAFE_INTEGER)!();
    expect(youngLarge()).toBeGreaterThanOrEqual(400_000); // below the limit: still young
    youngLargeObjectTrimmer(0)!();
    expect(youngLarge()).toBeLessThan(100_000); // above it: the live array was promoted
    expect(keep[0]!.length).toBe(50_000);
  });
});

