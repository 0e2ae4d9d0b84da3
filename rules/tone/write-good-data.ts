// write-good's word lists as data (data/write-good-lists.json, extracted from the installed
// packages by data/extract-write-good.mjs): the input of the one-pass matcher (write-good-fast.ts).
import data from './data/write-good-lists.json' with { type: 'json' };

export const WRITE_GOOD_LISTS: Readonly<Record<string, readonly string[]>> = data.lists;
