// init, check-guide, explain through the CLI as a process; the schema documents every key and
// accepts the sample and starter guides; checkExamples() places failures on the example itself.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGuide } from '../../rules/index.js';
import { checkExamples, runExamples } from '../../rules/examples.js';
import { FIXTURES, ROOT, cleanTemps, fixtureRepo, run, tempDir } from '../helpers/cli-temp.js';

afterAll(cleanTemps);

function repo(): string {
  const dir = tempDir('init');
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('brandlint init', () => {
  it('writes a starter guide that loads, names the brand, and says what to do next', () => {
    const dir = repo();
    const r = run(dir, ['init', '--brand', 'Nova Labs']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Wrote brand\.yaml/);
    expect(r.stdout).toMatch(/brandlint check-guide/);
    expect(r.stdout).toMatch(/brandlint report/);
    const text = fs.readFileSync(path.join(dir, 'brand.yaml'), 'utf8');
    expect(text).not.toMatch(/__BRAND__/);
    expect(text).toMatch(/^brand: Nova Labs$/m);
    // Commented: every section says what it is for.
    for (const section of ['terms:', 'banned:', 'claims:', 'tone:', 'channels:', 'overrides:', 'allow:', 'ignore:']) {
      expect(text).toMatch(new RegExp(`^${section}.*#`, 'm'));
    }
    const g = loadGuide(path.join(dir, 'brand.yaml'));
    expect(g.ok, JSON.stringify(g.problems)).toBe(true);
    if (!g.ok) return;
    expect(g.guide.terms.map((t) => t.use)).toContain('Nova Labs');
    // The pack it extends is really merged in.
    expect(g.guide.claims.some((c) => c.phrases.includes('clinically proven'))).toBe(true);
    // Its examples hold: a new owner's first check-guide is green.
    const check = run(dir, ['check-guide']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/\d+ pass, 0 fail/);
  });

  it('refuses to overwrite any existing guide without --force', () => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, '.brand.yml'), 'brand: Old\n');
    const r = run(dir, ['init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.brand\.yml already exists.*--force/);
    expect(fs.existsSync(path.join(dir, 'brand.yaml'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'brand.yaml'), 'brand: Old\n');
    expect(run(dir, ['init']).code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'brand.yaml'), 'utf8')).toBe('brand: Old\n');
    const forced = run(dir, ['init', '--force', '--brand', 'Acme "Quoted": Co']);
    expect(forced.code, forced.stderr).toBe(0);
    const g = loadGuide(path.join(dir, 'brand.yaml'));
    expect(g.ok && g.guide.brand).toBe('Acme "Quoted": Co');
  });

  it('rejects stray arguments', () => {
    const r = run(repo(), ['init', 'docs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/init takes no paths/);
  });
});

describe('schema with documentation', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/brand.schema.json'), 'utf8')) as Record<string, unknown>;

  it('validates samples/brand.yaml and the starter guide', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    const validate = ajv.compile(schema);
    for (const f of ['samples/brand.yaml', 'samples/brand-starter.yaml']) {
      const value = parseYaml(fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/__BRAND__/g, 'Acme'));
      expect(validate(value), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // and rejects what it should
    expect(validate({ terms: [{ us: 'GitHub' }] })).toBe(false);
  });

  it('gives every key a description and examples (what VS Code shows on hover and completion)', () => {
    const missing: string[] = [];
    const defs = (schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
    const resolve = (s: Record<string, unknown>) => (typeof s.$ref === 'string' ? { ...defs[s.$ref.split('/').pop()!], ...s } : s);
    const walk = (s: Record<string, unknown>, where: string, seen: Set<string>) => {
      const props = s.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [k, raw] of Object.entries(props ?? {})) {
        const p = resolve(raw);
        if (typeof p.description !== 'string' || !p.description) missing.push(`${where}.${k}: description`);
        if (!Array.isArray(p.examples) || p.examples.length === 0) missing.push(`${where}.${k}: examples`);
        const ref = typeof raw.$ref === 'string' ? raw.$ref : '';
        if (ref && seen.has(ref)) continue;
        walk(p, `${where}.${k}`, new Set([...seen, ref]));
      }
    };
    walk(schema, '', new Set());
    for (const [name, d] of Object.entries(defs)) {
      walk(d, `#${name}`, new Set());
      if (typeof d.description !== 'string') missing.push(`#${name}: description`);
    }
    expect(missing).toEqual([]);
  });
});

describe('examples as tests: check-guide', () => {
  it('reports each failing example at its own line:column, exit 1', () => {
    const dir = fixtureRepo('guides');
    const r = run(dir, ['check-guide', 'examples.yaml']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      'examples.yaml:12:32 error bad example "We use it." does not trigger banned "utilize": the entry would let this copy through (examples)',
      'examples.yaml:13:28 error good example "Utilize the API." triggers banned "utilize" (banned: Use "Use" instead of "Utilize".) (examples)',
      'examples.yaml: valid; 8 examples on 3 of 3 entries: 6 pass, 2 fail.',
    ]);
    const source = fs.readFileSync(path.join(dir, 'examples.yaml'), 'utf8').split('\n');
    expect(source[11]!.slice(31)).toMatch(/^"We use it\."/);
    expect(source[12]!.slice(27)).toMatch(/^"Utilize the API\."/);
  });

  it('json output lists every example with pass/fail', () => {
    const dir = fixtureRepo('guides');
    const r = run(dir, ['check-guide', '--guide', 'examples.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; examples: Array<{ which: string; text: string; pass: boolean; line: number; column: number }> };
    expect(out.ok).toBe(false);
    expect(out.examples).toHaveLength(8);
    expect(out.examples.filter((e) => !e.pass).map((e) => [e.which, e.text, e.line, e.column])).toEqual([
      ['bad', 'We use it.', 12, 32],
      ['good', 'Utilize the API.', 13, 28],
    ]);
  });

  it('warns at the entry about terms that are common English or another term in other capitals; exit 0', () => {
    const dir = tempDir('terms-review');
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(
      path.join(dir, 'brand.yaml'),
      'terms:\n  - use: Home Hub\n  - use: Design System\n    match: case-sensitive\n  - use: open source\n  - use: twitter-together\n    not: [Open Source]\n  - use: Zyxel\n',
    );
    const r = run(dir, ['check-guide']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'brand.yaml:2:5 warning term "Home Hub" is also common English ("home hub"): a lowercase "home hub" is flagged as a misspelt name. Add `match: case-sensitive` if only "Home Hub" as written is the name, and `plural: generic` if a plural is a common noun. (terms)',
      'brand.yaml:6:5 warning term "twitter-together": its wrong form "Open Source" is term "open source" in other capitals; only "Open Source" exactly is flagged for "twitter-together". (terms)',
      'brand.yaml: valid; 5 entries, none with examples (add examples: {bad: […], good: […]} to prove an entry).',
    ]);
    const json = JSON.parse(run(dir, ['check-guide', '--format', 'json']).stdout) as { ok: boolean; problems: Array<{ line: number; level: string }> };
    expect(json.ok).toBe(true);
    expect(json.problems.map((p) => [p.line, p.level])).toEqual([
      [2, 'warning'],
      [6, 'warning'],
    ]);
  });

  it('exit 2 with the guide error at line:col when brand.yaml is broken', () => {
    const dir = tempDir('broken');
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, 'brand.yaml'), 'brand: Acme\nbanned:\n  - phrase: utilize\n    usе: use\n');
    const r = run(dir, ['check-guide']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^brand\.yaml:4:5 error .*\(guide\)$/m);
  });

  it('checkExamples() gives the server problems with ranges on the example strings', () => {
    const g = loadGuide(path.join(FIXTURES, 'guides/examples.yaml'), { root: FIXTURES });
    expect(g.ok).toBe(true);
    if (!g.ok) return;
    const problems = checkExamples(g.guide);
    expect(problems.map((p) => [p.line, p.column, p.endLine, p.endColumn, p.level])).toEqual([
      [12, 32, 12, 44, 'error'],
      [13, 28, 13, 46, 'error'],
    ]);
    // Unsaved buffer: positions come from the text the editor holds, not the file on disk.
    const shifted = '\n\n' + fs.readFileSync(path.join(FIXTURES, 'guides/examples.yaml'), 'utf8');
    const file = path.join(FIXTURES, 'guides/examples.yaml');
    const g2 = loadGuide(file, { root: FIXTURES, read: () => shifted });
    expect(g2.ok).toBe(true);
    if (g2.ok) expect(checkExamples(g2.guide, { read: () => shifted }).map((p) => p.line)).toEqual([14, 15]);
    expect(runExamples(g.guide).filter((r) => r.pass)).toHaveLength(6);
  });
});

describe('brandlint explain', () => {
  it('finds the entry behind an inflected word, with file:line and the reason', () => {
    const dir = fixtureRepo('site');
    const r = run(dir, ['explain', 'leveraging']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^banned "synergy", "leverage"  brand\.yaml:14:5$/m);
    expect(r.stdout).toMatch(/Why: Jargon\. Say what actually happens\./);
    expect(r.stdout).toMatch(/Matched: "leveraging"/);
  });

  it('explains terms, pack entries and rules', () => {
    const dir = fixtureRepo('site');
    const term = run(dir, ['explain', 'git', 'hub']);
    expect(term.stdout).toMatch(/^term "GitHub"  brand\.yaml:8:5$/m);
    expect(term.stdout).toMatch(/Not: "Git Hub"/);
    const pack = run(dir, ['explain', 'clinically proven']);
    expect(pack.stdout).toMatch(/^claim .*"clinically proven".* \(error\)  brandlint:claims:\d+:5$/m);
    expect(pack.stdout).toMatch(/Docs: https:\/\/www\.ftc\.gov\//);
    const rule = run(dir, ['explain', 'weasel-words']);
    expect(rule.code).toBe(0);
    expect(rule.stdout).toMatch(/^rule weasel-words \(tone\)/m);
    expect(rule.stdout).toMatch(/In this guide: warning  brand\.yaml:18:3/);
    const off = run(dir, ['explain', 'passive-voice']);
    expect(off.stdout).toMatch(/In this guide: off/);
  });

  it('says when the guide is silent, with a did-you-mean, exit 1', () => {
    const dir = fixtureRepo('site');
    const r = run(dir, ['explain', 'synergie']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('brand.yaml says nothing about "synergie". Did you mean "synergy"?\n');
    expect(run(dir, ['explain']).code).toBe(2);
  });
});
