// write-good's word lists as data: in step with the installed packages, and each cliché one
// write-good flags.
import { describe, expect, it } from 'vitest';
import writeGood from 'write-good';
// @ts-expect-error: a plain .mjs script without types
import { extract } from './data/extract-write-good.mjs';
import data from './data/write-good-lists.json' with { type: 'json' };
import { WRITE_GOOD_LISTS } from './write-good-data.js';
import { guide, lintPlain, spans } from '../../test/fixtures/tone/helpers.js';

describe('write-good lists', () => {
  it('match the installed packages (regenerate with node rules/tone/data/extract-write-good.mjs)', () => {
    expect(extract()).toEqual(data);
  });

  it('hold the lists a one-pass matcher needs', () => {
    expect(WRITE_GOOD_LISTS.cliches!.length).toBeGreaterThan(600);
    expect(WRITE_GOOD_LISTS.wordy).toContain('a number of');
    expect(WRITE_GOOD_LISTS.weasels).toContain('very');
    expect(WRITE_GOOD_LISTS.irregulars).toContain('written');
  });

  it('write-good flags each cliché of the list', () => {
    const only = { weasel: false, illusion: false, so: false, thereIs: false, passive: false, adverb: false, tooWordy: false, cliches: true, eprime: false };
    for (const c of WRITE_GOOD_LISTS.cliches!) {
      const sentence = `Well, ${c} for sure.`;
      expect(writeGood(sentence, only).length, c).toBeGreaterThan(0);
    }
  });

  it('the cliches rule flags clichés, across a line break too', () => {
    const src = 'Last but not least, the tip of the\niceberg. We ship monthly. In a nutshell: ready.';
    expect(spans(lintPlain(src, guide({ cliches: 'warning' })))).toEqual([
      ['Last but not least', 0, 18],
      ['tip of the\niceberg', 24, 42],
      ['In a nutshell', 61, 74],
    ]);
  });
});
