// Young large objects in a long-running server. V8 puts every object over 128 KB in a space of its
// own; in the young generation that space may fill up to the young generation's size (8 MB here)
// before a scavenge empties it. A keystroke in a 170 KB document makes at least one such object
// (the document's text, rebuilt by the edit and flattened) and a long list of diagnostics another
// (its JSON), and nearly all of them are garbage one keystroke later: while typing, those 8 MB
// were the last thing between the server and its peak RSS.
// A scavenge with little alive costs about a millisecond; it runs after the diagnostics are out.
import v8 from 'node:v8';
import vm from 'node:vm';
import { setFlag } from './v8-flags.js';

type Gc = (options: { type: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

/**
 * A function to call after each lint: a minor GC when the young large objects hold more than
 * `limit` bytes. Undefined when this V8 does not let a script ask for a GC.
 */
export function youngLargeObjectTrimmer(limit: number): (() => void) | undefined {
  let gc: Gc | undefined;
  try {
    // --expose-gc only gives `gc` to contexts made after it is set: a new context hands it over.
    setFlag('expose-gc', '--expose-gc', '--no-expose-gc');
    gc = vm.runInNewContext('gc') as Gc;
  } catch {
    return undefined;
  }
  if (typeof gc !== 'function' || youngLargeBytes() === undefined) return undefined;
  return () => {
    if (!gc || (youngLargeBytes() ?? 0) <= limit) return;
    try {
      gc({ type: 'minor' });
    } catch {
      // A V8 whose gc() no longer takes these options: the server only keeps more memory.
      gc = undefined;
    }
  };
}

function youngLargeBytes(): number | undefined {
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'new_large_object_space') return s.space_used_size;
  return undefined;
}
