import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.js';
import { parseMdx } from './mdx.js';
import { fieldText, readFrontMatter } from './frontmatter.js';
import { SEPARATOR as S, type Block, type ProseDocument } from '../types.js';
import { forbiddenRanges } from '../../test/helpers/forbidden-ranges.js';
import { proseProblems } from '../../test/helpers/prose-invariants.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Markdown through the lezer front end, MDX through remark. */
const read = (source: string, file: string, mdx: boolean): ProseDocument => (mdx ? parseMdx(source, file) : parseMarkdown(source, file));

function parse(source: string, mdx = false): ProseDocument {
  const doc = read(source, mdx ? 'x.mdx' : 'x.md', mdx);
  expect(proseProblems(doc, forbiddenRanges(source, { mdx }))).toEqual([]);
  return doc;
}

const texts = (doc: ProseDocument) => doc.blocks.map((b) => [b.kind, b.text]);

/** The source span a rule would report for `phrase` in a block: map[a] … map[b] + 1. */
function span(doc: ProseDocument, phrase: string): string {
  for (const b of doc.blocks) {
    const a = b.text.indexOf(phrase);
    if (a >= 0) return doc.source.slice(b.map[a]!, b.map[a + phrase.length - 1]! + 1);
  }
  throw new Error(`"${phrase}" is in no block`);
}

describe('parseMarkdown: prose locations and what is left out', () => {
  const cases: Array<[name: string, source: string, expected: Array<[Block['kind'], string]>, mdx?: boolean]> = [
    ['ATX heading', '## Best *in* class ##\n', [['heading', 'Best in class']]],
    ['setext heading over two lines', 'Fast\nand calm\n===\n', [['heading', 'Fast\nand calm']]],
    ['inline markup joins seamlessly', '**best**-in-class _and_ ~~old~~ new\n', [['paragraph', 'best-in-class and old new']]],
    ['soft breaks stay, indentation goes', 'one\n   two\n', [['paragraph', 'one\ntwo']]],
    ['list items and continuation lines', '- one\n- two\n  more\n  1. deep\n', [['list-item', 'one'], ['list-item', 'two\nmore'], ['list-item', 'deep']]],
    ['task list checkbox is not prose', '- [x] done\n- [ ] todo\n', [['list-item', 'done'], ['list-item', 'todo']]],
    ['blockquote with lazy and nested lines', '> a\n> b\nlazy\n\n> > deep\n', [['blockquote', 'a\nb\nlazy'], ['blockquote', 'deep']]],
    ['list inside a quote is a list item', '> - x\n>   y\n', [['list-item', 'x\ny']]],
    ['quote inside a list is a quote', '- > q\n', [['blockquote', 'q']]],
    ['footnote reference and definition', 'A claim[^1].\n\n[^1]: The note.\n', [['paragraph', `A claim${S}.`], ['footnote', 'The note.']]],
    ['table cells, escaped pipe', '| a | b |\n|---|---|\n| c \\| d | `e` |\n', [['table-cell', 'a'], ['table-cell', 'b'], ['table-cell', 'c | d']]],
    ['image alt is its own block', 'See ![The best logo](logo.png "A title") here\n', [['paragraph', `See ${S} here`], ['alt', 'The best logo']]],
    ['image-only paragraph gives just the alt', '![Only alt](x.png)\n', [['alt', 'Only alt']]],
    ['image reference alt', '![Ref *alt*][r]\n\n[r]: x.png\n', [['alt', 'Ref alt']]],
    ['front matter title and description only', '---\ntitle: "Best tool"\ndescription: fast\nslug: utilize\n---\nBody\n', [['front-matter', 'Best tool'], ['front-matter', 'fast'], ['paragraph', 'Body']]],
    ['TOML front matter is not prose', '+++\ntitle = "utilize"\n+++\nBody\n', [['paragraph', 'Body']]],
    ['code is never prose', '```\nutilize\n```\n\n    indented utilize\n\nUse `utilize` now\n', [['paragraph', `Use ${S} now`]]],
    [
      'HTML blocks are read as HTML (their text is copy, their tags are not); inline tags are separators',
      '<div class="utilize">Our copy</div>\n\nA <b class="utilize">bold</b> word\n\n<details><summary>Why us?</summary>\n\n<h2 id="utilize">Fast</h2>\n<img src="utilize.png" alt="A team">\n',
      [['paragraph', 'Our copy'], ['paragraph', `A ${S}bold${S} word`], ['paragraph', 'Why us?'], ['heading', 'Fast'], ['alt', 'A team']],
    ],
    ['URLs, autolinks and e-mail addresses', 'Visit https://u.example or <https://x.example> or me@u.example.\n', [['paragraph', `Visit ${S} or ${S} or ${S}.`]]],
    ['link text is prose, destination and title are not', 'See [the docs](https://u.example "Utilize") now\n', [['paragraph', 'See the docs now']]],
    ['link text that is an address is an address', 'At [https://linkerd.io](https://linkerd.io) and [www.x.example][d]\n\n[d]: https://x.example\n', [['paragraph', `At ${S} and ${S}`]]],
    ['heading attributes are not prose', '## Usage guide {#usage .wide}\n\n# Sets {a} apart\n', [['heading', 'Usage guide'], ['heading', 'Sets {a} apart']]],
    ['reference links and definitions', '[docs][d] and [d]\n\n[d]: https://u.example "utilize"\n', [['paragraph', 'docs and d']]],
    ['escapes and entities decode', 'Fish \\& chips &amp; caf&eacute; &#169; &#x1F600; &nope;\n', [['paragraph', 'Fish & chips & café © 😀 &nope;']]],
    ['hard breaks are line breaks', 'a  \nb\\\nc\n', [['paragraph', 'a\nb\nc']]],
    ['CRLF line endings', 'one\r\ntwo\r\n\r\n> q\r\n> r\r\n', [['paragraph', 'one\ntwo'], ['blockquote', 'q\nr']]],
    ['BOM before front matter', '\uFEFF---\ntitle: T\n---\n# H &amp; I\n', [['front-matter', 'T'], ['heading', 'H & I']]],
    ['template tags are masked', 'Use {{< ref "utilize" >}} now {% raw %} ok\n', [['paragraph', `Use ${S} now ${S} ok`]]],
    ['thematic breaks and blank docs', '***\n\n---\n', []],
    [
      'MDX: ESM, expressions, JSX tags and attributes are not prose; copy props (title, alt, label, description, caption) are',
      'import X from "y"\nexport const m = {a: "utilize"}\n\n# Hi {props.name}\n\n<Callout kind="utilize" title="Read this">\n  The **best** thing {/* note */}\n</Callout>\n\ntext <b>bold</b> end <Br />\n',
      [['heading', `Hi ${S}`], ['attribute', 'Read this'], ['paragraph', `The best thing ${S}`], ['paragraph', `text ${S}bold${S} end ${S}`]],
      true,
    ],
    ['MDX that does not parse: what MDX cannot read is skipped, the rest is read as MDX', '<!-- a comment -->\n\nHello {world\n', [['paragraph', `Hello ${S}world`]], true],
    ['…and its {/* comments */} stay out of the prose', 'Hi <3 {/* utilize */} there\n', [['paragraph', `Hi ${S}3 ${S} there`]], true],
  ];
  it.each(cases)('%s', (_name, source, expected, mdx) => {
    expect(texts(parse(source, mdx))).toEqual(expected);
  });

  it('maps each char exactly: a finding over inline markup covers the markup in the source', () => {
    const doc = parse('The **best**-in-class tool, caf&eacute; \\*ok\\*\n> quoted\n> line two\n');
    expect(span(doc, 'best-in-class')).toBe('best**-in-class');
    expect(span(doc, 'café')).toBe('caf&');
    expect(span(doc, 'café *ok')).toBe('caf&eacute; \\*ok');
    const doc2 = parse('> quoted\n> line two\n');
    expect(span(doc2, 'quoted\nline')).toBe('quoted\n> line');
    // Every run of consecutive offsets over verbatim chars slices back to the same text.
    let runs = 0;
    for (const d of [doc, doc2])
      for (const b of d.blocks) {
        const verbatim = (k: number) => d.source[b.map[k]!] === b.text[k];
        for (let a = 0, k = 1; k <= b.text.length; k++)
          if (k === b.text.length || b.map[k] !== b.map[k - 1]! + 1 || verbatim(k) !== verbatim(a)) {
            if (verbatim(a)) {
              expect(d.source.slice(b.map[a]!, b.map[k - 1]! + 1)).toBe(b.text.slice(a, k));
              runs++;
            }
            a = k;
          }
      }
    expect(runs).toBeGreaterThan(6);
  });

  it('maps a CRLF line break to its \\n and BOM-shifted offsets exactly', () => {
    const src = '\uFEFFone\r\ntwo\n';
    const [b] = parse(src).blocks;
    expect(b!.text).toBe('one\ntwo');
    expect([...b!.map]).toEqual([1, 2, 3, 5, 6, 7, 8]);
  });

  it('front-matter fields map to their value offsets, inside quotes and escapes', () => {
    const src = '---\ntitle: "Caf\\u00e9 \\"best\\""\ndescription: |\n  Line one\n  line two\n---\n';
    const doc = parse(src);
    const [title, desc] = doc.blocks;
    expect(title).toMatchObject({ kind: 'front-matter', field: 'title', text: 'Café "best"' });
    expect(title!.map[0]).toBe(src.indexOf('Caf'));
    // An escape maps to its backslash: é to `\u00e9`, each " to its `\"`.
    expect(src.slice(title!.map[3]!, title!.map[4]!)).toBe('\\u00e9');
    expect(src.slice(title!.map[5]!, title!.map[10]! + 2)).toBe('\\"best\\"');
    expect(desc).toMatchObject({ field: 'description', text: 'Line one\nline two' });
    expect(doc.frontMatter).toEqual({ title: 'Café "best"', description: 'Line one\nline two\n' });
  });

  it('marks links, footnotes, code, HTML and URLs where they are', () => {
    const doc = parse('The [fastest](https://bench.example) tool[^1], `x` <i>y</i> https://a.example me@b.example\n\n[^1]: n\n');
    const b = doc.blocks[0]!;
    expect(b.text).toBe(`The fastest tool${S}, ${S} ${S}y${S} ${S} ${S}`);
    const marks = b.marks.map((m) => `${m.kind}@${m.at}`);
    expect(marks).toEqual(['link@11', 'footnote@16', 'code@19', 'html@21', 'html@23', 'url@25', 'link@26', 'url@27']);
    // A separator maps to where its content starts.
    expect(doc.source[b.map[16]!]).toBe('[');
    expect(doc.source.slice(b.map[25]!, b.map[25]! + 8)).toBe('https://');
  });
});

describe('parseMarkdown: the location fixtures', () => {
  for (const file of ['locations.md', 'locations.mdx']) {
    it(`${file}: every ProseNN marker is prose at its exact offset; "utilize" never is`, () => {
      const source = readFileSync(path.join(here, '../../test/fixtures/markdown', file), 'utf8');
      const doc = parse(source, file.endsWith('.mdx'));
      const expected = [...source.matchAll(/Prose\d\d/g)].map((m) => [m[0], m.index]);
      const found: Array<[string, number]> = [];
      for (const b of doc.blocks) for (const m of b.text.matchAll(/Prose\d\d/g)) found.push([m[0], b.map[m.index]!]);
      found.sort((x, y) => x[1] - y[1]);
      expect(found).toEqual(expected);
      expect(source).toMatch(/utilize/);
      for (const b of doc.blocks) expect(b.text).not.toMatch(/utilize/i);
    });
  }
});

/**
 * A parse as text a reviewer can read: each block's kind, text (JSON), source offsets (runs of
 * consecutive offsets `a-b`), marks, then the directives and front matter.
 */
function dump(doc: ProseDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    const runs: string[] = [];
    for (let k = 0; k < b.map.length; ) {
      let e = k;
      while (e + 1 < b.map.length && b.map[e + 1] === b.map[e]! + 1) e++;
      runs.push(e === k ? `${b.map[k]}` : `${b.map[k]}-${b.map[e]}`);
      k = e + 1;
    }
    out.push(`${b.kind}${b.depth !== undefined ? ` ${b.depth}` : ''}${b.field ? ` ${b.field}` : ''} ${JSON.stringify(b.text)}`);
    out.push(`  map ${runs.join(' ')}`);
    if (b.marks.length) out.push(`  marks ${b.marks.map((m) => `${m.kind}@${m.at}`).join(' ')}`);
  }
  for (const d of doc.directives) out.push(`directive ${JSON.stringify(d)}`);
  if (doc.frontMatter !== undefined) out.push(`front matter ${JSON.stringify(doc.frontMatter)}`);
  return out.join('\n') + '\n';
}

// The Markdown front end's behaviour, pinned: each fixture's blocks, offsets, marks and directives
// (LF, CRLF, and after a BOM) are checked against the .blocks.txt beside it. A change in how
// Markdown is read shows here as a diff to review (`npx vitest run -u` rewrites the files).
describe('parseMarkdown: the front-end fixtures (test/fixtures/markdown/front-end)', () => {
  const dir = path.join(here, '../../test/fixtures/markdown/front-end');
  for (const file of readdirSync(dir).filter((f) => /\.mdx?$/.test(f))) {
    it(file, async () => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const mdx = file.endsWith('.mdx');
      const parts = [['LF', source], ['CRLF', source.replace(/\n/g, '\r\n')], ['BOM', '\uFEFF' + source]] as const;
      const text = parts.map(([name, s]) => `## ${name}\n${dump(parse(s, mdx))}`).join('\n');
      await expect(text).toMatchFileSnapshot(path.join(dir, `${file}.blocks.txt`));
    });
  }

  // Small documents where CommonMark and GFM readers are known to differ: each pinned as read today.
  const cases: Array<[string, ...string[]]> = [
    ['a reference to nothing is text; one to a definition is a link', '[T] and [atomic.Pointer[T]](/pkg) and [def] and [x][def] and [x][nope]\n\n[def]: /u\n'],
    ['footnote calls only when defined, never taking what follows', 'a[^1][^2] b![^1] c[^3] d[^1](x)\n\n[^1]: one\n    more\n[^2]: two\n'],
    ['front matter (YAML and TOML) is no prose; its title and description are', '---\ntitle: We utilize\ndescription: x\n---\n\n# Hi\n', '+++\ntitle = "x"\n+++\nText\n'],
    ['single and double tilde strikethrough', 'a ~one~ b ~~two~~ c ~~~three~~~ d\n'],
    ['literal autolinks', 'see http://localhost:10000 and "https://gitpod.io/#" or www.x.com). a@b.co_ _a@b.example_ [https://x.y ok\n'],
    ['entities and escapes decode; bogus entities stay', 'A &amp; B &bogus; &#0; &#x1F600; \\* \\_ &#12345678;\n'],
    ['hard breaks, trailing blanks and tabs', 'a  \nb\\\nc \t \nd\t  \ne   \n'],
    ['containers: quotes, lists, lazy lines, tasks, tables', '> a\n> b\nlazy\n\n- [ ] task\n- [x] done\n  more\n\n| a | b |\n| - | - |\n| c \\| d | e |\n'],
    ['an ordered list after indented code', '\tcode\n\n2. _Deferred_ x\n'],
    ['HTML, comments and directives', '<!-- brandlint-disable banned -->\nWe <b>utilize</b> it <!-- x -->\n\n<div>\nblock\n</div>\n'],
    ['an unclosed front-matter fence: no containers after it', '---\nx\n\n- b\n\n> c\n', '---\n\n>\n'],
    ['lazy lines: an empty item or a tag line starts a block; a delimiter row stays text', '> a\n-\n', '- G\n<b>\n', '>.\n-|\n'],
    ['interrupting: nested empty items, 10., empty items in containers', 'x\n- -\n', 'x\n> -\n', 'a\n10. b\n', 'a\n11. b\n', 'a\n1. b\n', '* a\n  -\n', '- 1. a\n- 2. b\n'],
    ['tables: no pipe in the header, a rule or === under it', 'the\n| --- |\n===\n', 'a\n:---\n', '.\n-|\n---\n'],
    ['emphasis next to a tilde, and the rule of three on what is left of a run', 'a*~*\n', '**~**i\n', '**a*b*&\n'],
    ['NUL and lone CR', 'a\0b\n', 'one\rtwo\r\rthree\n'],
  ];
  it('small documents where Markdown readers differ', async () => {
    const out: string[] = [];
    for (const [name, ...sources] of cases) {
      for (const s of sources) {
        for (const [variant, v] of [['LF', s], ['CRLF', s.replace(/\n/g, '\r\n')], ['BOM', '\uFEFF' + s]] as const) {
          out.push(`## ${name} (${variant}) ${JSON.stringify(v)}\n${dump(parse(v))}`);
        }
      }
    }
    await expect(out.join('\n')).toMatchFileSnapshot(path.join(dir, 'small-cases.blocks.txt'));
  });
});

describe('parseMarkdown: directives', () => {
  it('reads HTML comments, never from code', () => {
    const src =
      '<!-- brandlint-disable banned -- legal copy -->\n\nText <!-- brandlint-disable-next-line claim --> here\n\n```\n<!-- brandlint-disable -->\n```\n\n`<!-- brandlint-enable -->`\n\n<!-- brandlint-enable -->\n';
    const { directives } = parse(src);
    expect(directives.map((d) => [d.kind, d.rules, d.reason])).toEqual([
      ['disable', ['banned'], 'legal copy'],
      ['disable-next-line', ['claim'], undefined],
      ['enable', [], undefined],
    ]);
    expect(src.slice(directives[0]!.start, directives[0]!.end)).toBe('<!-- brandlint-disable banned -- legal copy -->');
  });

  it('reads MDX comments in an .mdx that had to be read as Markdown', () => {
    const src = '<!-- brandlint-disable term -->\n\nA <3 b {/* brandlint-disable-next-line claim */}\n\n```\n{/* brandlint-enable */}\n```\n';
    const { directives } = parse(src, true);
    expect(directives.map((d) => [d.kind, d.rules, src.slice(d.start, d.end)])).toEqual([
      ['disable', ['term'], '<!-- brandlint-disable term -->'],
      ['disable-next-line', ['claim'], '{/* brandlint-disable-next-line claim */}'],
    ]);
  });

  it('reads MDX comments {/* … */}', () => {
    const src = '{/* brandlint-disable-next-line claim */}\nBest ever {/* brandlint-enable */}\n\n{/* not a directive */}\n';
    const { directives } = parse(src, true);
    expect(directives.map((d) => [d.kind, d.rules, src.slice(d.start, d.end)])).toEqual([
      ['disable-next-line', ['claim'], '{/* brandlint-disable-next-line claim */}'],
      ['enable', [], '{/* brandlint-enable */}'],
    ]);
  });
});

describe('parseMarkdown: odd input never crashes', () => {
  // (Large pathological inputs, slow in remark and in the test's own remark-based oracle, are in
  // test/parse/markdown-hostile-input.test.ts.)
  const odd = ['', '\uFEFF', '---', '---\n', '---\n---', '> ', '[', '![', '<', '{', '\\', '&', '&#;', '\r', '\r\r\n', '\u0000', '\uD800'];
  it.each(odd.map((s) => [JSON.stringify(s).slice(0, 40), s]))('%s', (_n, s) => {
    for (const mdx of [false, true]) {
      const doc = read(s, 'odd.md', mdx);
      expect(proseProblems(doc, forbiddenRanges(s, { mdx }))).toEqual([]);
    }
  });

  it('finds a positionless autolink after the same address written as plain text', () => {
    // Found by the property below: "wordhttps://…" is no autolink, the second address is.
    const s = 'wordhttps://x.example[https://x.example';
    expect(proseProblems(parseMarkdown(s, 'a.md'), forbiddenRanges(s, { mdx: false }))).toEqual([]);
  });

  it('holds the invariants on random Markdown-ish text', () => {
    const piece = fc.constantFrom(
      'word', ' ', '\n', '\r\n', '\n\n', '  \n', '\\\n', '*', '**', '_', '~~', '`', '``', '[', ']', '(', ')', '![', '<', '>', '> ',
      '- ', '1. ', '# ', '|', '---', '\\*', '\\', '&amp;', '&#64;', '&copy', '{{', '}}', '{', '}', 'https://x.example', 'a@b.example',
      '[^1]', '[^1]: ', '<b>', '</b>', '<!-- brandlint-disable -->', '    ', '\t', 'é', '😀', '\u00a0', '```', '~~~', '===', ':', '"',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.boolean(), (parts, mdx) => {
        const s = parts.join('');
        const doc = read(s, 'fuzz.md', mdx);
        const problems = proseProblems(doc, forbiddenRanges(s, { mdx }));
        if (problems.length) throw new Error(`${JSON.stringify(s)}\n${problems.join('\n')}`);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('readFrontMatter (shared with the email and social parsers)', () => {
  it('finds the block, the body and each scalar value at its exact offsets', () => {
    const src = '\uFEFF---\r\ntitle: Hello there # a comment\r\nsubject: "Save 20% \\"today\\""\r\nn: 12\r\nlist: [a, b]\r\n---\r\nBody\r\n';
    const fm = readFrontMatter(src)!;
    expect(fm.start).toBe(1);
    expect(src.slice(fm.end - 3, fm.end)).toBe('---');
    expect(src.slice(fm.bodyStart)).toBe('Body\r\n');
    expect(fm.data).toEqual({ title: 'Hello there', subject: 'Save 20% "today"', n: 12, list: ['a', 'b'] });
    const at = (k: string) => {
      const f = fm.fields.get(k)!;
      return [src.slice(f.start, f.end), f.value, f.style];
    };
    expect(at('title')).toEqual(['Hello there', 'Hello there', 'PLAIN']);
    expect(at('subject')).toEqual(['Save 20% \\"today\\"', 'Save 20% "today"', 'QUOTE_DOUBLE']);
    expect(at('n')).toEqual(['12', '12', 'PLAIN']);
    expect(fm.fields.has('list')).toBe(false);
    const t = fieldText(src, fm.fields.get('subject')!);
    expect(t.text).toBe('Save 20% "today"');
    expect(src[t.map[9]!]).toBe('\\');
  });

  it('is only front matter at the very start, closed by its own fence', () => {
    expect(readFrontMatter('text\n---\ntitle: x\n---\n')).toBeUndefined();
    expect(readFrontMatter(' ---\ntitle: x\n---\n')).toBeUndefined();
    expect(readFrontMatter('---\ntitle: x\n')).toBeUndefined();
    expect(readFrontMatter('---\ntitle: x\n----\n')).toBeUndefined();
    expect(readFrontMatter('---\n---\nBody')).toMatchObject({ start: 0, end: 7, bodyStart: 8, data: {} });
    expect(readFrontMatter('---  \ntitle: x\n---  ')).toMatchObject({ bodyStart: 20, data: { title: 'x' } });
  });

  it('never throws on broken YAML', () => {
    for (const src of ['---\ntitle: [unclosed\n---\n', '---\n: : :\n---\n', '---\n- a\n- b\n---\n', '---\n*alias\n---\n', '---\ntitle: "x\n---\n'])
      expect(() => readFrontMatter(src)).not.toThrow();
    expect(readFrontMatter('---\n- a\n---\n')!.data).toEqual({});
  });
});

describe('the oracles themselves catch broken maps', () => {
  const src = 'A [link](https://u.example) &amp; `code` text\n';
  const fresh = () => parseMarkdown(src, 'x.md');
  const forbidden = forbiddenRanges(src, { mdx: false });

  it('forbiddenRanges covers the destination, the code span and nothing of the prose', () => {
    expect(forbidden.map(([a, b]) => src.slice(a, b))).toEqual(['(https://u.example)', '`code`']);
    expect(proseProblems(fresh(), forbidden)).toEqual([]);
  });

  it('flags a char mapped to the wrong source char, a map that goes back, and a char mapped into a URL', () => {
    const shifted = fresh();
    shifted.blocks[0]!.map[0]! += 1;
    expect(proseProblems(shifted, forbidden).join()).toMatch(/maps to source/);
    const back = fresh();
    back.blocks[0]!.map[3] = back.blocks[0]!.map[1]!;
    expect(proseProblems(back, forbidden).join()).toMatch(/not increasing/);
    const intoUrl = fresh();
    const b = intoUrl.blocks[0]!;
    // The last char of "link" moved onto the 'h' of its destination (text and map still agree).
    const i = b.text.indexOf('k');
    b.text = b.text.slice(0, i) + 'h' + b.text.slice(i + 1);
    b.map[i] = src.indexOf('https');
    expect(proseProblems(intoUrl, forbidden).join()).toMatch(/inside non-prose/);
  });
});
