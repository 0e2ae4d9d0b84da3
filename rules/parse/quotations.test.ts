// Quotations and words mentioned as words, as regions of the blocks every parser makes.
import { describe, expect, it } from 'vitest';
import { parseDocument } from './index.js';
import type { Format } from '../types.js';

/** Each block's text and the text of its regions (`kind:text`). */
function regions(file: string, source: string, format: Format): Array<[string, string[]]> {
  const doc = parseDocument(file, source, format);
  return doc.blocks.map((b) => [b.text, (b.regions ?? []).map((g) => `${g.kind}:${b.text.slice(g.start, g.end)}`)]);
}

describe('quotations', () => {
  it('a Markdown blockquote with an attribution line, in it or right after it', () => {
    expect(regions('a.md', '> Acme changed how we ship!\n>\n> — Jane Doe, CTO\n', 'markdown')).toEqual([
      ['Acme changed how we ship!', ['quotation:Acme changed how we ship!']],
      ['— Jane Doe, CTO', ['quotation:— Jane Doe, CTO']],
    ]);
    expect(regions('a.md', '> Best tool we have.\n\n– Sam Lee, Initech\n\nOur own words.\n', 'markdown')).toEqual([
      ['Best tool we have.', ['quotation:Best tool we have.']],
      ['– Sam Lee, Initech', ['quotation:– Sam Lee, Initech']],
      ['Our own words.', []],
    ]);
  });

  it('a blockquote without attribution is the page’s own (a note), unless it opens with a quotation mark', () => {
    expect(regions('a.md', '> **Note:** the best way.\n', 'markdown')).toEqual([['Note: the best way.', []]]);
    expect(regions('a.md', '> "The best way to ship."\n', 'markdown')).toEqual([['"The best way to ship."', ['quotation:"The best way to ship."']]]);
  });

  it('"…" – Name, "…," says Name, and quoted speech in running text', () => {
    const [[, a], [, b], [, c], [, d]] = regions(
      'a.md',
      '"This is amazing!" – Bob, Acme\n\n"Tooling matters," says Cane. "We have found Go has excellent tooling."\n\nThe feedback was "thank you!", but fine.\n\n“Generally speaking,” Rossney said, “there’s no time we feel slowed down.”\n',
      'markdown',
    );
    expect(a).toEqual(['quotation:"This is amazing!" – Bob, Acme']);
    expect(b).toEqual(['quotation:"Tooling matters,"', 'quotation:"We have found Go has excellent tooling."']);
    expect(c).toEqual(['quotation:"thank you!"']);
    expect(d).toEqual(['quotation:“Generally speaking,” Rossney said, “there’s no time we feel slowed down.”']);
  });

  it('scare quotes and quoted words stay copy; words mentioned as words are mentions', () => {
    expect(regions('a.md', 'We call it "fast" and "safe".\n', 'markdown')).toEqual([['We call it "fast" and "safe".', []]]);
    expect(regions('a.md', 'Avoid vague words like "some", "many" and \'very\'. Use "sign in", not "login".\n', 'markdown')[0]![1]).toEqual([
      'mention:"some"', 'mention:"many"', "mention:'very'", 'mention:"sign in"', 'mention:"login"',
    ]);
  });

  it('email: <blockquote>, <q> and quote or testimonial classes', () => {
    expect(regions('m.html', '<blockquote>Acme is the best!</blockquote><p>She said <q>it rocks!</q> today.</p><td class="testimonial">Great!</td><p>Ours.</p>', 'html')).toEqual([
      ['Acme is the best!', ['quotation:Acme is the best!']],
      ['She said it rocks! today.', ['quotation:it rocks!']],
      ['Great!', ['quotation:Great!']],
      ['Ours.', []],
    ]);
  });

  it('MDX: <Testimonial>, <Quote> and <PullQuote> hold quotations, <Callout> does not', () => {
    expect(regions('p.mdx', '<Testimonial author="Jane">\nAcme is the best!\n</Testimonial>\n\n<PullQuote>\nWe ship daily.\n</PullQuote>\n\n<Callout>\nOur tip.\n</Callout>\n', 'mdx')).toEqual([
      ['Acme is the best!', ['quotation:Acme is the best!']],
      ['We ship daily.', ['quotation:We ship daily.']],
      ['Our tip.', []],
    ]);
  });

  it('social: a quoted line and its attribution line', () => {
    expect(regions('p.tweet', '"Acme changed how we ship!"\n— Jane Doe, CTO\nTry it today', 'social')).toEqual([
      ['"Acme changed how we ship!"', ['quotation:"Acme changed how we ship!"']],
      ['— Jane Doe, CTO', ['quotation:— Jane Doe, CTO']],
      ['Try it today', []],
    ]);
  });
});

describe('single quotation marks', () => {
  it('a quoted title or slogan of four words or more; apostrophes and short single-quoted words are not', () => {
    const [[, a], [, b]] = regions('p.md', "Lukasz presented 'Galaxy & Onedata integration, managing Galaxy data' on Day 2.\n\nIt's the team's 'best' tool, isn't it?\n", 'markdown');
    expect(a).toEqual(["quotation:'Galaxy & Onedata integration, managing Galaxy data'"]);
    expect(b).toEqual([]);
  });
});
