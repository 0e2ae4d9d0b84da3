import { describe, expect, it } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { OTHER_SPELLINGS } from '../../tone/spelling-data.js';

const US = 'tone:\n  spelling: { level: warning, value: en-US }\n';
const GB = 'tone:\n  spelling: { level: warning, value: en-GB }\n';

ruleTester('spelling', {
  guide: US,
  valid: [
    // en-GB writes "program" for software, "license" as a verb, "practice" as a noun, "disk" for storage.
    { name: 'en-GB: words right in both varieties', guide: GB, code: 'The program is licensed to you; in practice the disk is fine. Install it.' },
    { name: 'en-US also writes dialogue, disc and axe', code: 'A dialogue about the disc and the axe.' },
    { name: 'en-US: words right in both varieties', code: 'Two analyses of the cancellation gauge the aesthetic of archaeology.' },
  ],
  invalid: [
    {
      name: 'a fix never makes another finding: the spelling a guide bans gets the banned word\'s suggestion',
      guide: US + 'banned:\n  - phrase: utilize\n    use: use\n  - phrase: favorite\n',
      code: 'We utilise it. Utilising helps. Our favourite.\n',
      errors: [
        { text: 'utilise', message: '"utilise" is the British spelling; this brand writes American English: "utilize", and the guide says "use" for that.', suggestions: ['use'] },
        { text: 'Utilising', suggestions: ['Using'] },
        { text: 'favourite', message: '"favourite" is the British spelling; this brand writes American English: "favorite", a word the guide bans.', suggestions: ['favorite'], fixes: [] },
      ],
      output: 'We use it. Using helps. Our favourite.\n',
    },
    {
      name: 'en-US: British spellings and their inflections, keeping case',
      code: 'Pick your favourite Colour. We organised the catalogue and are organising more. CENTRE stage.',
      errors: [
        { text: 'favourite', column: 11, message: '"favourite" is the British spelling; this brand writes American English: "favorite".', suggestions: ['favorite'] },
        { text: 'Colour', suggestions: ['Color'] },
        { text: 'organised' },
        { text: 'catalogue' },
        { text: 'organising' },
        { text: 'CENTRE', suggestions: ['CENTER'] },
      ],
      output: 'Pick your favorite Color. We organized the catalog and are organizing more. CENTER stage.',
    },
    {
      name: 'en-GB: American spellings',
      guide: GB,
      code: 'Our favorite color is gray; we analyzed the behavior of the center.',
      errors: [
        { text: 'favorite', message: '"favorite" is the American spelling; this brand writes British English: "favourite".' },
        { text: 'color' },
        { text: 'gray' },
        { text: 'analyzed' },
        { text: 'behavior' },
        { text: 'center' },
      ],
      output: 'Our favourite colour is grey; we analysed the behaviour of the centre.',
    },
    {
      name: 'a brand name keeps its own spelling',
      guide: 'terms:\n  - use: Colour Labs\ntone:\n  spelling: { value: en-US }\n',
      code: 'Colour Labs ships colour.',
      errors: [{ text: 'colour', column: 19, level: 'warning' }],
      output: 'Colour Labs ships color.',
    },
  ],
});

describe('spelling: the word list', () => {
  it('holds at least 1,000 pairs each way', () => {
    expect(OTHER_SPELLINGS['en-US'].size).toBeGreaterThan(1000);
    expect(OTHER_SPELLINGS['en-GB'].size).toBeGreaterThan(1000);
  });
});
