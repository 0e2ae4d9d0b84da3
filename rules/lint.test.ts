// The lint loop across rules: directives silence findings by line and range, and the tone rules
// stay out of everything that is not prose.
import { describe, expect, it } from 'vitest';
import { lintDocument } from './lint.js';
import { parseDirective } from './parse/directives.js';
import { parseMarkdown } from './parse/markdown.js';
import { parsePlain } from './parse/plain.js';
import { makeGuide } from '../test/helpers/guide.js';
import { guide } from '../test/fixtures/tone/helpers.js';

describe('suppression', () => {
  it('honours disable, enable and disable-next-line', () => {
    const g = makeGuide({ banned: [{ phrases: ['utilize'], use: ['use'] }] });
    const text = 'utilize a\n# x\nutilize b\nutilize c\nutilize d';
    const doc = parsePlain(text);
    const at = (s: string) => text.indexOf(s);
    doc.directives = [
      parseDirective('brandlint-disable-next-line banned -- legal wording', at('# x'), at('# x') + 3)!,
      parseDirective('brandlint-disable', at('utilize c') - 1, at('utilize c') - 1)!,
      parseDirective('brandlint-enable', at('utilize d') - 1, at('utilize d') - 1)!,
    ];
    expect(lintDocument(doc, g).map((f) => f.line)).toEqual([1, 5]);
  });
});

describe('tone rules together', () => {
  it('report nothing inside code, URLs or HTML in Markdown', () => {
    const tone = {
      'all-caps': 'warning', spelling: { value: 'en-GB' }, contractions: { value: 'avoid' }, emoji: { max: 0 },
      exclamations: { max: 0 }, 'passive-voice': 'warning', 'weasel-words': 'warning', wordy: 'warning',
    } as const;
    const src = 'Run `DONT_STOP=1 color! 🎉 was killed` or see https://example.com/color/very/DONT-PANIC <span title="x">ok</span>\n\n```\nWe don\'t color VERY! 🎉\n```\n';
    const f = lintDocument(parseMarkdown(src, 'copy.md'), guide(tone as never));
    expect(f).toEqual([]);
  });
});
