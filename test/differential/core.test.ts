// Differential tests for the core's fast paths: every fast path must give exactly what the
// reference path gives. Timings are never asserted here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { joinLongRuns } from '../../rules/parse/long-runs.js';
import { parseMdx } from '../../rules/parse/mdx.js';
import { remarkMarkdown } from '../helpers/remark-markdown.js';
import fc from 'fast-check';
import { LineIndex, lintDocument, loadGuide, suppress, type Directive, type Finding, type ProseDocument } from '../../rules/index.js';
import { CORPUS, present, ROOT, walk } from '../helpers/corpus.js';

const MARKDOWN = /\.(md|markdown|mdx)$/i;

/** A document as micromark reads it (MDX, or Markdown as the oracle does), runs of `longRun` plain lines joined. */
const viaRemark = (source: string, file: string, mdx: boolean, longRun?: number): ProseDocument => (mdx ? parseMdx(source, file, { longRun }) : remarkMarkdown(source, file, longRun));


/** Everything a parse hands to the rules, as comparable data. */
function parsed(doc: ProseDocument): unknown {
  return { blocks: doc.blocks.map((b) => ({ ...b, map: Array.from(b.map) })), directives: doc.directives };
}

const sampleGuide = () => {
  const r = loadGuide(path.join(ROOT, 'samples/brand.yaml'));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.guide;
};

describe('micromark (MDX, and remark reading Markdown): long runs of lines joined give the same prose', () => {
  // Joining every run (longRun 1) instead of only pathological ones exercises the fast path on
  // every paragraph of the input.
  const doc = [
    '---',
    'title: We utilize synergy',
    'description: plain line',
    '---',
    '',
    'We utilize the best',
    'synergy in the world',
    'and e-mail it to Git',
    'Hub users.',
    '',
    'A hard break here  ',
    'and a backslash one\\',
    'then plain text again',
    'with a [link that',
    'spans lines](https://example.com) and `code',
    'across lines` too.',
    '',
    'Header a | Header b',
    '--- | ---',
    'cell we utilize | cell two',
    'next row | more',
    '',
    'Intro line',
    '<!-- brandlint-disable banned -->',
    'We utilize this',
    'freely here.',
    '<!-- brandlint-enable -->',
    '',
    '> Quote we utilize',
    'lazy line one',
    'lazy line two',
    '',
    '- item one',
    'lazy item text',
    'with leverage',
    '',
    'Setext title',
    'continues here',
    '===',
    '',
    '```',
    'code line one',
    'code line two utilize',
    '```',
    '',
    '<div>',
    'html block line',
    'another html line',
    '</div>',
    '',
    'Image ![alt that',
    'spans lines](x.png) ends.',
    'Last line without newline',
  ].join('\n');

  for (const eol of ['\n', '\r\n', '\r']) {
    it(`gives the same blocks, directives and findings (line endings ${JSON.stringify(eol)})`, () => {
      const source = doc.replace(/\n/g, eol);
      const joined = joinLongRuns(source, 1);
      expect(joined?.text.length).toBe(source.length);
      // Something was joined (so the comparison is not vacuous), and never inside the front matter.
      const blanked = [...joined!.at.keys()].filter((i) => joined!.at[i] === 1);
      expect(blanked.length).toBeGreaterThan(10);
      expect(Math.min(...blanked)).toBeGreaterThan(source.indexOf('---', 3));
      const ref = viaRemark(source, 'a.md', false, Infinity);
      const fast = viaRemark(source, 'a.md', false, 1);
      expect(parsed(fast)).toEqual(parsed(ref));
      const guide = sampleGuide();
      const findings = lintDocument(ref, guide);
      expect(findings.length).toBeGreaterThan(5);
      expect(lintDocument(fast, guide)).toEqual(findings);
    });
  }

  it('a pathological paragraph (3,000 lines) is joined with the default threshold and lints the same', () => {
    const source = 'We utilize space.\n'.repeat(3000);
    expect(joinLongRuns(source, 200)).toBeDefined();
    const guide = sampleGuide();
    const ref = lintDocument(viaRemark(source, 'a.md', false, Infinity), guide);
    const fast = lintDocument(viaRemark(source, 'a.md', false), guide);
    expect(ref).toHaveLength(3000);
    expect(fast).toEqual(ref);
  });

  it('short runs are left alone', () => {
    expect(joinLongRuns('We utilize\nspace.\n', 200)).toBeUndefined();
    expect(joinLongRuns('x\n'.repeat(1000).replace(/x/g, '- x'), 1)).toBeUndefined();
  });

  describe.skipIf(!present)(present ? 'on the corpus' : 'on the corpus (skipped: ../shared/corpus is absent)', () => {
    it('every Markdown file of the corpus: same blocks and directives with every run joined', () => {
      const files = [...walk(path.join(CORPUS, 'marketing-copy'), MARKDOWN), ...walk(path.join(CORPUS, 'social-posts'), MARKDOWN), ...walk(path.join(CORPUS, 'peer-tests'), MARKDOWN)];
      expect(files.length).toBeGreaterThan(900);
      let joinedFiles = 0;
      const differ: string[] = [];
      files.forEach((file, i) => {
        const mdx = file.toLowerCase().endsWith('.mdx');
        // Every tenth file also with CRLF line endings.
        const variants = [readFileSync(file, 'utf8')];
        if (i % 10 === 0) variants.push(variants[0]!.replace(/\r?\n/g, '\r\n'));
        for (const source of variants) {
          if (joinLongRuns(source, 1)) joinedFiles++;
          const ref = viaRemark(source, file, mdx, Infinity);
          const fast = viaRemark(source, file, mdx, 1);
          if (JSON.stringify(parsed(fast)) !== JSON.stringify(parsed(ref))) differ.push(path.relative(CORPUS, file));
        }
      });
      expect(joinedFiles).toBeGreaterThan(500);
      expect(differ).toEqual([]);
    }, 300_000);
  });
});

// The linear suppress() against the reference it replaced (every directive tested per finding).

function referenceSuppress(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  const ordered = [...directives].sort((a, b) => a.start - b.start);
  const covers = (d: Directive, rule: string) => d.rules.length === 0 || d.rules.includes(rule);
  return findings.filter((f) => {
    const line0 = f.line - 1;
    let disabled = false;
    for (const d of ordered) {
      if (d.kind === 'disable-next-line') {
        if (lines.lineOf(d.end) + 1 === line0 && covers(d, f.rule)) return false;
        continue;
      }
      if (d.kind === 'disable-line') {
        if (lines.lineOf(d.start) === line0 && covers(d, f.rule)) return false;
        continue;
      }
      if (d.start > f.start) continue;
      if (d.kind === 'disable' && covers(d, f.rule)) disabled = true;
      else if (d.kind === 'enable' && covers(d, f.rule)) disabled = false;
    }
    return !disabled;
  });
}

describe('suppress: one sweep gives what testing every directive per finding gave', () => {
  const source = Array.from({ length: 40 }, (_, i) => `line ${i} with some words`).join('\n');
  const lines = new LineIndex(source);
  const rule = fc.constantFrom('banned', 'term', 'claim', 'wordy');
  const directive = fc.record({
    kind: fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-line') as fc.Arbitrary<Directive['kind']>,
    rules: fc.array(rule, { maxLength: 2 }),
    start: fc.nat({ max: source.length - 1 }),
    len: fc.integer({ min: 1, max: 60 }),
  }).map(({ len, ...d }) => ({ ...d, end: Math.min(source.length, d.start + len) }));
  const finding = fc.record({ rule, start: fc.nat({ max: source.length - 1 }), len: fc.integer({ min: 1, max: 10 }) }).map(({ rule, start, len }) => {
    const end = Math.min(source.length, start + len);
    const s = lines.position(start);
    const e = lines.position(end);
    return { rule, level: 'warning', message: '', start, end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, text: source.slice(start, end), suggestions: [], fixes: [] } as Finding;
  });

  it('on random directives and findings', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), fc.array(directive, { maxLength: 12 }), (findings, directives) => {
        expect(suppress(findings, directives, lines)).toEqual(referenceSuppress(findings, directives, lines));
      }),
      { numRuns: 3000 },
    );
  });
});

// The guide schema validator generated at build time (ajv standalone code, schema/build-validator.mjs)
// against ajv compiling the JSON schema at run time: the same problems, messages and places.
describe('guide schema: the build-time validator reports what a run-time compile reports', () => {
  const guides: Array<{ name: string; file: string; text: string }> = [];
  const yamlFiles = ['samples', 'packs', 'bench', 'test/fixtures']
    .flatMap((d) => (existsSync(path.join(ROOT, d)) ? readdirSync(path.join(ROOT, d), { recursive: true, encoding: 'utf8' }).map((f) => path.join(ROOT, d, f)) : []))
    .filter((f) => /\.ya?ml$/.test(f) && !f.includes('node_modules'))
    .sort();
  // Mistakes a brand owner makes, each applied to the sample guide.
  const sample = readFileSync(path.join(ROOT, 'samples/brand.yaml'), 'utf8');
  const mutations: Array<[string, (s: string) => string]> = [
    ['unknown top-level key', (s) => s + '\nbrnad: Acme\n'],
    ['unknown entry key', (s) => s.replace('  - use: GitHub', '  - use: GitHub\n    nto: [Git Hub]')],
    ['missing use', (s) => s.replace('  - use: JavaScript', '  - not: [Javascript]')],
    ['bare string entry', (s) => s.replace('  - use: JavaScript', '  - JavaScript')],
    ['wrong level', (s) => s.replace('level: info', 'level: loud')],
    ['wrong type', (s) => s.replace('exclamations: { max: 1 }', 'exclamations: { max: many }')],
    ['tone enum', (s) => s.replace('contractions: prefer', 'contractions: sometimes')],
    ['phrase and pattern missing', (s) => s.replace('  - phrase: reach out\n', '  - because: nothing\n')],
    ['list where text', (s) => s.replace('brand: Acme', 'brand: [Acme]')],
    ['empty phrase', (s) => s.replace('phrase: utilize', 'phrase: ""')],
    ['channels typo', (s) => s.replace('subject: { max: 60 }', 'subjet: { max: 60 }')],
    ['needs enum', (s) => s.replace('needs: citation', 'needs: proof')],
    ['overrides files type', (s) => s.replace('files: ["legal/**"]', 'files: 3')],
    ['docs not a link', (s) => s.replace('docs: https://brand.acme.example/voice', 'docs: voice page')],
    ['everything at once', (s) => s.replace('brand: Acme', 'brand: 3\nextra: 1').replace('level: info', 'level: 7').replace('  - use: GitHub', '  - GitHub')],
  ];
  for (const f of yamlFiles) guides.push({ name: path.relative(ROOT, f), file: f, text: readFileSync(f, 'utf8') });
  for (const [name, m] of mutations) guides.push({ name, file: path.join(ROOT, 'samples/brand.yaml'), text: m(sample) });

  it(`${guides.length} guides, valid and broken`, async () => {
    if (!existsSync(path.join(ROOT, 'dist/rules/guide/schema-validator.cjs'))) {
      const { execFileSync } = await import('node:child_process');
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'ignore' });
      execFileSync(process.execPath, [path.join(ROOT, 'schema/build-validator.mjs')], { stdio: 'ignore' });
    }
    const url = (p: string) => pathToFileURL(path.join(ROOT, p)).href;
    const schema = (await import(url('dist/rules/guide/schema.js'))) as typeof import('../../rules/guide/schema.js');
    const core = (await import(url('dist/rules/index.js'))) as typeof import('../../rules/index.js');
    const problems = () => guides.map((g) => core.loadGuide(g.file, { read: (f) => (f === g.file ? g.text : readFileSync(f, 'utf8')) }).problems);
    try {
      schema.validatorSource.use = 'auto';
      schema.resetSchema();
      const built = problems();
      expect(schema.usedStandaloneValidator()).toBe(true);
      schema.validatorSource.use = 'runtime';
      schema.resetSchema();
      const runtime = problems();
      expect(schema.usedStandaloneValidator()).toBe(false);
      expect(built).toEqual(runtime);
      // Not vacuous: every mutation is a problem.
      expect(built.slice(-mutations.length).every((p) => p.length > 0)).toBe(true);
    } finally {
      schema.validatorSource.use = 'auto';
      schema.resetSchema();
    }
  }, 120_000);
});

describe('micromark: joining runs of lines is invisible on random Markdown-ish text', () => {
  it('same blocks and directives with every run joined (fast-check)', () => {
    // Lines of words with Markdown that could change the block structure if joined wrongly.
    const piece = fc.constantFrom(
      'word', 'Word', ' ', '\n', '\r\n', '\r', '\n\n', '  \n', '\\\n', '*', '_', '`', '[', ']', '(', ')', '![', '<', '>', '> ', '- ', '1. ',
      '# ', '|', '---', '===', '```', '~~~', '    ', '\t', '&amp;', '{{', '}}', '{', '}', 'https://x.example', 'www.x.example', 'a@b.example',
      '[^1]', '[^1]: ', '<b>', '</b>', '<!-- brandlint-disable -->', '<!--', '-->', 'import x', 'export y', 'é', '\u00a0', ':', '"', '+++',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.boolean(), (parts, mdx) => {
        const s = parts.join('');
        const ref = viaRemark(s, 'fuzz.md', mdx, Infinity);
        const fast = viaRemark(s, 'fuzz.md', mdx, 1);
        expect(parsed(fast)).toEqual(parsed(ref));
      }),
      { numRuns: 3000 },
    );
  });
});

