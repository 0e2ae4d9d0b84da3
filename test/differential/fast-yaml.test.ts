// Differential tests for the language server's cold start: the fast guide reader
// (rules/guide/fast-yaml.ts) must give exactly what `yaml`'s positioned Document gives — the same
// plain value and node positions at the YAML level, and the same Guide (every ref) and problems at
// the loader level — and the matcher's phrase-token shortcut the same tokens as the tokenizer.
// Timings are never asserted here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastYaml } from '../../rules/guide/fast-yaml.js';
import { loadGuide } from '../../rules/guide/load.js';
import { documentPositions, fastGuideYaml, parseGuideYaml } from '../../rules/guide/yaml.js';
import { phraseTokens } from '../../rules/match/tokens.js';
import { tokensOfPhrase } from '../../rules/match/phrases.js';
import type { GuideResult } from '../../rules/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
import { CORPUS as SHARED_CORPUS, present } from '../helpers/corpus.js';

const CORPUS = path.join(SHARED_CORPUS, 'marketing-copy');

const yamlFiles = ['samples', 'packs', 'bench', 'test/fixtures']
  .flatMap((d) => (existsSync(path.join(ROOT, d)) ? readdirSync(path.join(ROOT, d), { recursive: true, encoding: 'utf8' }).map((f) => path.join(ROOT, d, f)) : []))
  .filter((f) => /\.ya?ml$/.test(f) && !f.includes('node_modules'))
  .sort();

/** Load a guide (its own text given, what it extends from disk) with one reader or the other. */
function load(file: string, text: string, reader: 'fast' | 'yaml'): GuideResult {
  return loadGuide(file, { read: (f) => (f === file ? text : readFileSync(f, 'utf8')), reader });
}

/** Every path to a node in a plain value (object keys, array indices). */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/**
 * The YAML-level property: whenever the fast reader accepts a text, `yaml` reads it without a single
 * problem, to the same value, with every node and key at the same offset.
 */
function sameAsYaml(text: string): boolean {
  const fast = fastGuideYaml('/x/brand.yaml', text);
  if (!fast) return false;
  const ref = parseGuideYaml('/x/brand.yaml', text);
  expect(ref.parsed.problems).toEqual([]);
  expect(fast.value).toEqual(ref.parsed.value);
  const pos = documentPositions(ref.parsed.doc);
  for (const p of [...paths(fast.value), ['nowhere'], ['terms', 99999], ['tone', 'nope', 'deeper']]) {
    expect([p, fast.pos.start(p)]).toEqual([p, pos.start(p)]);
    expect([p, fast.pos.start(p, true)]).toEqual([p, pos.start(p, true)]);
  }
  // yaml's own LineCounter is the reference for positions (GuideYaml.pos is lineOf/columnOf).
  const linePos = (o: number) => {
    const p = ref.parsed.lines.linePos(o);
    return { line: p.line, column: p.col };
  };
  for (let o = 0; o <= text.length; o += Math.max(1, text.length >> 6)) expect(fast.y.pos(o)).toEqual(linePos(o));
  // lineOf/columnOf (a hint from the last call) = linePos, forwards, backwards and jumping.
  const offsets = [...Array(text.length + 1).keys()].filter((o) => o % Math.max(1, text.length >> 7) === 0 || text[o - 1] === '\n');
  for (const o of [...offsets, ...offsets.reverse(), ...offsets.filter((_, i) => i % 7 === 3)]) {
    const line = fast.y.lineOf(o);
    expect([o, line, fast.y.columnOf(o, line)]).toEqual([o, linePos(o).line, linePos(o).column]);
  }
  // The positions the loader reads ('guide': only where entries, tone keys and override sections are) = yaml's.
  const lean = fastGuideYaml('/x/brand.yaml', text, 'guide')!;
  expect(lean.value).toEqual(fast.value);
  for (const [p, useKey] of loaderPaths(fast.value)) expect([p, lean.pos.start(p, useKey)]).toEqual([p, pos.start(p, useKey)]);
  for (const [p] of loaderPaths(fast.value)) {
    const items = lean.pos.items?.(p);
    const full = fast.pos.items?.(p);
    expect(items === undefined).toBe(full === undefined);
    if (items) expect([p, ...items]).toEqual([p, ...Array.from({ length: items.length }, (_, i) => pos.start([...p, i]))]);
  }
  return true;
}

/** The paths Normalizer asks a position of (true: a key's), and the lists whose items it places. */
function loaderPaths(v: unknown): [(string | number)[], boolean][] {
  const out: [(string | number)[], boolean][] = [];
  const obj = (x: unknown): Record<string, unknown> | undefined => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined);
  const section = (s: Record<string, unknown>, at: (string | number)[]) => {
    for (const k of ['terms', 'banned', 'claims']) {
      out.push([[...at, k], false]);
      if (Array.isArray(s[k])) (s[k] as unknown[]).forEach((_, i) => out.push([[...at, k, i], false]));
    }
    for (const id of Object.keys(obj(s.tone) ?? {})) out.push([[...at, 'tone', id], true]);
  };
  const root = obj(v);
  if (!root) return out;
  section(root, []);
  if (Array.isArray(root.overrides)) {
    out.push([['overrides'], false]);
    root.overrides.forEach((o, i) => {
      out.push([['overrides', i], false]);
      if (obj(o)) section(obj(o)!, ['overrides', i]);
    });
  }
  return out;
}

/** 10,000 product-name terms like bench/lsp-rss.mjs generates (`use: DeployCluster`, `not: [deploy cluster]`). */
function termsGuide(words: string[], n: number): string {
  let seed = 11;
  if (words.length * (words.length - 1) < n * 2) throw new Error(`${words.length} words cannot make ${n} terms`);
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = () => words[Math.floor(rand() * words.length)]!;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const seen = new Set<string>();
  const lines = ['# generated', 'brand: Bench', 'terms:'];
  while (seen.size < n) {
    const a = pick();
    const b = pick();
    if (a === b || seen.has(a + b)) continue;
    seen.add(a + b);
    lines.push(`  - use: ${cap(a)}${cap(b)}`, '    not:', `      - ${a} ${b}`);
  }
  const bench = readFileSync(path.join(ROOT, 'bench/brand.yaml'), 'utf8');
  return `${lines.join('\n')}\n${bench.slice(bench.indexOf('\nbanned:') + 1)}`;
}

// Mistakes and styles that send a file to `yaml`'s Document, or that it must read the same.
const sample = readFileSync(path.join(ROOT, 'samples/brand.yaml'), 'utf8');
const variants: Array<[string, string]> = [
  ['CRLF', sample.replace(/\n/g, '\r\n')],
  ['BOM', '\uFEFF' + sample],
  ['tab indent', sample.replace('  - use: GitHub', '\t- use: GitHub')],
  ['duplicate key', sample + '\nbrand: Other\n'],
  ['duplicate term', sample.replace('  - use: JavaScript', '  - use: JavaScript\n  - use: javascript')],
  ['unknown key', sample.replace('  - use: GitHub', '  - use: GitHub\n    nto: [Git Hub]')],
  ['bad pattern', sample.replace("'\\bcheap(er|est)?\\b'", "'cheap(er'")],
  ['channel typo', sample.replace('  email:  {', '  emial:  {')],
  ['anchor and alias', sample.replace('  - use: JavaScript', '  - &js\n    use: JavaScript').replace('allow: [best practices]', 'allow: [best practices]\nx-copy: *js')],
  ['merge key', sample.replace('  social: {', '  base: &b { files: ["x/**"] }\n  social: {').replace('tone:\n', 'tone:\n')],
  ['block scalar', sample.replace('    because: We write email as one word, lowercase.', '    because: |\n      We write email\n      as one word.')],
  ['folded plain scalar', sample.replace('    because: We write email as one word, lowercase.', '    because: We write email\n      as one word, lowercase.')],
  ['unicode escape', sample.replace('trademark: "®"', 'trademark: "\\u00AE"')],
  ['pattern escapes', sample.replace("'\\bcheap(er|est)?\\b'", '"\\\\bcheap(er|est)?\\\\b \\"q\\" a\\/b\\tc\\n"')],
  ['multi-line flow', sample.replace('allow: [best practices]', 'allow: [best practices,\n  other]')],
  ['tag', sample.replace('brand: Acme', 'brand: !!str Acme')],
  ['document marker', '---\n' + sample],
  ['number key', sample.replace('brand: Acme', 'brand: Acme\n1: one')],
  ['numbers', sample.replace('{ max: 1 }', '{ max: 1.50 }').replace('{ max: 30 }', '{ max: 0.5 }')],
  ['leading zero', sample.replace('{ max: 30 }', '{ max: 030 }')],
  ['booleans and nulls', sample.replace('brand: Acme', 'brand: ~').replace('  - use: JavaScript', '  - use: true')],
  ['quoted keys', sample.replace('  - use: GitHub', '  - "use": GitHub').replace('brand: Acme', "'brand': Acme")],
  ['empty values', sample.replace('allow: [best practices]', 'allow:\ndocs:')],
  ['empty file', ''],
  ['comments only', '# nothing yet\n\n   # still nothing\n'],
  ['root list', '- a\n- b\n'],
  ['root scalar', 'just words\n'],
  ['nested compact seq', 'brand: X\nallow:\n- - a\n  - b\n'],
  ['indent 4', sample.replace(/^ {2}(?=- )/gm, '    ').replace(/^ {4}(?=[a-z])/gm, '      ')],
  ['wrong indent', sample.replace('    not: [Git Hub]', '     not: [Git Hub]')],
  ['key: value: value', sample.replace('brand: Acme', 'brand: Acme: Corp')],
  ['colon in text', sample.replace('brand: Acme', 'brand: "Acme: Corp"').replace('    because: We write', '    because: See https://x.example/a:b — we write')],
  ['hash in text', sample.replace('brand: Acme', 'brand: Acme#1 # a comment')],
  ['flow trailing comma', sample.replace('allow: [best practices]', 'allow: [best practices, ]')],
  ['flow pair', sample.replace('allow: [best practices]', 'allow: [best: practices]')],
  ['unclosed quote', sample.replace('trademark: "®"', 'trademark: "®')],
  ['extends', 'extends: brandlint:claims\nbrand: X\n'],
  // Mappings of more than 16 keys are looked up through an index.
  ['many channels', sample.replace('channels:\n', `channels:\n${Array.from({ length: 40 }, (_, i) => `  team${i}: { files: ["t${i}/**"] }\n`).join('')}`)],
];

describe('fast guide reader: same value and positions as yaml', () => {
  it('every YAML file of the repository, and the sample guide in many styles', () => {
    const accepted: string[] = [];
    for (const f of yamlFiles) if (sameAsYaml(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''))) accepted.push(path.relative(ROOT, f));
    for (const [name, text] of variants) if (sameAsYaml(text.replace(/^\uFEFF/, ''))) accepted.push(name);
    // Not vacuous: the guides people write and the benchmark's are read by the fast reader.
    for (const name of ['samples/brand.yaml', 'samples/brand-starter.yaml', 'bench/brand.yaml', 'packs/inclusive.yaml', 'CRLF', 'indent 4', 'quoted keys', 'numbers', 'colon in text', 'hash in text', 'pattern escapes', 'many channels']) {
      expect(accepted).toContain(name);
    }
    for (const name of ['tab indent', 'duplicate key', 'anchor and alias', 'block scalar', 'folded plain scalar', 'unicode escape', 'multi-line flow', 'tag', 'document marker', 'leading zero', 'number key', 'root list', 'root scalar', 'key: value: value', 'flow pair', 'unclosed quote']) {
      expect(accepted).not.toContain(name);
    }
  });

  it('random YAML-ish guides (fast-check): accepted only when yaml agrees exactly', () => {
    const scalar = fc.oneof(
      { arbitrary: fc.stringMatching(/^[A-Za-z][a-z ]{0,8}[a-z]$/), weight: 8 },
      fc.constantFrom('Acme', 'use', 'e-mail', 'Git Hub', "it's", 'C#', 'a #b', 'a:b', 'a: b', 'x:', '1', '01', '1.5', '1.50', '-1', '+1', '.5', '1e3', '0x1f', '0o7', '.inf', 'true', 'False', 'yes', 'null', '~', 'NULL', '', '-', '- x', '?', '*a', '&a', '!t', '|', '>', '%', '@x', '`x', '[x', '{x', 'x]', 'a, b', 'a,b', '<<', '__proto__', 'toString', '...', '---', 'a  ', ' a', 'ünï', '®', '"q"', "'q'", 'a\tb', 'a\\b', 'a\\\\b', 'a\\"b', 'a\\/b', 'a\\nb', 'a\\tb', 'a\\u00e9b', 'a\\', 'a\\\\'),
    );
    const quoted = fc.oneof(
      { arbitrary: scalar, weight: 6 },
      scalar.map((s) => `'${s.replace(/'/g, "''")}'`),
      scalar.map((s) => `"${s}"`),
      scalar.map((s) => `'${s}`),
    );
    const key = fc.oneof(fc.constantFrom('brand', 'terms', 'use', 'not', 'phrase', 'tone', 'max', 'files', 'because', 'level'), quoted);
    const flow: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, quoted, tie('seq'), tie('map')),
      seq: fc.array(tie('node'), { maxLength: 3 }).chain((xs) => fc.constantFrom(`[${xs.join(', ')}]`, `[ ${xs.join(',')} ]`, `[${xs.join(', ')}, ]`)),
      map: fc.array(fc.tuple(key, tie('node')), { maxLength: 3 }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    })).node as fc.Arbitrary<string>;
    const value = fc.oneof(quoted, flow);
    const comment = fc.constantFrom('', '', ' # note', '  #x', '#tight');
    // A block node rendered at an indent; children sometimes mis-indented on purpose.
    const block: fc.Arbitrary<(indent: number) => string[]> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, value.map((v) => () => [v]), tie('map'), tie('seq')),
      map: fc.array(fc.tuple(key, tie('node'), comment, fc.constantFrom(0, 0, 0, 1, -1), fc.constantFrom(2, 2, 4, 3, 0)), { minLength: 1, maxLength: 4 }).map(
        (pairs) => (indent: number) =>
          pairs.flatMap(([k, v, c, jitter, step]) => {
            const pad = ' '.repeat(Math.max(0, indent + jitter));
            const inner = (v as (i: number) => string[])(indent + step);
            return inner.length === 1 && !/^\s*(-|[^:]+: )/.test(inner[0]!)
              ? [`${pad}${k}: ${inner[0]!.trimStart()}${c}`]
              : [`${pad}${k}:${c}`, ...inner.map((l) => (/^\s/.test(l) ? l : ' '.repeat(indent + step) + l))];
          }),
      ),
      seq: fc.array(fc.tuple(tie('node'), comment, fc.boolean()), { minLength: 1, maxLength: 4 }).map(
        (items) => (indent: number) =>
          items.flatMap(([v, c, compact]) => {
            const pad = ' '.repeat(indent);
            const inner = (v as (i: number) => string[])(indent + 2);
            if (compact && inner.length > 0) return [`${pad}- ${inner[0]!.trimStart()}${inner.length === 1 ? c : ''}`, ...inner.slice(1)];
            return [`${pad}-${c}`, ...inner];
          }),
      ),
    })).map as fc.Arbitrary<(indent: number) => string[]>;
    const doc = fc.tuple(block, fc.constantFrom('\n', '\n', '\r\n'), fc.constantFrom('', '# head\n', '\n\n'), fc.boolean()).map(([b, nl, head, blankLines]) => {
      const lines = b(0);
      return head + (blankLines ? lines.join(nl + nl) : lines.join(nl)) + nl;
    });
    let accepted = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (sameAsYaml(text)) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: a good share of the random guides took the fast path.
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('guide loader: the fast reader gives the same Guide and problems as yaml alone', () => {
  it('every YAML file of the repository, and broken variants of the sample guide', () => {
    const cases: Array<[string, string, string]> = yamlFiles.map((f) => [path.relative(ROOT, f), f, readFileSync(f, 'utf8')]);
    const sampleFile = path.join(ROOT, 'samples/brand.yaml');
    for (const [name, text] of variants) cases.push([name, sampleFile, text]);
    // Each line of the sample guide deleted, doubled, and indented one more space in turn.
    const lines = sample.split('\n');
    lines.forEach((_, i) => {
      cases.push([`line ${i + 1} deleted`, sampleFile, lines.filter((_, j) => j !== i).join('\n')]);
      cases.push([`line ${i + 1} doubled`, sampleFile, lines.flatMap((l, j) => (j === i ? [l, l] : [l])).join('\n')]);
      cases.push([`line ${i + 1} indented`, sampleFile, lines.map((l, j) => (j === i ? ' ' + l : l)).join('\n')]);
    });
    let ok = 0;
    let failing = 0;
    for (const [name, file, text] of cases) {
      const fast = load(file, text, 'fast');
      expect([name, fast]).toEqual([name, load(file, text, 'yaml')]);
      if (fast.ok) ok++;
      if (fast.problems.length) failing++;
    }
    // Both kinds are well represented.
    expect(ok).toBeGreaterThan(50);
    expect(failing).toBeGreaterThan(50);
  });

  it('a 10,000-term guide, and the same guide with a problem at its end', () => {
    const words = readFileSync(path.join(ROOT, 'bench/brand.yaml'), 'utf8').toLowerCase().match(/\b[a-z]{4,12}\b/g)!;
    const text = termsGuide([...new Set(words)], 10_000);
    expect(fastYaml(text)).toBeDefined();
    const file = path.join(ROOT, 'bench/generated-terms.yaml'); // never written: read through `read`
    const fast = load(file, text, 'fast');
    expect(fast.ok).toBe(true);
    expect(fast.ok && fast.guide.terms.length).toBe(10_000);
    expect(fast).toEqual(load(file, text, 'yaml'));
    const broken = text + 'tone:\n  passive-voice: loud\n';
    const b = load(file, broken, 'fast');
    expect(b.ok).toBe(false);
    expect(b).toEqual(load(file, broken, 'yaml'));
  });

  it.skipIf(!present)('the 10,000-term guide of bench/lsp-rss.mjs (needs ../shared/corpus)', async () => {
    const { readBase, terms, vocabulary } = (await import(pathToFileURL(path.join(ROOT, 'bench/guides.mjs')).href)) as {
      readBase: (f: string) => { banned?: unknown[]; claims?: unknown[]; tone?: unknown };
      terms: (vocab: string[], n: number) => unknown[];
      vocabulary: (files: string[]) => string[];
    };
    const YAML = await import('yaml');
    const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.join(CORPUS, f))
      .sort();
    const base = readBase(path.join(ROOT, 'bench/brand.yaml'));
    const guide = { brand: 'Bench brand', terms: terms(vocabulary(files), 10_000), banned: base.banned, claims: base.claims ?? [], tone: base.tone ?? {} };
    const text = `# Generated by bench/guides.mjs for the benchmark; not a real guideline.\n${YAML.stringify(guide, { lineWidth: 0 })}`;
    expect(fastYaml(text)).toBeDefined();
    const file = path.join(ROOT, 'bench/lsp-terms.yaml');
    const fast = load(file, text, 'fast');
    expect(fast.ok).toBe(true);
    expect(fast).toEqual(load(file, text, 'yaml'));
  }, 120_000);
});

describe('phrase matcher: simple phrases tokenized without the tokenizer', () => {
  it('the same tokens as phraseTokens (fast-check)', () => {
    const phrase = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9]{1,6}(?: [A-Za-z0-9]{1,6}){0,3}$/),
      fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', '  ', '-', '.', '/', '@', '#', "'", '\u2019', '_', 'é', ':', '{', '*'), maxLength: 12 }),
    );
    fc.assert(
      fc.property(phrase, (p) => {
        expect(tokensOfPhrase(p)).toEqual(phraseTokens(p));
      }),
      { numRuns: 5000 },
    );
  });
});
