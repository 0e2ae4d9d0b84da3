// The Markdown front end (lezer: rules/parse/markdown.ts and markdown-syntax.ts) compared with remark
// (micromark) reading the same Markdown (test/helpers/remark-markdown.ts): the same blocks (kind,
// text, map, marks), directives and front matter, on small documents where the two are known to
// differ, on random Markdown-ish documents and, where the shared corpus is present, on every Markdown
// file of it with LF and with CRLF line endings. The front end's own behaviour is pinned without
// remark by test/fixtures/markdown/front-end. Timings are never asserted here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMarkdown } from '../../rules/parse/markdown.js';
import type { ProseDocument } from '../../rules/types.js';
import { documentArb, FORMATS, mutatedArb, RUNS, seedsFor } from '../fuzz/core.js';
import { micromarkQuirk } from '../helpers/micromark-quirks.js';
import { rawHtmlRanges, remarkMarkdown } from '../helpers/remark-markdown.js';

import { CORPUS, present } from '../helpers/corpus.js';

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(md|markdown)$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

/**
 * Everything a parse hands to the rules, as comparable data. Quotations that raw HTML holds (a
 * <blockquote> closed in a later HTML block, a box after an attribution) are the front end's own:
 * remark's reader leaves raw HTML unread, so in a file with raw HTML regions are not compared.
 */
function parsed(doc: ProseDocument, html = rawHtmlRanges(doc.source).length > 0): unknown {
  return {
    blocks: doc.blocks.map((b) => ({ ...b, map: Array.from(b.map), ...(html ? { regions: undefined } : {}) })),
    directives: doc.directives,
    frontMatter: doc.frontMatter,
  };
}

/**
 * The Markdown front end also reads the text of raw HTML (as HTML email is read); remark's reader
 * leaves it out or marks it inline. Compared: the blocks that touch no HTML, which both read alike.
 */
function withoutHtml(doc: ProseDocument, html: Array<[number, number]>): ProseDocument {
  if (html.length === 0) return doc;
  const touches = (b: ProseDocument['blocks'][number]) => b.map.length > 0 && html.some(([s, e]) => b.map[0]! < e && b.map[b.map.length - 1]! >= s);
  return { ...doc, blocks: doc.blocks.filter((b) => !touches(b)) };
}
function markdownBlocks(source: string, file: string): ProseDocument {
  return withoutHtml(parseMarkdown(source, file), rawHtmlRanges(source));
}
function remarkBlocks(source: string, file: string): ProseDocument {
  return withoutHtml(remarkMarkdown(source, file), rawHtmlRanges(source));
}

function same(source: string, file = 'a.md'): void {
  const fast = markdownBlocks(source, file);
  const ref = remarkBlocks(source, file);
  expect(parsed(fast)).toEqual(parsed(ref));
}

/** First difference between the two parses of a file, in a few words (for a readable failure). */
function firstDifference(source: string, file: string): string | undefined {
  const a = markdownBlocks(source, file);
  const b = remarkBlocks(source, file);
  if (JSON.stringify(a.directives) !== JSON.stringify(b.directives)) return `${file}: directives differ`;
  const html = rawHtmlRanges(source).length > 0;
  const n = Math.max(a.blocks.length, b.blocks.length);
  for (let i = 0; i < n; i++) {
    const x = a.blocks[i];
    const y = b.blocks[i];
    const sx = x && JSON.stringify(parsed({ ...a, blocks: [x] }, html));
    const sy = y && JSON.stringify(parsed({ ...b, blocks: [y] }, html));
    if (sx !== sy) return `${file}: block ${i} differs\n  lezer:  ${x ? JSON.stringify(x.text).slice(0, 200) : '(none)'}\n  remark: ${y ? JSON.stringify(y.text).slice(0, 200) : '(none)'}`;
  }
  return undefined;
}

describe('lezer front end: small cases where lezer and micromark read Markdown differently', () => {
  it.each([
    ['a reference to nothing is text; one to a definition is a link', '[T] and [atomic.Pointer[T]](/pkg) and [def] and [x][def] and [x][nope]\n\n[def]: /u\n'],
    ['footnote calls only when defined, never taking what follows', 'a[^1][^2] b![^1] c[^3] d[^1](x)\n\n[^1]: one\n    more\n[^2]: two\n'],
    ['front matter (YAML and TOML) is no prose; its title and description are', '---\ntitle: We utilize\ndescription: x\n---\n\n# Hi\n', '+++\ntitle = "x"\n+++\nText\n'],
    ['single and double tilde strikethrough', 'a ~one~ b ~~two~~ c ~~~three~~~ d\n'],
    ['literal autolinks end where micromark ends them', 'see http://localhost:10000 and "https://gitpod.io/#" or www.x.com). a@b.co_ _a@b.example_ [https://x.y ok\n'],
    ['entities and escapes decode; bogus entities stay', 'A &amp; B &bogus; &#0; &#x1F600; \\* \\_ &#12345678;\n'],
    ['hard breaks, trailing blanks and tabs', 'a  \nb\\\nc \t \nd\t  \ne   \n'],
    ['containers: quotes, lists, lazy lines, tasks, tables', '> a\n> b\nlazy\n\n- [ ] task\n- [x] done\n  more\n\n| a | b |\n| - | - |\n| c \\| d | e |\n'],
    ['an ordered list after indented code (micromark reads a paragraph)', '\tcode\n\n2. _Deferred_ x\n'],
    ['HTML, comments and directives', '<!-- brandlint-disable banned -->\nWe <b>utilize</b> it <!-- x -->\n\n<div>\nblock\n</div>\n'],
    ['an unclosed front-matter fence: no containers after it (micromark)', '---\nx\n\n- b\n\n> c\n', '---\n\n>\n'],
    ['lazy lines: an empty item or a tag line starts a block; a delimiter row stays text', '> a\n-\n', '- G\n<b>\n', '>.\n-|\n'],
    ['interrupting: nested empty items, 10., empty items in containers', 'x\n- -\n', 'x\n> -\n', 'a\n10. b\n', 'a\n11. b\n', 'a\n1. b\n', '* a\n  -\n', '- 1. a\n- 2. b\n'],
    ['tables: no pipe in the header, a rule or === under it', 'the\n| --- |\n===\n', 'a\n:---\n', '.\n-|\n---\n'],
    ['emphasis next to a tilde, and the rule of three on what is left of a run', 'a*~*\n', '**~**i\n', '**a*b*&\n'],
  ])('%s', (_name, ...sources) => {
    for (const s of sources as string[]) {
      same(s);
      same(s.replace(/\n/g, '\r\n'));
      same('\uFEFF' + s);
    }
  });
});

describe.skipIf(!present)('lezer front end: every Markdown file of ../shared/corpus gives the blocks remark gives', () => {
  const files = present ? walk(CORPUS) : [];
  for (const set of present ? readdirSync(CORPUS).filter((d) => existsSync(path.join(CORPUS, d)) && !d.includes('.')) : []) {
    const mine = files.filter((f) => f.startsWith(path.join(CORPUS, set) + path.sep));
    if (mine.length === 0) continue;
    it(`${set}: ${mine.length} files, LF and CRLF`, () => {
      const problems: string[] = [];
      for (const f of mine) {
        const src = readFileSync(f, 'utf8');
        const rel = path.relative(CORPUS, f);
        const lf = firstDifference(src, rel);
        if (lf) problems.push(lf);
        const crlf = firstDifference(src.replace(/\r?\n/g, '\r\n'), `${rel} (CRLF)`);
        if (crlf) problems.push(crlf);
      }
      expect(problems).toEqual([]);
    }, 600_000);
  }
});
if (!present) describe.skip('lezer front end on the corpus: ../shared/corpus is absent (a clone without the shared corpus)', () => it('skipped', () => {}));

describe('lezer front end: random Markdown-ish documents give the blocks remark gives', () => {
  const md = FORMATS.find((f) => f.name === 'markdown')!;
  it('random documents', () => {
    fc.assert(
      fc.property(documentArb(md), (s) => {
        // (A few micromark quirks are not reproduced: see test/helpers/micromark-quirks.ts.)
        fc.pre(micromarkQuirk(s) === undefined);
        same(s);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
  const seeds = seedsFor(md, 20);
  it.skipIf(seeds.length === 0)('corpus files with random edits', () => {
    fc.assert(
      fc.property(mutatedArb(md, seeds), (s) => {
        fc.pre(micromarkQuirk(s) === undefined);
        same(s);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  }, 600_000);
});
