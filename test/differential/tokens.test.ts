// Differential test for the quick test in front of nonProseSpans (rules/match/tokens.ts) and the
// runs of non-whitespace it searches: with them, the non-prose spans (URLs, e-mails, handles,
// hashtags, paths, file names, template tags) of every corpus block and of random text are exactly
// those of the pattern run over the whole text (nonProseSpansOf, which test/differential/non-prose.test.ts
// holds to the pattern as written). Timings are never asserted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonProseSpans, nonProseSpansOf } from '../../rules/match/tokens.js';
import { SEPARATOR } from '../../rules/types.js';
import { corpusBlocks, present } from '../helpers/corpus.js';


describe.skipIf(!present)('nonProseSpans with its quick test = the pattern over the whole text on the corpus', () => {
  it('every block of every marketing-copy, email and social file', () => {
    let blocks = 0;
    let withSpans = 0;
    for (const { file, block: b } of corpusBlocks(['marketing-copy', 'email-templates', 'social-posts'])) {
      const ref = nonProseSpansOf(b.text);
      expect(nonProseSpans(b.text), `${file}: ${b.text.slice(0, 120)}`).toEqual(ref);
      blocks++;
      if (ref.length) withSpans++;
    }
    expect(blocks).toBeGreaterThan(10_000);
    expect(withSpans).toBeGreaterThan(100);
  }, 600_000);
});

if (!present) describe('nonProseSpans on the corpus', () => {
  it.skip('skipped: ../shared/corpus is absent (a clone without the shared corpus; CI has it)', () => {});
});

const PIECES = [
  'word', 'Read', ' ', '\n', '.', ',', '/', '//', ':', '@', '#', '{', '}', '{{', '}}', '{%', '%}', '*', '|', '*|', '|*', '~', '-', '_', '1',
  'http', 'https://', 'ftp://', 'www', 'www.', 'x.com', 'me@x.io', '@acme', '#launch', '#1', './a', '../b', '~/c', 'a/b/c', 'readme.md',
  'notes.MD', 'pic.jpeg', '.yml', '.html', 'é', '日本', SEPARATOR, '"', '<', '>', '&', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b',
  '\u2028', '\ud83d\ude00', 'a.b', '%', '+',
];
describe('nonProseSpans with its quick test = the pattern over the whole text on random text', () => {
  it('pieces of every non-prose form, joined at random', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (a) => {
        const t = a.join('');
        expect(nonProseSpans(t)).toEqual(nonProseSpansOf(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => {
        expect(nonProseSpans(t)).toEqual(nonProseSpansOf(t));
      }),
      { numRuns: 3000 },
    );
  });
});
