import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGuide, loadGuide, GUIDE_NAMES } from '../index.js';
import { compilePattern } from './regex.js';
import { schemaCompilations } from './schema.js';
import type { Guide, GuideProblem, GuideResult } from '../types.js';

const FIX = fileURLToPath(new URL('../../test/fixtures/guides/', import.meta.url));
const EXT = path.join(FIX, 'extends');
const ROOT = path.resolve(FIX, '../../..');
const fx = (name: string) => path.join(FIX, name);

/** `file:line:col message` with paths relative to the fixtures folder, as a user reads them. */
function show(p: GuideProblem): string {
  return `${path.relative(FIX, p.file).split(path.sep).join('/')}:${p.line}:${p.column} ${p.level} ${p.message}`;
}
function problems(r: GuideResult): string[] {
  return r.problems.map(show);
}
function guideOf(r: GuideResult): Guide {
  if (!r.ok) throw new Error(`guide did not load:\n${problems(r).join('\n')}`);
  return r.guide;
}
/** refs as "file:line:col" so expectations stay readable */
function refs<T extends { ref: { file: string; line: number; column: number } }>(xs: T[]): string[] {
  return xs.map((x) => `${path.relative(FIX, x.ref.file)}:${x.ref.line}:${x.ref.column}`);
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-guide-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});
function write(rel: string, text: string): string {
  const f = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
}

describe('YAML problems, each at its file:line:col', () => {
  it('a syntax error: an unclosed bracket is reported where it opens', () => {
    const r = loadGuide(fx('syntax.yaml'));
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual(['syntax.yaml:4:10 error YAML: this [ is never closed: add ]']);
    // The squiggle runs from the bracket left open to the end of its line.
    expect(r.problems[0]).toMatchObject({ line: 4, column: 10, endLine: 4 });
    expect(r.problems[0]!.endColumn).toBeGreaterThan(11);
    const map = loadGuide(fx('x.yaml'), { read: () => 'channels:\n  email: { files: [a/**]\nbrand: Acme\n' });
    expect(problems(map)).toEqual(['x.yaml:2:10 error YAML: this { is never closed: add }']);
  });

  it('other syntax errors in plain words, on the whole line or token at fault', () => {
    const r = loadGuide(fx('x.yaml'), { read: () => 'brand: Acme\nterms:\n  - use: GitHub\n   not: x\n' });
    expect(r.ok).toBe(false);
    expect(problems(r)[0]).toBe('x.yaml:4:4 error indentation: "not" is indented 3 spaces, but "use" above it starts further right (4 spaces): keys of one entry line up under each other');
    expect(r.problems[0]).toMatchObject({ line: 4, column: 4, endLine: 4, endColumn: 10 });
    const quote = loadGuide(fx('x.yaml'), { read: () => "brand: 'Acme\nterms: []\n" });
    expect(problems(quote)[0]).toMatch(/^x\.yaml:1:8 error YAML: .*quote/i);
  });

  it('a duplicate key, naming where the first one is', () => {
    const r = loadGuide(fx('duplicate.yaml'));
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual(['duplicate.yaml:6:1 error duplicate key "terms" (first at line 2): keep one']);
    expect(r.problems[0]).toMatchObject({ endLine: 6, endColumn: 6 });
  });

  it('an alias bomb is refused quickly, at the first alias', () => {
    const t = performance.now();
    const r = loadGuide(fx('alias-bomb.yaml'));
    expect(performance.now() - t).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual([
      'alias-bomb.yaml:2:8 error too many alias expansions (more than 100): refusing to expand what looks like an alias bomb',
    ]);
  });

  it('a root that is not a mapping', () => {
    expect(problems(loadGuide(fx('root-list.yaml')))).toEqual([
      'root-list.yaml:1:1 error a guide must be a mapping of keys (brand:, terms:, banned:, …), not a list',
    ]);
    expect(problems(loadGuide(fx('root-scalar.yaml')))).toEqual([
      'root-scalar.yaml:1:1 error a guide must be a mapping of keys (brand:, terms:, banned:, …), not a single value',
    ]);
  });

  it('several documents, tabs as indentation', () => {
    const read = (src: string) => () => src;
    expect(problems(loadGuide(fx('x.yaml'), { read: read('brand: A\n---\nbrand: B\n') }))).toEqual([
      'x.yaml:2:1 error a guide is one YAML document: remove the `---` line (or the second document)',
    ]);
    const tabs = loadGuide(fx('x.yaml'), { read: read('terms:\n\t- use: GitHub\n') });
    expect(tabs.ok).toBe(false);
    expect(problems(tabs)[0]).toMatch(/^x\.yaml:2:1 error /);
  });

  it('an empty file, or one with only comments, is a valid empty guide', () => {
    for (const name of ['empty.yaml', 'comments-only.yaml']) {
      const r = loadGuide(fx(name));
      expect(r.problems).toEqual([]);
      expect(guideOf(r)).toEqual({
        path: fx(name),
        files: [fx(name)],
        terms: [],
        banned: [],
        claims: [],
        tone: {},
        channels: {},
        overrides: [],
        ignore: [],
        allow: [],
      });
    }
  });

  it('a byte-order mark does not shift positions', () => {
    const r = loadGuide(fx('bom.yaml'), { read: () => '\uFEFFbrand: Acme\nterns: []\n' });
    expect(problems(r)).toEqual(['bom.yaml:2:1 error unknown key "terns": did you mean "terms"?']);
  });
});

describe('schema problems: all of them, on the node they concern', () => {
  it('wrong types, empty values, bad URL, limits — every problem in one run', () => {
    const r = loadGuide(fx('types.yaml'));
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual([
      'types.yaml:1:8 error "brand" must be text, found a list',
      'types.yaml:2:7 error "docs" must be a URL (like https://brand.example/voice), found "not a url"',
      'types.yaml:5:10 error "not" must be text, or a list, found 42',
      'types.yaml:6:5 error "use" must be text, found nothing',
      'types.yaml:7:5 error entry 3 of "terms" is missing "use"',
      'types.yaml:9:13 error "phrase" must not be an empty list',
      'types.yaml:12:27 error "max" must be a number, found "30"',
      'types.yaml:13:17 error "exclamations" must be one of error, warning, info, hint, off, or a mapping (key: value), found 2',
      'types.yaml:16:21 error "max" must be at least 1, found 0',
      'types.yaml:18:20 error entry 2 of "platforms" must be one of x, linkedin, instagram, threads, bluesky, mastodon, facebook, found "tiktok"',
      'types.yaml:19:9 error "ignore" must be a list, found "**/CHANGELOG.md"',
    ]);
    // The value's whole span, for the editor's squiggle.
    expect(r.problems[1]).toMatchObject({ line: 2, column: 7, endLine: 2, endColumn: 16 });
  });

  it('an empty section is nothing; a bare string where an entry belongs gets a hint', () => {
    const empty = 'brand: Acme\nterms:\n  # - use: GitHub\nbanned:\ntone:\nallow:\n';
    const g = guideOf(loadGuide(fx('x.yaml'), { read: () => empty }));
    expect([g.terms, g.banned, g.tone, g.allow]).toEqual([[], [], {}, []]);
    expect(problems(loadGuide(fx('x.yaml'), { read: () => 'terms: [GitHub, {use: email}]\nbanned:\n  - utilize\nignore: 3\n' }))).toEqual([
      'x.yaml:1:9 error entry 1 of "terms" must be a mapping (key: value), found "GitHub": write "- use: GitHub"',
      'x.yaml:3:5 error entry 1 of "banned" must be a mapping (key: value), found "utilize": write "- phrase: utilize"',
      'x.yaml:4:9 error "ignore" must be a list, found 3',
    ]);
  });

  it('unknown keys, with "did you mean" when one is close and the list of keys otherwise', () => {
    expect(problems(loadGuide(fx('unknown-keys.yaml')))).toEqual([
      'unknown-keys.yaml:2:1 error unknown key "terns": did you mean "terms"?',
      'unknown-keys.yaml:6:5 error unknown key "usee" in entry 1 of "banned": did you mean "use"?',
      'unknown-keys.yaml:8:3 error unknown key "passiv-voice" in "tone": did you mean "passive-voice"?',
      'unknown-keys.yaml:9:3 error unknown key "zzz-check" in "tone" (expected passive-voice, weasel-words, cliches, wordy, adverbs, there-is, so, e-prime, exclamations, sentence-length, reading-grade, contractions, spelling, all-caps, emoji)',
      'unknown-keys.yaml:10:1 error unknown key "colour" (expected $schema, brand, extends, docs, terms, banned, claims, tone, channels, overrides, ignore, allow, quotations, copy)',
    ]);
  });

  it('"did you mean" knows names people use for a value (en-UK is en-GB, twitter is x)', () => {
    const r = loadGuide(fx('aliases.yaml'), { read: () => 'tone:\n  spelling: en-UK\nchannels:\n  social:\n    twitter: {max: 280}\n' });
    expect(problems(r)).toEqual([
      'aliases.yaml:2:13 error "spelling" must be one of en-US, en-GB, error, warning, info, hint, off, found "en-UK": did you mean "en-GB"?',
      'aliases.yaml:5:5 error unknown key "twitter" in "social": did you mean "x"?',
    ]);
  });

  it('levels and other closed values, with "did you mean"', () => {
    expect(problems(loadGuide(fx('enums.yaml')))).toEqual([
      'enums.yaml:3:12 error "level" must be one of error, warning, info, hint, off, found "eror": did you mean "error"?',
      'enums.yaml:6:12 error "needs" must be one of citation, disclaimer, found "citations": did you mean "citation"?',
      'enums.yaml:7:5 error entry 2 of "claims" is missing "disclaimer"',
      'enums.yaml:10:18 error "passive-voice" must be one of error, warning, info, hint, off, found "warnin": did you mean "warning"?',
      'enums.yaml:11:17 error "contractions" must be one of prefer, avoid, error, warning, info, hint, off, found "perfer": did you mean "prefer"?',
      'enums.yaml:12:13 error "spelling" must be one of en-US, en-GB, error, warning, info, hint, off, found "en-AU"',
      'enums.yaml:15:13 error "claims" must be one of off, found "of": did you mean "off"?',
    ]);
  });

  it('phrase and pattern: exactly one of them', () => {
    expect(problems(loadGuide(fx('both.yaml')))).toEqual([
      'both.yaml:2:5 error entry 1 of "banned": a banned entry needs either `phrase` or `pattern` (not both)',
      'both.yaml:4:5 error entry 2 of "banned": a banned entry needs either `phrase` or `pattern` (not both)',
      'both.yaml:7:5 error entry 1 of "claims": a claim needs either `phrase` or `pattern` (not both)',
    ]);
  });

  it('a channel name close to a known one is a warning, and the guide still loads', () => {
    const r = loadGuide(fx('x.yaml'), { read: () => 'channels:\n  emial: { files: [emails/**] }\n' });
    expect(problems(r)).toEqual(['x.yaml:2:3 warning channel "emial" is a channel of your own (files only): did you mean "email"?']);
    expect(guideOf(r).channels).toEqual({ emial: { files: ['emails/**'] } });
  });

  it('the same term twice in one file is a warning; the later wins', () => {
    const r = loadGuide(fx('x.yaml'), { read: () => 'terms:\n  - use: GitHub\n  - use: github\n    not: [Git Hub]\n' });
    expect(problems(r)).toEqual(['x.yaml:3:5 warning term "github" is listed twice in this file (first at line 2); the later entry wins']);
    expect(r.problems[0]).toMatchObject({ endLine: 3, endColumn: 16 });
    expect(guideOf(r).terms.map((t) => t.use)).toEqual(['github']);
  });
});

describe('patterns run in linear time (RE2)', () => {
  it('unsupported syntax is an error at the construct, saying why', () => {
    expect(problems(loadGuide(fx('patterns.yaml')))).toEqual([
      'patterns.yaml:2:15 error look-behind "(?<=…)" is not supported: RE2 matches in linear time and has no look-behind; match the preceding text as part of the pattern, or use \\b for a word boundary',
      'patterns.yaml:3:20 error back-reference \\1 is not supported: RE2 matches in linear time and has no back-references; list the repeated forms as phrases instead',
      'patterns.yaml:4:15 error invalid pattern: missing closing ): `cheap(er|est`',
      'patterns.yaml:5:14 error the pattern matches empty text, so it would flag every position; make at least one character required',
      'patterns.yaml:9:19 error look-ahead "(?!…)" is not supported: RE2 matches in linear time and has no look-ahead; match the following text as part of the pattern, or use \\b for a word boundary',
      'patterns.yaml:14:18 error atomic group (?>…) is not supported by RE2; a plain group (?:…) is enough, RE2 never backtracks',
    ]);
  });

  it('compilePattern: case-insensitive RE2, cached, with the failing index', () => {
    const ok = compilePattern('\\bcheap(er|est)?\\b');
    if (!ok.ok) throw new Error(ok.message);
    const m = ok.re.matcher('Far CHEAPER than cheapskates');
    expect(m.find()).toBe(true);
    expect([m.start(), m.end(), m.group()]).toEqual([4, 11, 'CHEAPER']);
    expect(m.find()).toBe(false);
    expect(compilePattern('\\bcheap(er|est)?\\b')).toBe(ok);
    expect(compilePattern('a(?<!b)c')).toMatchObject({ ok: false, index: 1 });
    expect(compilePattern('x\\k<n>')).toMatchObject({ ok: false, index: 1 });
    expect(compilePattern('a++')).toMatchObject({ ok: false, index: 2 });
    // Inside a character class "(?=" is plain characters; an escaped backslash before 1 is no back-reference.
    expect(compilePattern('[(?=]x').ok).toBe(true);
    expect(compilePattern('\\\\1x').ok).toBe(true);
    expect(compilePattern('\\Q(?=\\Ex').ok).toBe(true);
    expect(compilePattern('')).toMatchObject({ ok: false });
  });

  it('a pathological pattern still runs in linear time', () => {
    const r = compilePattern('(a+)+$');
    if (!r.ok) throw new Error(r.message);
    const t = performance.now();
    expect(r.re.matcher(`${'a'.repeat(50_000)}!`).find()).toBe(false);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('normalized shape', () => {
  it('full.yaml becomes the Guide of rules/types.ts', () => {
    const r = loadGuide(fx('full.yaml'));
    expect(r.problems).toEqual([]);
    const g = guideOf(r);
    const ref = (line: number, column: number) => ({ file: fx('full.yaml'), line, column });
    const voice = 'https://brand.acme.example/voice';
    expect(g.path).toBe(fx('full.yaml'));
    expect(g.files).toEqual([fx('full.yaml')]);
    expect(g.brand).toBe('Acme');
    expect(g.docs).toBe(voice);
    expect(g.terms).toEqual([
      { use: 'GitHub', not: ['Git Hub'], trademark: '®', docs: voice, ref: ref(6, 5) },
      { use: 'email', not: ['e-mail'], because: 'One word, no hyphen.', level: 'error', docs: voice, ref: ref(9, 5) },
    ]);
    expect(g.banned).toEqual([
      { phrases: ['utilize'], use: ['use'], examples: { bad: ['We utilize AI.'], good: ['We use AI.'] }, docs: voice, ref: ref(15, 5) },
      {
        phrases: ['synergy', 'leverage'],
        use: [],
        because: 'Jargon. Say what actually happens.',
        docs: 'https://brand.acme.example/jargon',
        ref: ref(20, 5),
      },
      { phrases: [], pattern: '\\bcheap(er|est)?\\b', use: ['affordable', 'low-cost'], level: 'error', docs: voice, ref: ref(23, 5) },
    ]);
    expect(g.claims).toEqual([
      { phrases: ['best', '#1', 'number one'], needs: 'citation', docs: voice, ref: ref(28, 5) },
      { phrases: ['guaranteed', 'risk-free'], needs: 'disclaimer', disclaimer: 'Terms apply', docs: voice, ref: ref(30, 5) },
      { phrases: ['clinically proven'], level: 'error', docs: voice, ref: ref(33, 5) },
    ]);
    expect(g.tone).toEqual({
      'passive-voice': { level: 'warning', options: {}, ref: ref(37, 3) },
      'weasel-words': { level: 'info', options: {}, ref: ref(38, 3) },
      'e-prime': { level: 'off', options: {}, ref: ref(39, 3) },
      exclamations: { level: 'warning', options: { max: 1 }, ref: ref(40, 3) },
      'sentence-length': { level: 'hint', options: { max: 30 }, ref: ref(41, 3) },
      contractions: { level: 'warning', options: { value: 'prefer' }, ref: ref(42, 3) },
      spelling: { level: 'warning', options: { value: 'en-US' }, ref: ref(43, 3) },
    });
    expect(g.channels).toEqual({
      email: { files: ['emails/**'], subject: { max: 60 }, preheader: { max: 110 } },
      social: {
        files: ['social/**'],
        platforms: ['x', 'linkedin'],
        x: { max: 280 },
        linkedin: { max: 3000, level: 'error' },
        hashtags: { max: 3 },
      },
      ads: { files: ['ads/**'] },
    });
    expect(g.overrides).toEqual([
      { files: ['legal/**'], base: FIX.replace(/[\\/]$/, ''), claims: 'off', tone: 'off', ref: ref(56, 5) },
      {
        files: ['press/**'],
        base: FIX.replace(/[\\/]$/, ''),
        banned: [{ phrases: ['world-class'], use: [], docs: voice, ref: ref(61, 9) }],
        tone: { exclamations: { level: 'warning', options: { max: 3 }, ref: ref(63, 7) } },
        allow: ['best practices'],
        ref: ref(59, 5),
      },
    ]);
    expect(g.ignore).toEqual(['**/CHANGELOG.md']);
    expect(g.allow).toEqual(['Acme Leverage']);
  });

  it('tone shorthands: a level, a value, an object', () => {
    const src = 'tone:\n  so: off\n  contractions: avoid\n  spelling: { value: en-GB, level: error }\n  emoji: { max: 0 }\n';
    const g = guideOf(loadGuide(fx('x.yaml'), { read: () => src }));
    const strip = Object.fromEntries(Object.entries(g.tone).map(([k, v]) => [k, { level: v.level, options: v.options }]));
    expect(strip).toEqual({
      so: { level: 'off', options: {} },
      contractions: { level: 'warning', options: { value: 'avoid' } },
      spelling: { level: 'error', options: { value: 'en-GB' } },
      emoji: { level: 'warning', options: { max: 0 } },
    });
  });

  it('anchors and merge keys are followed, positions stay where the text is', () => {
    const src = 'x-common: &c\n  because: House style.\n  level: info\nbanned:\n  - <<: *c\n    phrase: utilize\n';
    // x-common is not a guide key: reported at its own position, the merge does not hide it.
    expect(problems(loadGuide(fx('x.yaml'), { read: () => src }))).toEqual(['x.yaml:1:1 error unknown key "x-common" (expected $schema, brand, extends, docs, terms, banned, claims, tone, channels, overrides, ignore, allow, quotations, copy)']);
    const ok = 'banned:\n  - &u\n    phrase: utilize\n    because: House style.\n  - <<: *u\n    phrase: leverage\n    levle: error\n';
    expect(problems(loadGuide(fx('x.yaml'), { read: () => ok }))).toEqual(['x.yaml:7:5 error unknown key "levle" in entry 2 of "banned": did you mean "level"?']);
  });
});

describe('extends', () => {
  it('merges: later wins per term/phrase set/scalar, lists concatenate, tone and channels by key', () => {
    const r = loadGuide(path.join(EXT, 'team.yaml'));
    expect(r.problems).toEqual([]);
    const g = guideOf(r);
    const base = path.join(EXT, 'base.yaml');
    expect(g.files).toEqual([path.join(EXT, 'team.yaml'), base, path.join(EXT, 'style.yaml')]);
    expect(g.brand).toBe('Acme Docs');
    expect(g.docs).toBe('https://org.example/brand');
    // GitHub replaces base's github (same term, any case); email stays from base with base's docs link.
    expect(g.terms.map((t) => [t.use, t.not, t.docs])).toEqual([
      ['email', ['e-mail'], 'https://org.example/brand'],
      ['GitHub', ['Git Hub'], undefined],
    ]);
    expect(refs(g.terms)).toEqual(['extends/base.yaml:6:5', 'extends/team.yaml:4:5']);
    // [synergy, leverage] replaces base's [Leverage, synergy] (same set, any order and case).
    expect(g.banned.map((b) => [b.phrases, b.because])).toEqual([
      [['utilize'], undefined],
      [['synergy', 'leverage'], 'Jargon.'],
      [['cheap'], undefined],
    ]);
    expect(refs(g.banned)).toEqual(['extends/base.yaml:10:5', 'extends/team.yaml:8:5', 'extends/team.yaml:10:5']);
    expect(g.claims.map((c) => c.phrases)).toEqual([['best', '#1']]);
    expect(Object.fromEntries(Object.entries(g.tone).map(([k, v]) => [k, [v.level, v.options]]))).toEqual({
      'passive-voice': ['warning', {}],
      'sentence-length': ['warning', { max: 25 }],
      exclamations: ['warning', { max: 2 }],
    });
    expect(g.channels).toEqual({ email: { files: ['emails/**'], subject: { max: 60 }, preheader: { max: 110 } } });
    expect(g.overrides.map((o) => [o.files, o.base, o.claims ?? o.tone])).toEqual([
      [['legal/**'], EXT, 'off'],
      [['press/**'], EXT, 'off'],
    ]);
    expect(g.ignore).toEqual(['**/CHANGELOG.md', 'drafts/**']);
    expect(g.allow).toEqual(['best practices', 'Acme Leverage']);
  });

  it('paths are relative to the extending file; overrides keep the folder of the guide that declared them', () => {
    const g = guideOf(loadGuide(path.join(EXT, 'nested/deep.yaml')));
    expect(g.files).toEqual([path.join(EXT, 'nested/deep.yaml'), path.join(EXT, 'base.yaml')]);
    expect(g.overrides.map((o) => [o.files, o.base])).toEqual([
      [['legal/**'], EXT],
      [['*.txt'], path.join(EXT, 'nested')],
    ]);
  });

  it('a cycle is an error at the extends entry that closes it, naming the cycle', () => {
    const r = loadGuide(path.join(EXT, 'cycle-a.yaml'));
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual(['extends/cycle-b.yaml:4:5 error extends cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml']);
  });

  it('a missing file, a missing pack', () => {
    expect(problems(loadGuide(path.join(EXT, 'missing.yaml')))).toEqual([
      'extends/missing.yaml:4:5 error cannot read extended guide "./does-not-exist.yaml" (does-not-exist.yaml): file not found',
    ]);
    expect(problems(loadGuide(path.join(EXT, 'missing-pack.yaml')))).toEqual([
      'extends/missing-pack.yaml:1:10 error unknown pack "brandlint:no-such-pack" (brandlint\'s packs: brandlint:claims, brandlint:inclusive)',
    ]);
  });

  it('brandlint:NAME loads a shipped pack (every pack in packs/ is a valid guide)', () => {
    const packs = fs.readdirSync(path.join(ROOT, 'packs')).filter((f) => f.endsWith('.yaml'));
    for (const pack of packs) {
      const name = pack.replace(/\.yaml$/, '');
      const r = loadGuide(path.join(tmp, `uses-${name}.yaml`), { read: (f) => (f.startsWith(tmp) ? `extends: brandlint:${name}\n` : fs.readFileSync(f, 'utf8')) });
      expect(problems(r), pack).toEqual([]);
      expect(guideOf(r).files).toEqual([path.join(tmp, `uses-${name}.yaml`), path.join(ROOT, 'packs', pack)]);
    }
    expect(problems(loadGuide(fx('x.yaml'), { read: () => 'extends: "brandlint:../../etc/passwd"\n' }))).toEqual([
      'x.yaml:1:10 error "brandlint:../../etc/passwd" is not a pack name (brandlint:NAME, letters, digits and dashes)',
    ]);
  });

  it('a path outside the root is refused at the entry', () => {
    const r = loadGuide(path.join(EXT, 'outside.yaml'), { root: EXT });
    expect(problems(r)).toEqual([
      `extends/outside.yaml:1:10 error extends "../outside-target.yaml" points outside the repository (${EXT}); only guides inside it can be extended`,
    ]);
    // With a wider root the same file loads.
    expect(guideOf(loadGuide(path.join(EXT, 'outside.yaml'), { root: FIX })).brand).toBe('Outside');
  });

  it('the default root is the git root of the guide, or its own folder', () => {
    write('outer.yaml', 'brand: Outer\n');
    write('repo/.git/HEAD', 'ref: refs/heads/main\n');
    write('repo/org/core.yaml', 'brand: Core\n');
    const inRepo = write('repo/site/brand.yaml', 'extends: ../org/core.yaml\n');
    expect(guideOf(loadGuide(inRepo)).brand).toBe('Core');
    const escaping = write('repo/site/escape.yaml', 'extends: ../../outer.yaml\n');
    expect(problems(loadGuide(escaping))[0]).toContain('points outside the repository');
    // No .git anywhere above (a temp folder): the guide's own folder is the root.
    write('norepo/a/core.yaml', 'brand: Sub\n');
    const lone = write('norepo/brand.yaml', 'extends: [./a/core.yaml, ../outer.yaml]\n');
    const r = loadGuide(lone);
    expect(r.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['1:26']);
    expect(r.problems[0].message).toContain('points outside the repository');
  });

  it('a symlink inside the repository pointing outside is outside', () => {
    write('outer.yaml', 'brand: Outer\n');
    write('linkrepo/.git/HEAD', 'x\n');
    const link = path.join(tmp, 'linkrepo/shared.yaml');
    try {
      fs.symlinkSync(path.join(tmp, 'outer.yaml'), link);
    } catch {
      return; // no symlinks on this file system
    }
    const g = write('linkrepo/brand.yaml', 'extends: ./shared.yaml\n');
    expect(problems(loadGuide(g))[0]).toContain('points outside the repository');
  });

  it('problems inside an extended file carry that file, and the whole load fails', () => {
    const r = loadGuide(path.join(EXT, 'uses-broken.yaml'));
    expect(r.ok).toBe(false);
    expect(problems(r)).toEqual(['extends/broken-base.yaml:3:5 error unknown key "trademrk" in entry 1 of "terms": did you mean "trademark"?']);
  });

  it('problems in the guide and in what it extends are reported together', () => {
    const src = 'extends: ./broken-base.yaml\nbrand: [x]\n';
    const r = loadGuide(path.join(EXT, 'both-broken.yaml'), {
      read: (f) => (f.endsWith('both-broken.yaml') ? src : fs.readFileSync(f, 'utf8')),
    });
    expect(problems(r)).toEqual([
      'extends/both-broken.yaml:2:8 error "brand" must be text, found a list',
      'extends/broken-base.yaml:3:5 error unknown key "trademrk" in entry 1 of "terms": did you mean "trademark"?',
    ]);
  });

  it('opts.read supplies unsaved buffers for the guide and what it extends', () => {
    const read = (f: string) => {
      if (f === path.join(EXT, 'team.yaml')) return 'extends: ./base.yaml\nbrand: Unsaved\n';
      if (f === path.join(EXT, 'base.yaml')) return 'terms:\n  - use: Buffered\n';
      throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    };
    const g = guideOf(loadGuide(path.join(EXT, 'team.yaml'), { read }));
    expect([g.brand, g.terms.map((t) => t.use)]).toEqual(['Unsaved', ['Buffered']]);
    expect(problems(loadGuide(path.join(EXT, 'gone.yaml'), { read }))).toEqual(['extends/gone.yaml:1:1 error cannot read the guide: file not found']);
  });
});

describe('findGuide', () => {
  let repo: string;
  beforeAll(() => {
    repo = path.join(tmp, 'find');
    write('find/brand.yaml', 'brand: Parent outside the repo\n');
    write('find/repo/.git/HEAD', 'x\n');
    write('find/repo/brand.yaml', 'brand: Root\n');
    write('find/repo/docs/.brand.yml', 'brand: Docs\n');
    write('find/repo/docs/blog/2024/post.md', '# Hi\n');
    write('find/repo/both/brand.yml', 'brand: yml\n');
    write('find/repo/both/.brand.yaml', 'brand: dot\n');
    write('find/repo/both/a.md', 'x\n');
    write('find/bare/.git/HEAD', 'x\n');
    write('find/bare/notes/a.md', 'x\n');
    fs.mkdirSync(path.join(tmp, 'find/repo/fake/brand.yaml'), { recursive: true }); // a folder, not a guide
    write('find/repo/fake/a.md', 'x\n');
  });

  it('the nearest guide wins, walking up', () => {
    expect(findGuide(path.join(repo, 'repo/docs/blog/2024/post.md'))).toBe(path.join(repo, 'repo/docs/.brand.yml'));
    expect(findGuide(path.join(repo, 'repo/other.md'))).toBe(path.join(repo, 'repo/brand.yaml'));
  });

  it('in one folder the names rank brand.yaml, brand.yml, .brand.yaml, .brand.yml', () => {
    expect(GUIDE_NAMES).toEqual(['brand.yaml', 'brand.yml', '.brand.yaml', '.brand.yml']);
    expect(findGuide(path.join(repo, 'repo/both/a.md'))).toBe(path.join(repo, 'repo/both/brand.yml'));
  });

  it('stops at the repository root (a folder with .git) and at stopAt', () => {
    expect(findGuide(path.join(repo, 'bare/notes/a.md'))).toBeUndefined();
    expect(findGuide(path.join(repo, 'repo/docs/blog/2024/post.md'), path.join(repo, 'repo/docs/blog'))).toBeUndefined();
    expect(findGuide(path.join(repo, 'repo/docs/blog/2024/post.md'), path.join(repo, 'repo/docs'))).toBe(path.join(repo, 'repo/docs/.brand.yml'));
  });

  it('a folder named like a guide is not one; a folder argument starts in that folder', () => {
    expect(findGuide(path.join(repo, 'repo/fake/a.md'))).toBe(path.join(repo, 'repo/brand.yaml'));
    expect(findGuide(path.join(repo, 'repo/docs'))).toBe(path.join(repo, 'repo/docs/.brand.yml'));
  });
});

describe('the schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/brand.schema.json'), 'utf8')) as Record<string, any>;
  const defs = schema.definitions as Record<string, any>;
  const resolve = (s: any): any => (s && s.$ref ? resolve(defs[String(s.$ref).replace('#/definitions/', '')]) : s);

  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ strict: false });
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('every key has a description and examples (completion and hover for the brand owner)', () => {
    const missing: string[] = [];
    const visit = (s: any, where: string, seen: Set<any>) => {
      if (!s || typeof s !== 'object' || seen.has(s)) return;
      seen.add(s);
      for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, any>)) {
        const r = resolve(sub);
        if (!(sub.description ?? r.description)) missing.push(`${where}.${k}: description`);
        if (!(sub.examples ?? r.examples)) missing.push(`${where}.${k}: examples`);
        visit(r, `${where}.${k}`, seen);
      }
      for (const key of ['items', 'additionalProperties']) if (typeof s[key] === 'object') visit(resolve(s[key]), `${where}[]`, seen);
      for (const key of ['anyOf', 'oneOf']) for (const b of s[key] ?? []) visit(resolve(b), where, seen);
    };
    visit(schema, '', new Set());
    expect(missing).toEqual([]);
    // Spot-check that the walk reached deep keys.
    expect(resolve(resolve(defs.socialChannel.properties.x).properties.max).examples).toEqual([60, 280]);
  });

  it('every anyOf branch is a $ref to a definition (the error mapper picks branches by their type)', () => {
    const bad: string[] = [];
    const walk = (s: any, where: string) => {
      if (!s || typeof s !== 'object') return;
      for (const b of s.anyOf ?? []) if (!b.$ref) bad.push(where);
      for (const [k, v] of Object.entries(s)) if (v && typeof v === 'object') walk(v, `${where}/${k}`);
    };
    walk(schema, '#');
    expect(bad).toEqual([]);
  });

  it('every example in docs/guide-reference.md, the tone and channel docs and the rules\' pages is a valid guide', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'rules/checks')).map((id) => path.join(ROOT, 'rules/checks', id, `${id}.md`)).filter((f) => fs.existsSync(f));
    const md = ['docs/guide-reference.md', 'docs/tone.md', 'docs/formats.md'].map((f) => path.join(ROOT, f)).concat(pages).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const blocks = [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      // The extends example names an org file that is not there; its pack part is real.
      const src = block.replace('./org/acme-core.yaml', './full.yaml');
      const r = loadGuide(fx('doc-example.yaml'), { read: (f) => (f === fx('doc-example.yaml') ? src : fs.readFileSync(f, 'utf8')) });
      expect(problems(r), block).toEqual([]);
    }
  });

  it('the design sketch of brand.yaml and the sample guide validate', () => {
    const sample = path.join(ROOT, 'samples/brand.yaml');
    if (fs.existsSync(sample)) expect(problems(loadGuide(sample, { root: ROOT }))).toEqual([]);
    const design = path.join(ROOT, '../shared/design.md');
    if (!fs.existsSync(design)) return;
    const md = fs.readFileSync(design, 'utf8');
    const sketch = /```yaml\n([\s\S]*?)```/.exec(md)?.[1];
    expect(sketch).toBeDefined();
    // The sketch extends an org file that is not there; check everything else.
    const r = loadGuide(path.join(tmp, 'design.yaml'), { read: () => sketch!.replace(/^extends:.*$/m, '') });
    expect(problems(r)).toEqual([]);
  });
});

describe('robustness and speed', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (src) => {
        const r = loadGuide(path.join(tmp, 'fuzz.yaml'), { read: () => src });
        for (const p of r.problems) expect(p.line >= 1 && p.column >= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the YAML value (including guide-shaped ones)', () => {
    const keys = fc.constantFrom('brand', 'terms', 'banned', 'claims', 'tone', 'channels', 'overrides', 'extends', 'use', 'phrase', 'pattern', 'level', 'max', 'files', 'not', 'x', 'email', 'passive-voice');
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 8 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom('off', 'warning', '(?<=a)b', '[', 'brandlint:x', './nope.yaml'),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(keys, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(keys, value, { maxKeys: 6 }), (obj) => {
        const r = loadGuide(path.join(tmp, 'fuzz.yaml'), { read: (f) => (f.endsWith('fuzz.yaml') ? stringify(obj) : '') });
        expect(r.ok || r.problems.some((p) => p.level === 'error')).toBe(true);
        for (const p of r.problems) expect(p.line >= 1 && p.column >= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('loads quickly once warm (the schema is compiled once per process)', () => {
    loadGuide(fx('full.yaml'));
    const t = performance.now();
    for (let i = 0; i < 20; i++) {
      loadGuide(fx('full.yaml'));
      loadGuide(fx('types.yaml'));
    }
    expect(schemaCompilations()).toBe(1);
    // 4–15 ms a load measured on a busy 2-core machine; the bound leaves room for a loaded CI runner.
    expect((performance.now() - t) / 40).toBeLessThan(250);
  });
});
