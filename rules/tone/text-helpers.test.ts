// The text helpers under the tone checks: sentences, words, case keeping, quotations, the word list.
import { describe, expect, it } from 'vitest';
import { certainEnds, sentencesOf, splitterSentences } from '../text/sentences.js';
import { matchCase, phraseRanges, wordsOf } from '../text/words.js';
import { quotedRanges } from './quotes.js';
import { isEnglishWord } from './dictionary.js';
import { fleschKincaid } from './readability.js';
import { sliceBlock } from '../parse/plain.js';
import { parseMarkdown } from '../parse/markdown.js';
import { SEPARATOR } from '../types.js';
import { guide, lintDoc, spans } from '../../test/fixtures/tone/helpers.js';

const texts = (s: string) => sentencesOf(s).map((x) => x.text);

describe('sentencesOf', () => {
  it('keeps abbreviations, decimals, versions, domains and mid-sentence ellipses inside a sentence', () => {
    expect(texts('Acme Inc. makes tools, e.g. hammers, i.e. basics. The U.S. market grew 3.5% in v2.1.0 at acme.com… then fell! Why? Wait... ok.')).toEqual([
      'Acme Inc. makes tools, e.g. hammers, i.e. basics.',
      'The U.S. market grew 3.5% in v2.1.0 at acme.com… then fell!',
      'Why?',
      'Wait...',
      'ok.',
    ]);
  });

  it('gives exact, trimmed offsets', () => {
    const t = '  One two.  Three four.\n';
    expect(sentencesOf(t).map((s) => [s.start, s.end, t.slice(s.start, s.end)])).toEqual([
      [2, 10, 'One two.'],
      [12, 23, 'Three four.'],
    ]);
  });

  it('ends a sentence at a blank line and at a separator on a line of its own, not at inline ones', () => {
    expect(texts('A title line\n\nBody text here')).toEqual(['A title line', 'Body text here']);
    expect(texts(`Run ${SEPARATOR} now and see ${SEPARATOR}.`)).toEqual([`Run ${SEPARATOR} now and see ${SEPARATOR}.`]);
    expect(texts(`First part\n${SEPARATOR}\nSecond part`)).toEqual(['First part', 'Second part']);
  });

  it('returns nothing for empty or blank text and never throws', () => {
    expect(sentencesOf('')).toEqual([]);
    expect(sentencesOf(' \n\t ')).toEqual([]);
    expect(sentencesOf(SEPARATOR.repeat(3))).toEqual([]);
    for (const odd of ['\uD800', '....', '?!?!', '"', '(((', 'a'.repeat(20000) + '.']) expect(() => sentencesOf(odd)).not.toThrow();
  });
});

describe('certainEnds', () => {
  it('cuts only where sentence-splitter surely ends a sentence', () => {
    const t = 'We shipped it. The next one? Soon!! Ask the dr. Who knows. Use yahoo! Now (see this. Then) go. Done. e.g. Not';
    const cut = certainEnds(t, 0, t.length).map((i) => t.slice(0, i).split(' ').pop());
    // Not after a capitalized word ("Soon!!", "Done."), "dr." (an abbreviation), "yahoo!" (a name),
    // inside brackets, or before a lower-case word ("e.g."): those are the splitter's to decide.
    expect(cut).toEqual(['it.', 'one?', 'knows.', 'go.']);
    expect(sentencesOf(t)).toEqual(splitterSentences(t));
  });
});

describe('wordsOf', () => {
  it('splits at hyphens and separators, keeps apostrophes inside words', () => {
    expect(wordsOf(`We’re colour-blind, don't ${SEPARATOR}x${SEPARATOR} 3.5 café`).map((w) => w.text)).toEqual([
      'We’re', 'colour', 'blind', "don't", 'x', '3', '5', 'café',
    ]);
  });

  it('respects a range', () => {
    expect(wordsOf('one two three', 4, 9).map((w) => [w.text, w.start, w.end])).toEqual([['two', 4, 7], ['t', 8, 9]]);
  });
});

describe('matchCase', () => {
  it('keeps all caps, capitalized and lower case', () => {
    expect(matchCase('color', 'COLOUR')).toBe('COLOR');
    expect(matchCase('color', 'Colour')).toBe('Color');
    expect(matchCase('color', 'colour')).toBe('color');
    expect(matchCase("don't", 'Do not')).toBe("Don't");
    expect(matchCase('a', 'I')).toBe('A');
  });
});

describe('phraseRanges', () => {
  it('matches case-insensitively on word boundaries, also names ending in "!"', () => {
    expect(phraseRanges('Yahoo! and yahoo!, not Yahoos!', ['Yahoo!'])).toEqual([[0, 6], [11, 17]]);
    expect(phraseRanges('read-only, readonly', ['read-only'])).toEqual([[0, 9]]);
  });
});

describe('quotedRanges', () => {
  it('finds straight, curly and guillemet quotations; an unclosed one runs to the end', () => {
    const t = 'a "b" c “d” e «f» x ‘we’re in’ don’t g "h';
    expect(quotedRanges(t).map(([a, b]) => t.slice(a, b))).toEqual(['"b"', '“d”', '«f»', '‘we’re in’', '"h']);
  });
});

describe('isEnglishWord', () => {
  it('knows English words in any case, and not acronyms', () => {
    for (const w of ['free', 'TODAY', 'Everything', 'a', 'zzz']) expect(isEnglishWord(w), w).toBe(true);
    for (const w of ['gopath', 'CNCF', 'ecdsa', '', 'qqqq']) expect(isEnglishWord(w), w).toBe(false);
  });
});

describe('fleschKincaid', () => {
  it('matches the formula on a hand-counted text', () => {
    // 2 sentences, 8 words, 9 syllables: "The cat sat." (3 words, 3) + "A happy dog runs home." (5 words: a, hap-py, dog, runs, home = 6)
    const r = fleschKincaid([sliceBlock('The cat sat. A happy dog runs home.', 0, 35, 'paragraph')]);
    expect([r.words, r.sentences, r.syllables]).toEqual([8, 2, 9]);
    expect(r.grade).toBeCloseTo(0.39 * (8 / 2) + 11.8 * (9 / 8) - 15.59, 10);
  });
});

describe('source spans', () => {
  it('cover an escaped character or an entity whole', () => {
    const src = 'Wow\\! Great&#33; Done!';
    const f = lintDoc(parseMarkdown(src, 'a.md'), guide({ exclamations: { max: 0 } }));
    expect(spans(f)).toEqual([
      ['\\!', 3, 5],
      ['&#33;', 11, 16],
      ['!', 21, 22],
    ]);
    // Only the verbatim one gets a fix: replacing "\!" by "." would be right, but it is not what was flagged.
    expect(f.map((x) => x.fixes.length)).toEqual([0, 0, 1]);
  });
});
