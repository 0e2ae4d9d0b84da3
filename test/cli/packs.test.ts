// The built-in packs: they load, every example in them holds, `extends: brandlint:NAME` works from
// a user's guide through the CLI, and inclusive.yaml is exactly what its build script makes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGuide } from '../../rules/index.js';
import { runExamples } from '../../rules/examples.js';
import { HAS_SHARED, ROOT, SHARED, cleanTemps, run, tempDir } from '../helpers/cli-temp.js';

afterAll(cleanTemps);

function pack(name: string) {
  const r = loadGuide(path.join(ROOT, 'packs', `${name}.yaml`), { root: ROOT });
  expect(r.problems).toEqual([]);
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.guide;
}

describe('brandlint:claims', () => {
  it('covers each area with a reason and a link to the rule it rests on, and its examples hold', () => {
    const g = pack('claims');
    const phrases = g.claims.flatMap((c) => c.phrases);
    for (const p of ['best', '#1', 'guaranteed', 'risk-free', 'clinically proven', 'free', 'limited time offer', 'up to', 'eco-friendly', 'carbon neutral']) expect(phrases).toContain(p);
    for (const c of g.claims) {
      expect(c.because, c.phrases.join()).toMatch(/FTC|ASA|CAP|Green Guides|CPR/);
      expect(c.docs).toMatch(/^https:\/\/(www\.ftc\.gov|www\.asa\.org\.uk|www\.ecfr\.gov)\//);
      expect(c.examples?.bad?.length && c.examples?.good?.length).toBeTruthy();
    }
    const results = runExamples(g);
    expect(results.filter((r) => !r.pass).map((r) => r.text)).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });
});

describe('brandlint:inclusive', () => {
  it('loads and flags with alternatives', () => {
    const g = pack('inclusive');
    expect(g.banned.length).toBeGreaterThan(400);
    expect(g.banned.every((b) => b.because && (b.level === 'info' || b.level === 'hint'))).toBe(true);
  });

  it.skipIf(!HAS_SHARED)('is exactly what packs/build-inclusive.mjs makes from retext-equality', () => {
    const out = path.join(tempDir('inclusive'), 'inclusive.yaml');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'packs/build-inclusive.mjs'), path.join(SHARED, 'corpus/brand-rules/retext-equality/data/en'), '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'packs/inclusive.yaml'), 'utf8'));
  });
});

describe('extends: brandlint:… from a guide, through the CLI', () => {
  it('lints with both packs and the guide’s own entries', () => {
    const dir = tempDir('packs');
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, 'brand.yaml'), 'brand: Acme\nextends: [brandlint:claims, brandlint:inclusive]\nbanned:\n  - phrase: utilize\n    use: use\n');
    fs.writeFileSync(path.join(dir, 'post.md'), 'The best tool, guaranteed. Hey guys, utilize it now.\n');
    const r = run(dir, ['--format', 'json', 'post.md']);
    const report = JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; column: number; message: string }> }> };
    const got = report.files[0]!.findings.map((f) => [f.rule, f.column]);
    expect(got).toEqual([
      ['claim', 5],
      ['claim', 16],
      ['banned', 32],
      ['banned', 38],
    ]);
    expect(report.files[0]!.findings[2]!.message).toMatch(/"guys"/);
    const missing = run(dir, ['check-guide', '--guide', 'brand.yaml']);
    expect(missing.code).toBe(0);
    fs.writeFileSync(path.join(dir, 'brand.yaml'), 'extends: brandlint:nope\n');
    const bad = run(dir, ['post.md']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/brand\.yaml:1:10 error unknown pack "brandlint:nope" \(brandlint's packs: brandlint:claims, brandlint:inclusive\)/);
    fs.writeFileSync(path.join(dir, 'brand.yaml'), 'extends: brandlint:clams\n');
    expect(run(dir, ['post.md']).stderr).toMatch(/brand\.yaml:1:10 error unknown pack "brandlint:clams": did you mean "brandlint:claims"\?/);
  });
});
