// Fixture tests for brandlint's own tone checks: firing and not firing, exact source spans, and the
// output of each fix, all through the real lint loop (lintDocument).
import { describe, expect, it } from 'vitest';
import { fixed, guide, lintDoc, lintPlain, spans } from './fixtures/tone/helpers.js';
import { parseMarkdown } from '../rules/parse/markdown.js';
import { parseSocial } from '../rules/parse/social.js';
import type { Finding } from '../rules/types.js';

/** [text, start, end] of the n-th occurrence (0-based) of `needle` in `src`. */
function at(src: string, needle: string, nth = 0): [string, number, number] {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = src.indexOf(needle, i + 1);
    if (i === -1) throw new Error(`${needle} #${nth} not in source`);
  }
  return [needle, i, i + needle.length];
}

const md = (src: string) => parseMarkdown(src, 'copy.md', { mdx: false });
const only = (f: Finding[], rule: string) => f.filter((x) => x.rule === rule);

describe('exclamations', () => {
  const g = (max?: number) => guide({ exclamations: max === undefined ? 'warning' : { level: 'warning', max } });

  it('flags each "!" beyond max, per document, with a fix', () => {
    const src = 'Big news! We launched.\n\nTry it today! Really!!';
    const f = lintPlain(src, g(1));
    expect(spans(f)).toEqual([at(src, '!', 1), at(src, '!', 2), at(src, '!', 3)]);
    expect(f[0]!.message).toBe('Too many exclamation marks: 4 in this document, at most 1.');
    expect(f.map((x) => x.fixes[0]!.title)).toEqual(['Replace "!" with "."', 'Replace "!" with "."', 'Remove "!"']);
    expect(fixed(src, f)).toBe('Big news! We launched.\n\nTry it today. Really.');
  });

  it('defaults to max 1 and does not fire at or under the limit', () => {
    expect(lintPlain('Hello! Welcome.', g())).toEqual([]);
    expect(lintPlain('Hello! Welcome!', g(2))).toEqual([]);
    expect(spans(lintPlain('Hello!', g(0)))).toEqual([['!', 5, 6]]);
  });

  it('ignores "!" that is not punctuation, in brand names, and in code', () => {
    const terms = [{ use: 'Yahoo!', not: [], ref: { file: 'brand.yaml', line: 1, column: 1 } }];
    const src = 'Use Yahoo! and set !important. Then run `npm test!` now! Done!';
    const f = lintDoc(md(src), guide({ exclamations: { level: 'warning', max: 1 } }, { terms }));
    expect(spans(f)).toEqual([at(src, '!', 4)]);
  });
});

describe('emoji', () => {
  const g = (max: number) => guide({ emoji: { level: 'info', max } });

  it('flags each emoji beyond max with a fix that removes it', () => {
    const src = 'Launch day 🚀 and thanks 🙏🏽\n\nSee you 👋';
    const f = lintPlain(src, g(1));
    expect(spans(f)).toEqual([at(src, '🙏🏽'), at(src, '👋')]);
    expect(f[0]!.level).toBe('info');
    expect(f[0]!.message).toBe('Too many emoji: 3 in this document, at most 1.');
    expect(fixed(src, f)).toBe('Launch day 🚀 and thanks \n\nSee you ');
  });

  it('counts ZWJ sequences, flags and keycaps once; ignores ©, ® and ™', () => {
    const src = 'Acme® and Acme™ © 2024. 👩‍💻 🇬🇧 1️⃣ ✅';
    expect(lintPlain(src, g(4))).toEqual([]);
    const f = lintPlain(src, g(3));
    expect(spans(f)).toEqual([at(src, '✅')]);
  });

  it('defaults to max 3', () => {
    expect(lintPlain('🎉 🎉 🎉', guide({ emoji: 'warning' }))).toEqual([]);
    expect(lintPlain('🎉 🎉 🎉 🎉', guide({ emoji: 'warning' }))).toHaveLength(1);
  });
});

describe('sentence-length', () => {
  const g = (max: number) => guide({ 'sentence-length': { level: 'warning', max } });

  it('spans the long sentence and names its length', () => {
    const long = 'This sentence has far more words than the brand allows for one idea at a time.';
    const src = `Short one. ${long} Another short one.`;
    const f = lintPlain(src, g(10));
    expect(spans(f)).toEqual([at(src, long)]);
    expect(f[0]!.message).toBe('Sentence is 16 words long; keep it to 10 or fewer.');
    expect(f[0]!.fixes).toEqual([]);
  });

  it('does not split at abbreviations, decimals, versions, domains or mid-sentence ellipses', () => {
    const s1 = 'Acme Inc. ships tools, e.g. hammers and saws, i.e. the basics, to the U.S. for $3.50 each in v2.1.0 from acme.com… and more.';
    const f = lintPlain(`${s1} Done.`, g(12));
    expect(spans(f)).toEqual([at(s1, s1)]);
    expect(f[0]!.message).toBe('Sentence is 23 words long; keep it to 12 or fewer.');
    expect(lintPlain(`${s1} Done.`, g(40))).toEqual([]);
  });

  it('does split at an ellipsis that ends a sentence, and at ! and ?', () => {
    const src = 'One two three four... Five six seven eight! Nine ten eleven twelve? Go.';
    expect(lintPlain(src, g(4))).toEqual([]);
    expect(lintPlain(src, g(3))).toHaveLength(3);
  });

  it('counts inline code and a URL as one word each, never splitting at their dots', () => {
    const src = 'Run `npm run build.all` then open https://acme.example/docs.html now.';
    const f = lintDoc(md(src), g(5));
    expect(spans(f)).toEqual([at(src, src)]);
    expect(f[0]!.message).toBe('Sentence is 6 words long; keep it to 5 or fewer.');
    expect(lintDoc(md(src), g(6))).toEqual([]);
  });

  it('defaults to 30 words', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ') + '.';
    expect(lintPlain(words(30), guide({ 'sentence-length': 'warning' }))).toEqual([]);
    expect(lintPlain(words(31), guide({ 'sentence-length': 'warning' }))).toHaveLength(1);
  });
});

describe('reading-grade', () => {
  const plainSection = 'We make tools. You use them. They help you work. It is fast and it is fun. '.repeat(3).trim();
  const hardSection =
    'Organizational transformation necessitates comprehensive institutional reconfiguration, notwithstanding considerable implementation difficulties. ' +
    'Sophisticated interdisciplinary methodologies facilitate unprecedented operational optimization across heterogeneous international environments. ' +
    'Consequently, multidimensional evaluation frameworks substantially enhance organizational accountability. ' +
    'Nevertheless, institutionalized bureaucratic considerations occasionally impede transformational initiatives.';
  const g = (max = 9) => guide({ 'reading-grade': { level: 'warning', max } });

  it('flags a hard section on its heading, naming the grade and the target', () => {
    const src = `# Easy part\n\n${plainSection}\n\n## Our approach to change\n\n${hardSection}\n`;
    const f = lintDoc(md(src), g(9));
    expect(spans(f)).toEqual([at(src, 'Our approach to change')]);
    const m = /^Reading grade (\d+\.\d) \(Flesch–Kincaid\) in this section is above the target of 9: (\d+) words in 4 sentences\./.exec(f[0]!.message);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(20);
    expect(Number(m![2])).toBe(hardSection.split(/\s+/).length);
  });

  it('without a heading, sits on the first line of the section', () => {
    const src = `${hardSection.slice(0, 60)}\n${hardSection.slice(61)}`;
    const f = lintPlain(src, g(9));
    expect(spans(f)).toEqual([[src.slice(0, 60), 0, 60]]);
  });

  it('grades each post of a social thread on its own', () => {
    const src = `${plainSection}\n---\n${hardSection}\n`;
    const doc = parseSocial(src, 'thread.txt');
    expect(doc.posts?.length).toBe(2);
    const f = lintDoc(doc, g(9));
    const second = src.indexOf(hardSection);
    expect(f.map((x) => x.start)).toEqual([second]);
    expect(f[0]!.text).toBe(hardSection);
  });

  it('does not fire for plain sections, short sections, or a target above the grade', () => {
    expect(lintDoc(md(`# Hi\n\n${plainSection}`), g(9))).toEqual([]);
    expect(lintPlain('Organizational transformation necessitates institutional reconfiguration.', g(9))).toEqual([]);
    expect(lintPlain(hardSection, g(60))).toEqual([]);
  });
});

describe('contractions', () => {
  const prefer = guide({ contractions: 'warning' });
  const avoid = guide({ contractions: { level: 'warning', value: 'avoid' } });

  it('prefer (the default): flags expanded forms with a fix that keeps case', () => {
    const src = 'We are ready. Do not wait, it is time. I am sure you will like it. DO NOT miss it.\n\nWe cannot stop and it will not break. It has been great.';
    const f = lintPlain(src, prefer);
    expect(spans(f)).toEqual([
      at(src, 'We are'),
      at(src, 'Do not'),
      at(src, 'it is'),
      at(src, 'I am'),
      at(src, 'you will'),
      at(src, 'DO NOT'),
      at(src, 'cannot'),
      at(src, 'will not'),
      at(src, 'It has'),
    ]);
    expect(f[0]!.message).toBe('Write "We\'re" instead of "We are": this brand prefers contractions.');
    expect(fixed(src, f)).toBe(
      "We're ready. Don't wait, it's time. I'm sure you'll like it. DON'T miss it.\n\nWe can't stop and it won't break. It's been great.",
    );
  });

  it('prefer: leaves clause-final auxiliaries, "have" as a main verb, and quotations alone', () => {
    const src = 'I know what it is. Here we are. We have a plan. That is, not now. "We are not amused," he wrote. “It is what it is.”';
    expect(lintPlain(src, prefer)).toEqual([]);
  });

  it('prefer: "it is not" becomes "it isn\'t"; uses the document\'s curly apostrophe', () => {
    const src = 'It is not hard. We’re sure it does not hurt.';
    const f = lintPlain(src, prefer);
    expect(spans(f)).toEqual([at(src, 'is not'), at(src, 'does not')]);
    expect(fixed(src, f)).toBe('It isn’t hard. We’re sure it doesn’t hurt.');
  });

  it('avoid: flags contractions with a fix each way of reading them', () => {
    const src = "We're sure it's been a while. Don't stop; I'd better go, I'd like that. Let's see. It’s here. CAN'T stop, won't stop.";
    const f = lintPlain(src, avoid);
    expect(spans(f).map((s) => s[0])).toEqual(["We're", "it's", "Don't", "I'd", "I'd", "Let's", 'It’s', "CAN'T", "won't"]);
    expect(spans(f)[0]).toEqual(at(src, "We're"));
    expect(f[0]!.message).toBe('Write "We are" instead of "We\'re": this brand avoids contractions.');
    expect(fixed(src, f)).toBe(
      'We are sure it has been a while. Do not stop; I had better go, I would like that. Let us see. It is here. CANNOT stop, will not stop.',
    );
  });

  it('avoid: possessives and quotations are not contractions', () => {
    expect(lintPlain("The company's plan is Acme's. She said \"don't\" twice.", avoid)).toEqual([]);
    expect(spans(lintPlain('She wrote ‘we’re done’ and we’re not.', avoid))).toEqual([['we’re', 27, 32]]);
    expect(lintPlain("Acme's team can't wait.", prefer)).toEqual([]);
  });

  it('never offers a fix that would eat markup', () => {
    const src = 'We **are** ready and we are set.';
    const f = lintDoc(md(src), prefer);
    expect(f.map((x) => [x.text, x.fixes.length])).toEqual([
      ['We **are', 0],
      ['we are', 1],
    ]);
  });
});

describe('spelling', () => {
  const us = guide({ spelling: { level: 'warning', value: 'en-US' } });
  const gb = guide({ spelling: { level: 'warning', value: 'en-GB' } });

  it('en-US: flags British spellings and inflections, keeping case', () => {
    const src = 'Pick your favourite Colour. We organised the catalogue and are organising more. CENTRE stage.';
    const f = lintPlain(src, us);
    expect(spans(f)).toEqual([at(src, 'favourite'), at(src, 'Colour'), at(src, 'organised'), at(src, 'catalogue'), at(src, 'organising'), at(src, 'CENTRE')]);
    expect(f[0]!.message).toBe('"favourite" is the British spelling; this brand writes American English: "favorite".');
    expect(fixed(src, f)).toBe('Pick your favorite Color. We organized the catalog and are organizing more. CENTER stage.');
  });

  it('en-GB: flags American spellings', () => {
    const src = 'Our favorite color is gray; we analyzed the behavior of the center.';
    const f = lintPlain(src, gb);
    expect(fixed(src, f)).toBe('Our favourite colour is grey; we analysed the behaviour of the centre.');
    expect(f[0]!.message).toBe('"favorite" is the American spelling; this brand writes British English: "favourite".');
  });

  it('does not flag words right in both varieties, or brand names', () => {
    // en-GB writes "program" for software, "license" as a verb, "practice" as a noun, "disk" for storage.
    expect(lintPlain('The program is licensed to you; in practice the disk is fine. Install it.', gb)).toEqual([]);
    // en-US also writes "dialogue", "disc" and "axe".
    expect(lintPlain('A dialogue about the disc and the axe.', us)).toEqual([]);
    expect(lintPlain('Two analyses of the cancellation gauge the aesthetic of archaeology.', us)).toEqual([]);
    const terms = [{ use: 'Colour Labs', not: [], ref: { file: 'brand.yaml', line: 1, column: 1 } }];
    expect(lintPlain('Colour Labs ships colour.', guide({ spelling: { value: 'en-US' } }, { terms })).map((x) => x.start)).toEqual([18]);
  });

  it('uses a list of at least 1,000 pairs each way', async () => {
    const { OTHER_SPELLINGS } = await import('../rules/tone/spelling-data.js');
    expect(OTHER_SPELLINGS['en-US'].size).toBeGreaterThan(1000);
    expect(OTHER_SPELLINGS['en-GB'].size).toBeGreaterThan(1000);
  });
});

describe('all-caps', () => {
  const g = (extra = {}) => guide({ 'all-caps': 'warning' }, extra);

  it('flags shouted words with a fix (capitalized at a sentence start)', () => {
    const src = 'FREE shipping on EVERYTHING. Order TODAY!';
    const f = lintPlain(src, g());
    expect(spans(f)).toEqual([at(src, 'FREE'), at(src, 'EVERYTHING'), at(src, 'TODAY')]);
    expect(f[0]!.message).toBe('"FREE" is in all capitals, which reads as shouting. Write "Free".');
    expect(fixed(src, f)).toBe('Free shipping on everything. Order today!');
  });

  it('does not flag acronyms, short words, Roman numerals, codes with digits, or brand terms', () => {
    const terms = [{ use: 'ACME Cloud', not: [], ref: { file: 'brand.yaml', line: 1, column: 1 } }];
    const src = 'ACME Cloud speaks HTTPS, JSON and YAML per GDPR. NOTE: see the README. WWII, Part VIII, H264, API and USB.';
    expect(lintPlain(src, g({ terms }))).toEqual([]);
    expect(spans(lintPlain('ACME is great.', g()))).toEqual([['ACME', 0, 4]]);
    // Not in any English dictionary, so an acronym nobody listed: GOPATH, CNCF, ECDSA.
    expect(lintPlain('Set GOPATH; the CNCF signs with ECDSA. DON\'T PANIC.', g()).map((x) => x.text)).toEqual(["DON'T", 'PANIC']);
  });

  it('takes words from the guide\'s allow list, also inside an allowed phrase', () => {
    const cfg = guide({ 'all-caps': 'warning' }, { allow: ['the BOLD range'] });
    expect(lintPlain('Meet the BOLD range.', cfg)).toEqual([]);
    expect(lintPlain('Meet the BOLD range.', g())).toHaveLength(1);
  });
});

describe('tone rules together', () => {
  it('report nothing inside code, URLs or HTML in Markdown', () => {
    const tone = {
      'all-caps': 'warning', spelling: { value: 'en-GB' }, contractions: { value: 'avoid' }, emoji: { max: 0 },
      exclamations: { max: 0 }, 'passive-voice': 'warning', 'weasel-words': 'warning', wordy: 'warning',
    } as const;
    const src = 'Run `DONT_STOP=1 color! 🎉 was killed` or see https://example.com/color/very/DONT-PANIC <span title="x">ok</span>\n\n```\nWe don\'t color VERY! 🎉\n```\n';
    const f = lintDoc(md(src), guide(tone as never));
    expect(f).toEqual([]);
  });
});
