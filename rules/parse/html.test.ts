// Email templates: each template dialect, each prose location, subject and preheader, suppression (the length rule's cases sit in rules/checks/length/).
// Fixtures in test/fixtures/email carry "utilize" both in copy and in places that are not copy
// (template tags, comments, class names, URLs, CSS); only the copy may be flagged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint.js';
import { parseHtml } from './html.js';
import { maskTemplates } from './mask.js';
import { SEPARATOR, type Guide, type ProseDocument } from '../types.js';
import { makeGuide } from '../../test/helpers/guide.js';
import { proseProblems } from '../../test/helpers/prose-invariants.js';

const FIX = path.resolve(__dirname, '../../test/fixtures/email');
const read = (f: string) => readFileSync(path.join(FIX, f), 'utf8');

function guide(channels: Guide['channels'] = {}): Guide {
  return { ...makeGuide({ banned: [{ phrases: ['utilize'], use: ['use'] }] }), channels };
}

/** The line and the flagged text of each `banned` finding. */
function flagged(file: string, g = guide()): string[] {
  const r = lintText(path.join(FIX, file), read(file), g);
  return r.findings.filter((f) => f.rule === 'banned').map((f) => `${f.line}:${f.text}`);
}

describe('template masking', () => {
  it('blanks every dialect with same-length blanks and keeps line breaks', () => {
    const src = 'a {{x}} b {{{y}}} c {{!-- n\n --}} d {% if %} e {# c #} f *|FNAME|* g <%= z %> h {{/* go */}} i';
    const m = maskTemplates(src);
    expect(m.text.length).toBe(src.length);
    expect(m.text.replace(/ +/g, ' ')).toBe('a b c \n d e f g h i');
    expect(m.spans.map((s) => src.slice(s.start, s.end))).toEqual([
      '{{x}}', '{{{y}}}', '{{!-- n\n --}}', '{% if %}', '{# c #}', '*|FNAME|*', '<%= z %>', '{{/* go */}}',
    ]);
  });

  it('masks a Liquid block comment whole and leaves unclosed openers as text', () => {
    const src = 'x {% comment %} hidden {{ y }} {% endcomment %} z {{ open and *| no close';
    const m = maskTemplates(src);
    expect(m.text.slice(0, src.indexOf(' z'))).toMatch(/^x +$/);
    expect(m.text.endsWith('z {{ open and *| no close')).toBe(true);
  });
});

describe('each template dialect: only copy is flagged', () => {
  const cases: [string, string[]][] = [
    ['handlebars.hbs', ['3:utilize', '5:utilize', '7:utilize', '9:utilize']],
    ['liquid.liquid', ['4:utilize', '8:Utilize']],
    ['twig.twig', ['4:utilize', '5:Utilize']],
    ['newsletter.mjml', ['3:utilize', '4:utilize', '10:utilize', '11:utilize', '11:utilize', '12:utilize']],
    ['mailchimp.html', ['1:utilize', '2:Utilize', '2:utilize']],
    ['erb.html', ['2:utilize']],
    ['go.html', ['1:utilize']],
    ['plain.txt', ['1:utilize', '5:Utilize']],
  ];
  for (const [file, expected] of cases) {
    it(file, () => {
      expect(flagged(file)).toEqual(expected);
      const doc = parseHtml(read(file), file);
      expect(proseProblems(doc)).toEqual([]);
    });
  }

  it('puts a SEPARATOR with a template mark where a tag was, so no phrase spans it', () => {
    const doc = parseHtml('<p>Hello {{name}} there</p>', 'a.html');
    expect(doc.blocks[0]!.text).toBe(`Hello ${SEPARATOR} there`);
    expect(doc.blocks[0]!.marks).toEqual([{ kind: 'template', at: 6 }]);
    expect(doc.blocks[0]!.map[6]).toBe(9);
    const g = { ...makeGuide({ banned: [{ phrases: ['hello there'] }] }) };
    expect(lintText('a.html', '<p>Hello {{name}} there</p>', g).findings).toEqual([]);
  });
});

describe('prose locations', () => {
  const src = [
    '<html><head><title>The Title</title><style>p { content: "CSS text" }</style>',
    '<script>var t = "script text";</script><meta name="description" content="meta text"></head>',
    '<body><div>Block one<div>Block two</div>tail</div>',
    '<p>Inline <b>bold</b><em>joined</em> and <a href="https://example.com/x" title="Link title">link</a>.<br>After break</p>',
    '<h2>Heading</h2><ul><li>Item</li></ul><img src="a.png" alt="Alt text"><button aria-label="Label text">Go</button>',
    '<!-- a comment text --><pre>code text</pre><p>Fish &amp; chips&nbsp;&copy;&#8212;&#x2014;</p></body></html>',
  ].join('\n');
  const doc = parseHtml(src, 'loc.html');
  const texts = doc.blocks.map((b) => `${b.kind}${b.depth ? b.depth : ''}${b.field ? `/${b.field}` : ''}:${b.text}`);

  it('reads text nodes, title/alt/aria-label attributes, the title; not CSS, script, meta, comments or code', () => {
    expect(texts).toEqual([
      'text/subject:The Title',
      'paragraph:Block one',
      'paragraph:Block two',
      'paragraph:tail',
      'attribute:Link title',
      'paragraph:Inline boldjoined and link.',
      'paragraph:After break',
      'heading2:Heading',
      'list-item:Item',
      'alt:Alt text',
      'attribute:Label text',
      'paragraph:Go',
      'paragraph:Fish & chips\u00a0©——',
    ]);
    expect(proseProblems(doc)).toEqual([]);
  });

  it('maps each entity to its "&" and marks links', () => {
    const b = doc.blocks.find((x) => x.text.startsWith('Fish'))!;
    expect(src.slice(b.map[5]!, b.map[5]! + 5)).toBe('&amp;');
    expect(src.slice(b.map[12]!, b.map[12]! + 6)).toBe('&nbsp;');
    expect(src.slice(b.map[14]!, b.map[14]! + 7)).toBe('&#8212;');
    expect(src.slice(b.map[15]!, b.map[15]! + 8)).toBe('&#x2014;');
    const p = doc.blocks.find((x) => x.text.startsWith('Inline'))!;
    // After the link's text (as in Markdown): a phrase may run into a link ("Click <a>here</a>"), not out of it.
    expect(p.marks).toContainEqual({ kind: 'link', at: p.text.indexOf('link') + 'link'.length });
  });

  it('decodes a legacy entity without ";" exactly', () => {
    const d = parseHtml('<p>&copy2024 &amp more</p>', 'e.html');
    expect(d.blocks[0]!.text).toBe('©2024 & more');
    expect(proseProblems(d).filter((p) => !p.includes('©') && !p.includes('"&"'))).toEqual([]);
    expect(d.blocks[0]!.map[0]).toBe(3);
    expect(d.blocks[0]!.map[1]).toBe(8);
    expect(d.blocks[0]!.map[6]).toBe(13);
  });

  it('a closing tag broken before its ">" is markup, and the text after it starts after the ">"', () => {
    const src = '<p>Learn <i>more</i\n    > now, <b>really</b\n> soon</p>';
    const d = parseHtml(src, 'x.html');
    expect(d.blocks.map((b) => b.text)).toEqual(['Learn more now, really soon']);
    expect(proseProblems(d)).toEqual([]);
  });

  it('never throws on broken markup', () => {
    for (const s of ['<p', '<<>>', '<p title="x>y', '{{', '<div><span></div></p>', '&', '&#xZZ;', '\uFEFF<p>x</p>', '']) {
      expect(() => parseHtml(s, 'x.html')).not.toThrow();
    }
  });
});

describe('subject and preheader', () => {
  const subj = (src: string, file = 'e.html') => {
    const d: ProseDocument = parseHtml(src, file);
    return { subject: d.subject?.text, preheader: d.preheader?.text, d };
  };

  it('from front matter', () => {
    const r = subj('---\nsubject: "Big news for {{name}}"\npreheader: Read on\nlayout: x\n---\n<p>Body</p>');
    expect(r.subject).toBe(`Big news for ${SEPARATOR}`);
    expect(r.preheader).toBe('Read on');
    expect(r.d.blocks.map((b) => b.text)).not.toContain('layout: x');
  });
  it('from <title>', () => expect(subj('<html><head><title>Your receipt</title></head><body>x</body></html>').subject).toBe('Your receipt'));
  it('from mj-title and mj-preview', () => {
    const r = subj('<mjml><mj-head><mj-title>Hi</mj-title><mj-preview>Peek</mj-preview></mj-head></mjml>', 'a.mjml');
    expect([r.subject, r.preheader]).toEqual(['Hi', 'Peek']);
  });
  it('from a Subject: first line of a plain-text email, not repeated as body', () => {
    const r = subj('\nSubject: Your trial ends\n\nHello there.', 'a.txt');
    expect(r.subject).toBe('Your trial ends');
    expect(r.d.blocks.map((b) => b.text)).toEqual(['Your trial ends', 'Hello there.']);
  });
  it('preheader from an element whose class contains "preheader"', () => {
    const r = subj('<body><span class="email-preheader hidden">Preview line</span><p>Body</p></body>');
    expect(r.preheader).toBe('Preview line');
    expect(r.d.blocks.find((b) => b.text === 'Body')!.field).toBeUndefined();
  });
});

describe('suppression', () => {
  it('in HTML comments and Handlebars/Jinja comments', () => {
    const src = [
      '<!-- brandlint-disable banned -->',
      '<p>utilize one</p>',
      '{{!-- brandlint-enable --}}',
      '<p>utilize two</p>',
      '{{! brandlint-disable-next-line }}',
      '<p>utilize three</p>',
      '{# brandlint-disable-next-line banned #}',
      '<p>utilize four</p>',
      '<p>utilize five</p>',
    ].join('\n');
    const r = lintText('s.html', src, guide());
    expect(r.findings.map((f) => f.line)).toEqual([4, 9]);
  });
});

describe('odd input (property)', () => {
  it('never throws and every prose char maps back exactly, whatever the markup', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom(
      '<p>', '</p>', '<div class="preheader">', '</div>', '<title>', '</title>', '<style>', '</style>', '<br>', '<a href="x">',
      '</a>', '<img alt="Alt {{x}} text">', '<mj-text>', '</mj-text>', '<mj-preview>', '{{', '}}', '{{name}}', '{{!-- c --}}',
      '{% if %}', '{#', '#}', '*|FNAME|*', '<%= x %>', '&amp;', '&nbsp;', '&#128512;', '&', '<', '>', '"', "'", '<!--', '-->',
      'Subject: ', '\n', '\r\n', ' ', 'word', 'Ünïcödé', '😀', 'https://a.com/x', 'a@b.com', '@acme', '#tag', '---\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('a.html', 'a.mjml', 'a.txt', 'a.hbs'), (parts, file) => {
        const doc = parseHtml(parts.join(''), file);
        expect(proseProblems(doc)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('what is not copy in an email, and template arguments that are', () => {
  const texts = (src: string, file = 'mail.html') => parseHtml(src, file).blocks.map((b) => [b.kind, b.text]);

  it('masks the merge tags of common ESPs as one separator each', () => {
    const src = 'Hi %%FirstName%%, ${name}, [[name]], *|FNAME|* and {$name}. 100% sure, 50 %% off, [[not a tag]]';
    const m = maskTemplates(src);
    expect(m.spans.map((s) => src.slice(s.start, s.end))).toEqual(['%%FirstName%%', '${name}', '[[name]]', '*|FNAME|*', '{$name}']);
    expect(texts(`<p>${src}</p>`)).toEqual([['paragraph', `Hi ${SEPARATOR}, ${SEPARATOR}, ${SEPARATOR}, ${SEPARATOR} and ${SEPARATOR}. 100% sure, 50 %% off, [[not a tag]]`]]);
  });

  it('escaped markup (Outlook conditional comments in <mj-raw>) is no prose: its `!` is no exclamation', () => {
    const src = '<mj-raw>&lt;!--[if mso]&gt;<table>&lt;![endif]--&gt;</mj-raw><mj-text>Use &lt;br&gt; tags &amp; more!</mj-text>';
    expect(texts(src, 'mail.mjml')).toEqual([['paragraph', `Use ${SEPARATOR} tags & more!`]]);
  });

  it('keyword and dict string arguments of a template tag are blocks of their own; names, URLs and comparisons are not', () => {
    const src = '{{ section(title="Ship faster today", body=\'Our team. Really great!\', icon="bolt", url="/x") }}\n' +
      '{{ card({"heading": "Fast & safe"}) }} {{ _("Welcome back") }} {% if plan == "Pro plan now" %}x{% endif %} {{ name | default: "there friend" }}';
    const doc = parseHtml(src, 'page.njk');
    expect(doc.blocks.filter((b) => b.kind === 'attribute').map((b) => b.text)).toEqual(['Ship faster today', 'Our team. Really great!', 'Fast & safe', 'Welcome back']);
    expect(proseProblems(doc)).toEqual([]);
    // Exact offsets: the block starts at the argument's first character, never at `{{`.
    const body = doc.blocks.find((b) => b.text.startsWith('Our team'))!;
    expect(src.slice(body.map[0]!, body.map[body.map.length - 1]! + 1)).toBe('Our team. Really great!');
  });
});
