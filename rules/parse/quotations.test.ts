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

  it('a template\'s filler text is a placeholder, from its opening words to the end of its block', () => {
    expect(regions('m.html', '<h2>Title</h2><p>Lorem ipsum dolor sit amet, consectetur. Nisi aperiam!</p><p>Welcome aboard!</p>', 'html')).toEqual([
      ['Title', []],
      ['Lorem ipsum dolor sit amet, consectetur. Nisi aperiam!', ['placeholder:Lorem ipsum dolor sit amet, consectetur. Nisi aperiam!']],
      ['Welcome aboard!', []],
    ]);
    expect(regions('a.md', 'Hi there. Lorem ipsum dolor sit amet.\n\nWe talk about lorem and ipsum.\n', 'markdown')).toEqual([
      ['Hi there. Lorem ipsum dolor sit amet.', ['placeholder:Lorem ipsum dolor sit amet.']],
      ['We talk about lorem and ipsum.', []],
    ]);
  });

  it('a linked title credited to its author is theirs; a link without a credit is copy', () => {
    expect(regions('a.md', '- **[Utilize debugger APIs to improve tests](https://x.example)** by [Anthony](https://y.example)\n- [Growing a Community](https://x.example), by Cassandra\n- [Our docs](https://x.example) by the way\n', 'markdown')).toEqual([
      ['Utilize debugger APIs to improve tests by Anthony', ['quotation:Utilize debugger APIs to improve tests']],
      ['Growing a Community, by Cassandra', ['quotation:Growing a Community']],
      ['Our docs by the way', []],
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

/** The texts of the blocks with a quotation from end to end, and of the rest. */
function split(file: string, source: string, format: Format): { quoted: string[]; own: string[] } {
  const out = { quoted: [] as string[], own: [] as string[] };
  for (const [text, regions] of regionsOf(file, source, format)) {
    (regions.some((g) => g.kind === 'quotation' && g.start === 0 && g.end === text.length) ? out.quoted : out.own).push(text);
  }
  return out;
}
function regionsOf(file: string, source: string, format: Format): Array<[string, Array<{ kind: string; start: number; end: number }>]> {
  return parseDocument(file, source, format).blocks.map((b) => [b.text, b.regions ?? []]);
}

describe('pasted comments and introduced quotations', () => {
  it('a raw HTML <blockquote> holding Markdown: the blocks up to its closing tag are quoted', () => {
    const md = [
      '<a href="https://example.com/c/1">Comment by @jdoe posted on 2025-07-01:</a><br>',
      '',
      '<blockquote>',
      '',
      '<!-- keeps the Markdown parser reading Markdown -->',
      '',
      'It was _extremely_ productive!',
      '',
      '## Next steps',
      '',
      '- Linting is blocked on upstream work.',
      '',
      '</blockquote>',
      '',
      'Our own words after it.',
      '',
    ].join('\n');
    const { quoted, own } = split('a.md', md, 'markdown');
    expect(quoted).toEqual(['It was extremely productive!', 'Next steps', 'Linting is blocked on upstream work.']);
    expect(own.map((t) => t.replace(/\uFFFC/g, ''))).toEqual(['Comment by @jdoe posted on 2025-07-01:', 'Our own words after it.']);
  });

  it('an unclosed <blockquote> in a list item does not reach past the item', () => {
    const { quoted, own } = split('a.md', '- <blockquote>\n\n  Quoted text.\n\n- Our item.\n', 'markdown');
    expect(quoted).toEqual(['Quoted text.']);
    expect(own).toEqual(['Our item.']);
  });

  it('a styled box right after an attribution holds the comment, across raw HTML blocks; a box alone is the page’s', () => {
    const md = [
      '<div class="update">',
      '<a href="https://example.com/c/2">Comment by @ada posted on 2025-09-24:</a>',
      '<div style="padding: 12px; border-left: 4px solid #e1e4e8;">',
      '<h2>Key developments</h2>',
      '<p>Very positive feedback was given.</p>',
      '',
      '<p>The PR is reviewed and merged!</p>',
      '',
      '</div>',
      '<p>Our summary.</p>',
      '</div>',
      '',
      '<div style="border-left: 4px solid #ffc107;">',
      '<strong>Help wanted:</strong> <p>Try it on your code!</p>',
      '',
      '</div>',
      '',
    ].join('\n');
    const { quoted, own } = split('a.md', md, 'markdown');
    expect(quoted).toEqual(['Key developments', 'Very positive feedback was given.', 'The PR is reviewed and merged!']);
    expect(own.map((t) => t.replace(/\uFFFC/g, ''))).toEqual(['Comment by  posted on 2025-09-24:', 'Our summary.', 'Help wanted:', 'Try it on your code!']);
  });

  it('email: a container right after "… wrote:" is a quotation', () => {
    const { quoted, own } = split('m.html', '<p>Alice wrote:</p><div><p>It is very fast!</p></div><p>Ours.</p><div><p>Also ours.</p></div>', 'html');
    expect(quoted).toEqual(['It is very fast!']);
    expect(own).toEqual(['Alice wrote:', 'Ours.', 'Also ours.']);
  });

  it('a Markdown blockquote after an attribution: a comment by or from someone, "wrote:", "put it:", "From the …:"', () => {
    const md = [
      '- **[Frank King]** — [comment from 2026-02-26](https://example.com/c/3)',
      '',
      '  > Work continued.',
      '  >',
      '  > #### Offload',
      '  >',
      '  > We achieved excellent performance!',
      '',
      'Alice wrote:',
      '> It is very good.',
      '',
      'We asked around. As @bob put it:',
      '',
      '> It mostly works.',
      '',
      'From the release notes:',
      '',
      '> Several bugs were fixed.',
      '',
      'Our text after the quotes.',
      '',
    ].join('\n');
    const { quoted, own } = split('a.md', md, 'markdown');
    expect(quoted).toEqual(['Work continued.', 'Offload', 'We achieved excellent performance!', 'It is very good.', 'It mostly works.', 'Several bugs were fixed.']);
    expect(own).toEqual(['[Frank King] — comment from 2026-02-26', 'Alice wrote:', 'We asked around. As @bob put it:', 'From the release notes:', 'Our text after the quotes.']);
  });

  it('MDX reads an attribution before a blockquote, and a handle line, the same way', () => {
    const { quoted, own } = split('p.mdx', 'Alice wrote:\n\n> It is very good.\n\n@walter:\n\nPasted.\n\n## Ours\n\n> Note: ours too.\n', 'mdx');
    expect(quoted).toEqual(['It is very good.', 'Pasted.']);
    expect(own).toEqual(['Alice wrote:', '@walter:', 'Ours', 'Note: ours too.']);
  });

  it('blockquotes one after another after an attribution are one quotation', () => {
    const { quoted, own } = split('a.md', 'Comments on the type system explained as follows:\n\n> It would be very nice.\n\n> Sum types can be emulated.\n\nOurs.\n', 'markdown');
    expect(quoted).toEqual(['It would be very nice.', 'Sum types can be emulated.']);
    expect(own).toEqual(['Comments on the type system explained as follows:', 'Ours.']);
  });

  it('an author’s callout blockquote stays copy: no attribution, or none right before it', () => {
    const md = [
      'To set it up, I added a task to the config:',
      '',
      '> **Note:** this is very easy.',
      '',
      'Alice wrote:',
      '',
      '```',
      'code',
      '```',
      '',
      '> Tip: it is very fast.',
      '',
    ].join('\n');
    expect(split('a.md', md, 'markdown').quoted).toEqual([]);
  });

  it('a line that is only a handle and a colon: the pasted text after it, up to the next heading', () => {
    const md = [
      '@walter:',
      '',
      'Hello all - a status update.',
      '',
      '- Role keys will be used in CI.',
      '',
      '## Next goal',
      '',
      'This is very much ours.',
      '',
    ].join('\n');
    const { quoted, own } = split('a.md', md, 'markdown');
    expect(quoted).toEqual(['Hello all - a status update.', 'Role keys will be used in CI.']);
    expect(own).toEqual(['@walter:', 'Next goal', 'This is very much ours.']);
  });

  it('a handle-led paste ends at raw HTML and at the next attribution', () => {
    const { quoted, own } = split('a.md', '@walter:\n\nPasted.\n\n<div>Ours.</div>\n\nAlso ours.\n\n@ada:\n\nPasted too.\n\nComment by @bob posted on 2025-01-02:\n\nNot pasted.\n', 'markdown');
    expect(quoted).toEqual(['Pasted.', 'Pasted too.']);
    expect(own).toEqual(['@walter:', 'Ours.', 'Also ours.', '@ada:', 'Comment by @bob posted on 2025-01-02:', 'Not pasted.']);
  });
});

describe('interview transcripts', () => {
  it('paragraphs led by a bold speaker’s name are the speaker’s words, the label is the page’s', () => {
    const md = [
      'In this interview, Xander Cesari sits down with Jan David Nose.',
      '',
      '**Xander Cesari**: It is very good to be here!',
      '',
      '**Jan David Nose**: It is mostly fine.',
      '',
      'And the rest of my answer.',
      '',
      '**Xander Cesari**: Thanks.',
      '',
      'Our closing words, very briefly.',
      '',
    ].join('\n');
    const regions = regionsOf('a.md', md, 'markdown').map(([text, g]) => g.map((r) => text.slice(r.start, r.end)));
    expect(regions).toEqual([
      [],
      [' It is very good to be here!'],
      [' It is mostly fine.'],
      ['And the rest of my answer.'],
      [' Thanks.'],
      [],
    ]);
  });

  it('Q and A labels, and first names the page writes as names', () => {
    const qa = regionsOf('a.md', '**Q:** Is it very fast?\n\n**A:** Mostly.\n', 'markdown');
    expect(qa.map(([, g]) => g.length)).toEqual([1, 1]);
    const names = regionsOf('a.md', 'We spoke with Rob Pike and Ian Taylor.\n\n**Rob:** Very much so.\n\n**Ian:** Mostly.\n', 'markdown');
    expect(names.map(([, g]) => g.length)).toEqual([0, 1, 1]);
  });

  it('bold labels that name no speaker stay copy', () => {
    const md = '**Note:** this is very easy.\n\n**Best for:** teams who want it fast.\n\n**Who:** anyone.\n\n**Where:** online.\n\n**Who:** everyone.\n\n**Key Developments:** very many.\n\n**Key Developments:** more.\n';
    expect(regionsOf('a.md', md, 'markdown').every(([, g]) => g.length === 0)).toBe(true);
    // One labelled paragraph is no transcript.
    expect(regionsOf('a.md', 'We met Jane Doe.\n\n**Jane Doe**: very good.\n', 'markdown').every(([, g]) => g.length === 0)).toBe(true);
  });
});
