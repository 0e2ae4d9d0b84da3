// Reliability through the real CLI process: hostile patterns, hostile guides and odd documents in
// every format end in a clear message and the right exit code, never a crash, a hang or a wrong
// position. (test/cli/cli.test.ts and test/cli/guide-problems.test.ts cover the ordinary cases; these fill the gaps.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTemps, cli, decodedText, ensureBuilt, positionProblems, repo, ROOT, write, type JsonReport, type Run } from '../helpers/hostile.js';

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => cleanTemps());

/** No stack trace, no "internal error", no uncaught exception: the CLI handled it. */
function expectHandled(r: Run, what: string): void {
  expect(r.signal, `${what}: killed (hung?)`).toBeNull();
  expect(r.stderr, what).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$|Uncaught|RangeError|TypeError/m);
}

/** Guide problem lines: `FILE:LINE:COL level message (guide)`. */
function guideLines(out: string): string[] {
  return out.split('\n').filter((l) => /^\S.*:\d+:\d+ (error|warning) .* \(guide\)$/.test(l));
}

const A50K = 'a'.repeat(50_000);

describe('guide patterns run in linear time (CLI)', () => {
  it("'(a+)+$' over 50 KB of \"a\" in Markdown, HTML and a social draft", async () => {
    const dir = repo({
      'brand.yaml': "banned:\n  - pattern: '(a+)+$'\n    because: catastrophic for a backtracking engine\n",
      'a.md': `${A50K}\n`,
      'a.html': `<p>${A50K}</p>\n`,
      'a.txt': `${A50K}\n`,
      'small.md': 'b\n',
    });
    const base = await cli(dir, ['--format', 'json', 'small.md'], { timeout: 60_000 });
    const r = await cli(dir, ['--format', 'json', 'a.md', 'a.html', 'a.txt'], { timeout: 60_000 });
    expectHandled(r, 'pathological pattern');
    expect(base.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    // Each file: the whole run of a's is the one match (RE2 finds it without backtracking).
    for (const f of report.files) {
      expect(f.findings.map((x) => [x.rule, x.text.length]), f.path).toEqual([['banned', 50_000]]);
    }
    // The figure (not asserted: CI machines vary): the run minus a run on a 2-byte file.
    console.log(`(a+)+$ over 3 × 50 KB via the CLI: ${r.ms.toFixed(0)} ms wall, ${(r.ms - base.ms).toFixed(0)} ms more than a 2-byte file`);
  });

  it('look-behind, look-ahead, back-references, atomic groups and possessive quantifiers: guide errors at file:line:col, exit 2', async () => {
    const guide = [
      'brand: Acme',
      'banned:',
      "  - pattern: '(?<=a)b'",
      "  - pattern: '(?<!x)a'",
      "  - pattern: 'a(?=b)'",
      "  - pattern: '(ab)\\1'",
      "  - pattern: '(?P<w>a)\\k<w>'",
      "  - pattern: '(?>ab)'",
      "  - pattern: 'a++'",
      "  - pattern: '[unclosed'",
      '',
    ].join('\n');
    const dir = repo({ 'brand.yaml': guide, 'post.md': 'We utilize it.\n' });
    const r = await cli(dir, ['post.md']);
    expectHandled(r, 'unsupported syntax');
    expect(r.code).toBe(2);
    const lines = guideLines(r.stderr);
    // Each at the construct itself: line of the entry, column of the construct inside the quotes.
    const at = (line: number, construct: string) => `brand.yaml:${line}:${guide.split('\n')[line - 1]!.indexOf(construct) + 1} error`;
    const expected: [number, string, RegExp][] = [
      [3, '(?<=', /look-behind/],
      [4, '(?<!', /look-behind/],
      [5, '(?=', /look-ahead/],
      [6, '\\1', /back-reference/],
      [7, '\\k<', /back-reference/],
      [8, '(?>', /atomic|not supported/],
      [9, "+'", /possessive/], // at the extra +
      [10, '[', /invalid|missing|unclosed|\]/],
    ];
    for (const [line, construct, words] of expected) {
      const l = lines.find((x) => x.startsWith(`brand.yaml:${line}:`));
      expect(l, `line ${line}:\n${r.stderr}`).toBeDefined();
      expect(l!.startsWith(at(line, construct)), `${l} (expected ${at(line, construct)})`).toBe(true);
      expect(l).toMatch(words);
    }
    // Nothing is linted with a guide that does not load.
    expect(r.stdout).toBe('');
  });
});

describe('valid RE2 is accepted (CLI)', () => {
  it('\\p{Greek}+, \\x{e9}+ and \\pL: the braces belong to the escape, a + after them is a quantifier', async () => {
    const guide = [
      'banned:',
      "  - pattern: '\\p{Greek}+'",
      "  - pattern: 'caf\\x{e9}+'",
      "  - pattern: 'z\\pL+z'",
      "  - pattern: '[\\p{Cyrillic}]{3,}+'",
      '',
    ].join('\n');
    const dir = repo({ 'brand.yaml': guide, 'post.md': 'Say αβγ at the café, zabcz.\n' });
    const r = await cli(dir, ['--format', 'json', 'post.md']);
    expectHandled(r, 'RE2 escapes');
    // The last pattern is possessive ({3,}+): still refused, at the extra +.
    expect(guideLines(r.stderr)).toEqual([`brand.yaml:5:${guide.split('\n')[4]!.lastIndexOf('+') + 1} error possessive quantifier }+ is not supported by RE2; drop the extra +, RE2 never backtracks (guide)`]);
    fs.writeFileSync(path.join(dir, 'brand.yaml'), guide.split('\n').slice(0, 4).join('\n') + '\n');
    const ok = await cli(dir, ['--format', 'json', 'post.md']);
    expect(ok.stderr).toBe('');
    const report = JSON.parse(ok.stdout) as JsonReport;
    expect(report.files[0]!.findings.map((f) => f.text)).toEqual(['αβγ', 'café', 'zabcz']);
    const possessive = repo({ 'brand.yaml': "banned:\n  - pattern: '\\p{Greek}++'\n", 'post.md': 'x\n' });
    const p = await cli(possessive, ['post.md']);
    expect(p.code).toBe(2);
    expect(guideLines(p.stderr)).toEqual(['brand.yaml:2:25 error possessive quantifier ++ is not supported by RE2; drop the extra +, RE2 never backtracks (guide)']);
  });
});

describe('hostile guides (CLI): a clear error at file:line:col, exit 2, no crash', () => {
  const post = { 'post.md': 'We utilize it.\n' };
  const cases: { name: string; guide: string | Buffer; expect: RegExp; extra?: Record<string, string> }[] = [
    { name: 'an alias bomb', guide: fs.readFileSync(path.join(ROOT, 'test/fixtures/guides/alias-bomb.yaml')), expect: /^brand\.yaml:2:\d+ error .*alias/ },
    { name: 'a duplicate key', guide: 'brand: A\nbanned: []\nbrand: B\n', expect: /^brand\.yaml:3:1 error duplicate key "brand"/ },
    { name: 'a scalar root', guide: 'just words\n', expect: /^brand\.yaml:1:1 error a guide must be a mapping/ },
    { name: 'a list root', guide: '- utilize\n- leverage\n', expect: /^brand\.yaml:1:1 error a guide must be a mapping/ },
    { name: 'wrong types', guide: 'brand: Acme\nbanned:\n  - phrase: { a: 1 }\n', expect: /^brand\.yaml:3:13 error "phrase" must be/ },
    { name: 'a number out of range', guide: 'tone:\n  sentence-length: { max: 1e400 }\n', expect: /^brand\.yaml:2:\d+ error "max" must be/ },
    { name: 'a missing extends file', guide: 'brand: A\nextends:\n  - ./org/missing.yaml\n', expect: /^brand\.yaml:3:5 error .*missing\.yaml.*not found/ },
    { name: 'extends naming a folder', guide: 'extends: ./org\n', expect: /^brand\.yaml:1:10 error .*folder/, extra: { 'org/x.yaml': 'brand: X\n' } },
    { name: 'extends outside the repository (relative)', guide: 'extends: ../../../../etc/passwd\n', expect: /^brand\.yaml:1:10 error .*outside the repository/ },
    { name: 'extends outside the repository (absolute)', guide: `extends: ${JSON.stringify(path.join(ROOT, 'package.json'))}\n`, expect: /^brand\.yaml:1:10 error .*outside the repository/ },
    {
      name: 'an extends cycle through three files',
      guide: 'extends: ./a.yaml\n',
      extra: { 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: ./brand.yaml\n' },
      expect: /^b\.yaml:1:10 error extends cycle: brand\.yaml → a\.yaml → b\.yaml → brand\.yaml/,
    },
    { name: 'deeply nested flow collections', guide: `banned: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, expect: /^brand\.yaml:\d+:\d+ error / },
    { name: 'deeply nested block mappings', guide: `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`, expect: /^brand\.yaml:\d+:\d+ error / },
    // Each guide is otherwise valid: the bad bytes alone must fail it, at their own line and column.
    { name: 'invalid UTF-8', guide: Buffer.concat([Buffer.from('brand: Acme\nbanned:\n  - phrase: caf'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]), expect: /^brand\.yaml:3:16 error not valid UTF-8 \(byte 0xFF\)/ },
    { name: 'a truncated UTF-8 sequence', guide: Buffer.concat([Buffer.from('brand: Acme\nbanned:\n  - phrase: é'), Buffer.from([0xc3]), Buffer.from(' x\n')]), expect: /^brand\.yaml:3:14 error not valid UTF-8 \(byte 0xC3\)/ },
    { name: 'a NUL byte', guide: 'brand: Acme\nbanned:\n  - phrase: ut\u0000ilize\n', expect: /^brand\.yaml:3:15 error control character NUL is not allowed/ },
    { name: 'UTF-16 (NUL after every letter)', guide: Buffer.from('\ufeffbrand: Acme\n', 'utf16le'), expect: /^brand\.yaml:1:\d+ error (control character NUL|not valid UTF-8)/ },
    { name: 'an escape character', guide: 'brand: "Ac\u001bme"\n', expect: /^brand\.yaml:1:11 error control character U\+001B/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const dir = repo({ 'brand.yaml': c.guide, ...post, ...(c.extra ?? {}) });
      const r = await cli(dir, ['post.md']);
      expectHandled(r, c.name);
      expect(r.code, r.stderr).toBe(2);
      const lines = guideLines(r.stderr);
      expect(lines.some((l) => c.expect.test(l)), `${c.name}:\n${r.stderr}`).toBe(true);
      expect(r.stdout).toBe('');
    });
  }

  // Only regular files within the size limit are read: a FIFO would block forever, /dev/zero and
  // a huge file would fill memory. Each is refused before it is read, at the line that names it.
  it('extends naming a FIFO, a device, or a file over the size limit: an error at the extends line, at once', async () => {
    const dir = repo({
      'brand.yaml': 'brand: Acme\nextends:\n  - ./fifo.yaml\n  - /dev/zero\n  - ./huge.yaml\n  - ./ok.yaml\n',
      'ok.yaml': 'banned:\n  - phrase: utilize\n',
      ...post,
    });
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    // Sparse: 9 MB on paper, nothing on disk; reading it would still cost 9 MB, and a real one GBs.
    fs.truncateSync(write(dir, 'huge.yaml', ''), 9 * 1024 * 1024);
    const r = await cli(dir, ['post.md'], { timeout: 20_000 });
    expectHandled(r, 'special extends');
    expect(r.code).toBe(2);
    const lines = guideLines(r.stderr);
    expect(lines).toContainEqual(expect.stringMatching(/^brand\.yaml:3:5 error cannot read extended guide "\.\/fifo\.yaml" \(fifo\.yaml\): a named pipe \(FIFO\), not a regular file/));
    // /dev/zero is outside the repository: refused for that before anything is opened.
    expect(lines).toContainEqual(expect.stringMatching(/^brand\.yaml:4:5 error extends "\/dev\/zero" points outside the repository/));
    expect(lines).toContainEqual(expect.stringMatching(/^brand\.yaml:5:5 error cannot read extended guide "\.\/huge\.yaml" \(huge\.yaml\): larger than the 8 MB limit \(9 MB\)/));
    expect(lines).toHaveLength(3);
  });

  it('--guide naming a FIFO, /dev/zero or a folder, and a brand.yaml that is a FIFO: a clear error, exit 2, no hang', async () => {
    const dir = repo({ ...post, 'folder.yaml/x': '' });
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    for (const [guide, kind] of [
      ['fifo.yaml', 'a named pipe \\(FIFO\\)'],
      ['/dev/zero', 'a character device'],
      ['folder.yaml', 'a folder'],
    ] as const) {
      const r = await cli(dir, ['--guide', guide, 'post.md'], { timeout: 20_000 });
      expectHandled(r, guide);
      expect(r.code, guide).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`:1:1 error cannot read the guide: ${kind}, not a regular file \\(guide\\)`));
    }
    // Found by the walk up from the copy: reported, not skipped in favour of some other guide.
    fs.renameSync(path.join(dir, 'fifo.yaml'), path.join(dir, 'brand.yaml'));
    const r = await cli(dir, ['post.md'], { timeout: 20_000 });
    expectHandled(r, 'brand.yaml FIFO');
    expect(r.code).toBe(2);
    expect(guideLines(r.stderr)).toEqual(['brand.yaml:1:1 error cannot read the guide: a named pipe (FIFO), not a regular file (guide)']);
  });

  it('a guide over the size limit is refused before it is read', async () => {
    const dir = repo(post);
    fs.truncateSync(write(dir, 'brand.yaml', 'brand: Acme\n'), 64 * 1024 * 1024);
    const r = await cli(dir, ['post.md'], { timeout: 20_000 });
    expectHandled(r, 'huge guide file');
    expect(r.code).toBe(2);
    expect(guideLines(r.stderr)).toEqual(['brand.yaml:1:1 error cannot read the guide: larger than the 8 MB limit (64 MB) (guide)']);
  });

  it('a huge guide (20,000 entries, ~1 MB) loads and lints', async () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `  - phrase: word${i}\n    use: other${i}\n`).join('');
    const dir = repo({ 'brand.yaml': `banned:\n  - phrase: utilize\n    use: use\n${entries}`, ...post });
    const r = await cli(dir, ['--format', 'json', 'post.md'], { timeout: 120_000 });
    expectHandled(r, 'huge guide');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files[0]!.findings.map((f) => f.text)).toEqual(['utilize']);
    console.log(`a 20,000-entry guide (${(entries.length / 1e6).toFixed(2)} MB): ${r.ms.toFixed(0)} ms`);

  }, 240_000);

  // Validation was quadratic (ajv's generated code copied its error list once per failing entry):
  // 40,000 such entries took minutes. Now linear, and the report stops after 50 problems.
  for (const [section, entry, key] of [
    ['banned', (i: number) => `  - phrase: w${i}\n    levle: error\n`, 'levle'],
    ['terms', (i: number) => `  - use: W${i}\n    not: [w${i}x]\n    colour: red\n`, 'colour'],
  ] as const) {
    it(`40,000 ${section} entries each with an unknown key: the first 50 problems and a count of the rest`, async () => {
      const broken = Array.from({ length: 40_000 }, (_, i) => entry(i)).join('');
      const dir = repo({ 'brand.yaml': `${section}:\n${broken}`, ...post });
      const r = await cli(dir, ['post.md'], { timeout: 120_000 });
      expectHandled(r, 'huge broken guide');
      expect(r.code).toBe(2);
      const lines = guideLines(r.stderr);
      expect(lines.length).toBe(51);
      const per = entry(0).split('\n').length - 1;
      expect(lines[0]).toMatch(new RegExp(`^brand\\.yaml:${per + 1}:5 error unknown key "${key}" in entry 1 of "${section}"`));
      expect(lines[49]).toMatch(new RegExp(`^brand\\.yaml:${50 * per + 1}:5 error unknown key "${key}" in entry 50 of "${section}"`));
      expect(lines[50]).toMatch(/ error … and 39,950 more problems \(brandlint lists the first 50; fix these and run again\) \(guide\)$/);
      expect(r.stdout).toBe('');
      console.log(`40,000 bad ${section} entries (${(broken.length / 1e6).toFixed(2)} MB): ${r.ms.toFixed(0)} ms`);
    }, 180_000);
  }
});

// Odd documents in every format: each file is linted in one CLI run with --format json, and every
// finding's text must be the source slice at its UTF-16 line/column.
const GUIDE = `brand: Acme
terms:
  - use: GitHub
    not: [Git Hub]
  - use: email
    not: [e-mail]
banned:
  - phrase: utilize
    use: use
  - pattern: '\\bcheap(er|est)?\\b'
channels:
  email: { files: ["emails/**"], subject: { max: 60 } }
  social: { files: ["social/**"], x: { max: 280 } }
`;

type Kind = { text: (fmt: string) => string | Buffer; utilize: boolean | ((fmt: string) => boolean) };
const wrap = (fmt: string, body: string) => (fmt === 'html' || fmt === 'mjml' || fmt === 'hbs' ? `<p>${body}</p>\n` : `${body}\n`);
const KINDS: Record<string, Kind> = {
  empty: { text: () => '', utilize: false },
  'bom': { text: (f) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(wrap(f, 'We utilize GitHub.'))]), utilize: true },
  'invalid-utf8': { text: (f) => Buffer.concat([Buffer.from('We \u00e9'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(wrap(f, ' then utilize e-mail.'))]), utilize: true },
  crlf: { text: (f) => wrap(f, 'Line one\r\nWe utilize\r\nGit Hub and e-mail.').replace(/\n$/, '\r\n'), utilize: true },
  'lone-cr': { text: (f) => wrap(f, 'Line one\rWe utilize\rGit Hub and e-mail.').replace(/\n$/, '\r'), utilize: true },
  tabs: { text: (f) => wrap(f, 'We\tutilize\tGit\tHub\t\tcheaper.'), utilize: true },
  emoji: { text: (f) => wrap(f, '😀👩‍👩‍👧 We 𝕏 utilize 🎉 e-mail 𝓪 cheapest.'), utilize: true },
  combining: { text: (f) => wrap(f, 'Cafe\u0301 and nai\u0308ve: we utilize e\u0301-mail, Zalgo u\u0336t\u0336i\u0336l\u0336i\u0336z\u0336e\u0336.'), utilize: true },
  rtl: { text: (f) => wrap(f, 'שלום עולם utilize مرحبا \u202Eutilize\u202C \u200Fe-mail.'), utilize: true },
  'front-matter-only': {
    text: (f) => (f === 'html' || f === 'mjml' || f === 'hbs' ? '---\nsubject: We utilize it\n---\n' : '---\ntitle: We utilize it\nplatform: x\n---\n'),
    utilize: (f) => f === 'md' || f === 'mdx' || f === 'html' || f === 'mjml' || f === 'hbs',
  },
  'unclosed-fence': { text: () => 'We utilize it.\n\n```js\nconst utilize = 1;\n', utilize: true },
  'nested-lists': {
    text: (f) =>
      f === 'html' || f === 'mjml' || f === 'hbs'
        ? `${'<ul><li>'.repeat(300)}We utilize it.${'</li></ul>'.repeat(300)}\n`
        : `${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n${'  '.repeat(40)}- We utilize it.\n`,
    utilize: true,
  },
  'nested-html': { text: () => `${'<div>'.repeat(3000)}<p>We utilize it.</p>${'</div>'.repeat(3000)}\n`, utilize: (f) => f !== 'md' && f !== 'mdx' },
  'unclosed-html': { text: () => '<p>We utilize <b>it <a href="https://x.example/utilize">and <!-- e-mail\n', utilize: (f) => f !== 'md' && f !== 'mdx' },
  'control-chars': { text: (f) => wrap(f, '\u0001\u0007\u001b[31m We utilize \u000b\u000c e-mail \u2028 cheap \u2029.'), utilize: true },
  'lone-surrogates': { text: (f) => wrap(f, '\ud83d We utilize \ude00 e-mail \udbff'), utilize: true },
};
const FORMATS: Record<string, string> = {
  md: 'copy/KIND.md',
  mdx: 'copy/KIND.mdx',
  html: 'emails/KIND.html',
  mjml: 'emails/KIND.mjml',
  hbs: 'emails/KIND.hbs',
  txt: 'social/KIND.txt',
  tweet: 'social/KIND.tweet',
};

describe('odd documents in every format (CLI, JSON positions)', () => {
  it('never crash; every finding is the source slice at its UTF-16 line/column', async () => {
    const files: Record<string, string | Buffer> = { 'brand.yaml': GUIDE };
    for (const [fmt, pattern] of Object.entries(FORMATS)) for (const [kind, k] of Object.entries(KINDS)) files[pattern.replace('KIND', kind)] = k.text(fmt);
    const dir = repo(files);
    const r = await cli(dir, ['--format', 'json', '.'], { timeout: 180_000 });
    expectHandled(r, 'odd documents');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout) as JsonReport;
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    const problems: string[] = [];
    let checked = 0;
    for (const [fmt, pattern] of Object.entries(FORMATS)) {
      for (const [kind, k] of Object.entries(KINDS)) {
        const rel = pattern.replace('KIND', kind);
        const file = byPath.get(rel);
        if (!file) {
          problems.push(`${rel}: not in the report`);
          continue;
        }
        const source = decodedText(fs.readFileSync(path.join(dir, rel)));
        for (const f of file.findings) {
          checked++;
          for (const p of positionProblems(source, f)) problems.push(`${rel}: ${p}`);
        }
        const wants = typeof k.utilize === 'function' ? k.utilize(fmt) : k.utilize;
        if (wants && !file.findings.some((f) => f.rule === 'banned' && /utilize/i.test(f.text))) problems.push(`${rel}: "utilize" not found`);
      }
    }
    expect(problems).toEqual([]);
    // One notice per invalid UTF-8 file, none for the rest.
    expect(r.stderr.match(/not valid UTF-8/g)?.length).toBe(Object.keys(FORMATS).length);
    expect(checked).toBeGreaterThan(150);
  }, 240_000);

  it('binary (NUL) and oversize files are skipped with one notice each, in every format, with the limit configurable', async () => {
    const files: Record<string, string | Buffer> = { 'brand.yaml': GUIDE };
    for (const pattern of Object.values(FORMATS)) {
      files[pattern.replace('KIND', 'binary')] = Buffer.from('We utilize\u0000 it.\n');
      files[pattern.replace('KIND', 'big')] = `We utilize it.\n${'x'.repeat(3000)}\n`;
      files[pattern.replace('KIND', 'ok')] = 'We utilize it.\n';
    }
    const dir = repo(files);
    const r = await cli(dir, ['--format', 'json', '--max-file-size', '2KB', '.']);
    expectHandled(r, 'binary and oversize');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files.map((f) => f.path).sort()).toEqual(Object.values(FORMATS).map((p) => p.replace('KIND', 'ok')).sort());
    for (const pattern of Object.values(FORMATS)) {
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(r.stderr.match(new RegExp(`${esc(pattern.replace('KIND', 'binary'))}: skipped, binary`, 'g'))).toHaveLength(1);
      expect(r.stderr.match(new RegExp(`${esc(pattern.replace('KIND', 'big'))}: skipped, larger than the 2 KB limit`, 'g'))).toHaveLength(1);
    }
  });
});

describe('deep nesting never hides a document (CLI)', () => {
  // One line of 2,000 `- ` or 3,000 `>` at the top made the whole file report nothing, exit 0: the
  // reader's recursion ran out of stack and a catch-all dropped the rest of the document.
  it('2,000 nested list items or 3,000 block quote markers: everything after is linted, one parse notice at the line where reading stopped', async () => {
    const guide = 'banned:\n  - phrase: utilize\n    use: use\n    level: error\n';
    const tail = 'We utilize it.\n\n- a list\n  - where we utilize more\n\n> We utilize quotes.\n';
    const files: Record<string, string> = { 'brand.yaml': guide };
    const heads = { lists: `${'- '.repeat(2000)}deep\n\n`, quotes: `${'>'.repeat(3000)} deep\n\n`, both: `Intro: we utilize it.\n\n${'- > '.repeat(1500)}deep\n\n` };
    for (const [name, head] of Object.entries(heads)) for (const ext of ['md', 'mdx']) files[`${name}.${ext}`] = head + tail;
    const dir = repo(files);
    const r = await cli(dir, ['--format', 'json', '.'], { timeout: 120_000 });
    expectHandled(r, 'deep nesting');
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    for (const [name, head] of Object.entries(heads)) {
      for (const ext of ['md', 'mdx']) {
        const rel = `${name}.${ext}`;
        const f = report.files.find((x) => x.path === rel)!;
        const headLines = head.split('\n').length - 1;
        const banned = f.findings.filter((x) => x.rule === 'banned');
        expect(banned.map((x) => x.line), rel).toEqual([...(name === 'both' ? [1] : []), headLines + 1, headLines + 4, headLines + 6]);
        const source = fs.readFileSync(path.join(dir, rel), 'utf8');
        for (const x of f.findings) expect(positionProblems(source, x), rel).toEqual([]);
        // One notice, on the line where reading stopped (an info finding in every report and editor).
        const notices = f.findings.filter((x) => x.rule === 'parse');
        expect(notices.map((x) => [x.line, x.level, x.message]), rel).toEqual([
          [headLines - 1, 'info', 'lists and block quotes nested more than 100 levels deep: the copy nested deeper than this is not checked (everything after it is)'],
        ]);
      }
    }
  }, 180_000);

  it('nesting within the limit is read in full, with no notice', async () => {
    const dir = repo({ 'brand.yaml': 'banned:\n  - phrase: utilize\n', 'a.md': `${'- '.repeat(90)}we utilize it\n`, 'b.md': `${'>'.repeat(95)} we utilize it\n` });
    const r = await cli(dir, ['--format', 'json', '.']);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as JsonReport).files.map((f) => f.findings.map((x) => x.rule))).toEqual([['banned'], ['banned']]);
  });
});

describe('output to a closed pipe', () => {
  it('`brandlint … | head`: the reader goes away early and the CLI stops quietly (no EPIPE crash)', async () => {
    const { spawn } = await import('node:child_process');
    const dir = repo({ 'brand.yaml': 'banned:\n  - phrase: utilize\n', 'a.md': 'We utilize it. '.repeat(20_000) });
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/brandlint.js'), '--format', 'json', 'a.md'], { cwd: dir });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect([0, 1]).toContain(code);
  });
});
