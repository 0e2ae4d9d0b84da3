// write-good's word lists as data: in step with the installed packages, and the cliché prefilter
// never skips a sentence write-good would flag.
import { describe, expect, it } from 'vitest';
import writeGood from 'write-good';
// @ts-expect-error: a plain .mjs script without types
import { extract } from './data/extract-write-good.mjs';
import data from './data/write-good-lists.json' with { type: 'json' };
import { WRITE_GOOD_LISTS, mayHaveCliche } from './write-good-data.js';
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

  it('the cliché prefilter lets every cliché through, and write-good flags each one', () => {
    const only = { weasel: false, illusion: false, so: false, thereIs: false, passive: false, adverb: false, tooWordy: false, cliches: true, eprime: false };
    for (const c of WRITE_GOOD_LISTS.cliches!) {
      const sentence = `Well, ${c} for sure.`;
      expect(mayHaveCliche(sentence), c).toBe(true);
      expect(writeGood(sentence, only).length, c).toBeGreaterThan(0);
    }
    expect(mayHaveCliche('We ship a new release every month.')).toBe(false);
  });

  it('the prefilter changes no finding', () => {
    const src = 'Last but not least, the tip of the\niceberg. We ship monthly. In a nutshell: ready.';
    expect(spans(lintPlain(src, guide({ cliches: 'warning' })))).toEqual([
      ['Last but not least', 0, 18],
      ['tip of the\niceberg', 24, 42],
      ['In a nutshell', 61, 74],
    ]);
  });
});
