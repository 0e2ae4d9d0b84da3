// write-good's alternation tables (rules/tone/write-good-fast.ts): a start lays them out from the
// tries stored in the generated rules/tone/write-good-tables.ts, which buildTable's trieOf makes. The
// stored file must be current, and a table laid out from a stored trie must be the table built from
// its phrases: the same classes, node numbering, edges, gap edges, ranks and mins. What the tables
// find is held to write-good itself by test/differential/write-good.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WRITE_GOOD_LISTS } from '../../rules/tone/write-good-data.js';
import { readFileSync } from 'node:fs';
import { ALTERNATION_LISTS, ALTERNATIONS, buildTable, decodeTrie, encodeTrie, layOut, listKey, tablesModuleSource, trieOf, type Table } from '../../rules/tone/write-good-fast.js';
import { WRITE_GOOD_TABLES } from '../../rules/tone/write-good-tables.js';

/** A table as plain data, the Map of other classes in its insertion order. */
const plain = (t: Table) => ({ ...t, ascii: [...t.ascii], other: [...t.other], next: [...t.next], gap: [...t.gap], rank: [...t.rank], min: [...t.min] });

describe('write-good alternation tables: stored and read back = built', () => {
  it('every table built at load (weasels, adverbs, wordy, clichés, to be, irregulars, exceptions)', () => {
    expect(ALTERNATIONS.length).toBe(8);
    const lists = new Set(ALTERNATIONS.map((a) => a.phrases));
    for (const name of ['weasels', 'weaselExceptions', 'wordy', 'cliches', 'toBe', 'irregulars', 'passiveExceptions']) {
      expect(lists.has(WRITE_GOOD_LISTS[name]!), name).toBe(true);
    }
    for (const a of ALTERNATIONS) {
      expect(plain(a.table)).toEqual(plain(buildTable(a.phrases, a.gaps, a.aliases)));
      expect(a.table.next.length).toBeGreaterThan(1);
    }
  });

  it('rules/tone/write-good-tables.ts is current (else: npm run build && node rules/tone/data/build-write-good-tables.mjs)', () => {
    expect(readFileSync(new URL('../../rules/tone/write-good-tables.ts', import.meta.url), 'utf8')).toBe(tablesModuleSource());
    // So every table above was laid out from the stored trie, not built.
    for (const [name, { phrases, gaps }] of Object.entries(ALTERNATION_LISTS)) expect(WRITE_GOOD_TABLES[name]?.key, name).toBe(listKey(phrases, gaps));
  });

  it('random phrase lists: repeats, prefixes, gaps, upper case, non-ASCII and astral characters', () => {
    const ch = fc.constantFrom('a', 'b', 'c', 'A', 'Z', ' ', ' ', '-', "'", '’', '‘', 'é', 'É', 'ß', 'İ', '\u212a', '😀', '\ud83d', '1', '_');
    const phrase = fc.array(ch, { maxLength: 8 }).map((a) => a.join(''));
    const aliases = fc.constantFrom(undefined, new Map([[0x2018, 0x27], [0x2019, 0x27]]), new Map([[0x41, 0xe9], [0x2019, 0x7a]]));
    fc.assert(
      fc.property(fc.array(phrase, { maxLength: 40 }), fc.boolean(), aliases, (phrases, gaps, al) => {
        expect(plain(layOut(decodeTrie(encodeTrie(trieOf(phrases, gaps))), al))).toEqual(plain(buildTable(phrases, gaps, al)));
      }),
      { numRuns: 3000 },
    );
  });
});
