// One org guide, many repositories: `extends` an npm package, `brandlint init --org`, and overrides
// that change channel limits — through the CLI as a process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-org-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const ORG_GUIDE = 'brand: Acme\nterms:\n  - use: Acme Cloud\n    not: [AcmeCloud]\nbanned:\n  - phrase: utilize\n    use: use\n';

describe('extends an npm package', () => {
  it('resolves a scoped package to its brand.yaml through node_modules, and the repository adds its own entries', async () => {
    const dir = repo({
      'node_modules/@acme/brand-guide/package.json': '{"name":"@acme/brand-guide","version":"1.0.0"}',
      'node_modules/@acme/brand-guide/brand.yaml': ORG_GUIDE,
      'brand.yaml': 'extends: "@acme/brand-guide"\nbanned:\n  - phrase: synergy\n',
      'blog/post.md': 'We utilize AcmeCloud for synergy.\n',
    });
    const r = await runCli(dir, ['blog', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0); // warnings only
    const rules = JSON.parse(r.stdout).files[0].findings.map((f: { rule: string; text: string }) => `${f.rule}:${f.text}`);
    expect(rules).toEqual(['banned:utilize', 'term:AcmeCloud', 'banned:synergy']);
  });

  it('from a nested folder, walks up to the node_modules of the repository', async () => {
    const dir = repo({
      'node_modules/acme-guide/brand.yaml': ORG_GUIDE,
      'site/brand.yaml': 'extends: acme-guide\n',
      'site/post.md': 'We utilize it.\n',
    });
    const r = await runCli(dir, ['site']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/utilize/);
  });

  it('uses the file the package.json names in "brandlint", and a file of the package by subpath', async () => {
    const dir = repo({
      'node_modules/@acme/brand-guide/package.json': '{"name":"@acme/brand-guide","brandlint":"guides/org.yaml"}',
      'node_modules/@acme/brand-guide/guides/org.yaml': ORG_GUIDE,
      'node_modules/@acme/brand-guide/email.yaml': 'banned:\n  - phrase: click here\n',
      'brand.yaml': 'extends: ["@acme/brand-guide", "@acme/brand-guide/email.yaml"]\n',
      'post.md': 'We utilize it. Click here.\n',
    });
    const r = await runCli(dir, ['post.md', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { text: string }) => f.text)).toEqual(['utilize', 'Click here']);
  });

  it('keeps a relative file name a file (extends: base.yaml), not a package', async () => {
    const dir = repo({ 'base.yaml': ORG_GUIDE, 'brand.yaml': 'extends: base.yaml\n', 'post.md': 'We utilize it.\n' });
    const r = await runCli(dir, ['post.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/utilize/);
  });

  it('a package that is not installed is a guide error at the extends line that says how to install it', async () => {
    const dir = repo({ 'brand.yaml': 'brand: Acme\nextends: "@acme/brand-guide"\n', 'post.md': 'Hi.\n' });
    const r = await runCli(dir, ['post.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^brand\.yaml:2:10 error extends "@acme\/brand-guide": package "@acme\/brand-guide" is not installed .*npm install --save-dev @acme\/brand-guide/m);
  });

  it('a package without a guide names the package and the file it looked for', async () => {
    const dir = repo({ 'node_modules/acme-guide/package.json': '{"name":"acme-guide"}', 'brand.yaml': 'extends: acme-guide\n', 'post.md': 'Hi.\n' });
    const r = await runCli(dir, ['post.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/brand\.yaml:1:10 error extends "acme-guide": package "acme-guide" has no brand\.yaml \(node_modules\/acme-guide\/brand\.yaml\)/);
  });

  it("an error inside the package's guide is reported at the package's file, line and column", async () => {
    const dir = repo({ 'node_modules/acme-guide/brand.yaml': 'terms:\n  - usee: Acme\n', 'brand.yaml': 'extends: acme-guide\n', 'post.md': 'Hi.\n' });
    const r = await runCli(dir, ['post.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^node_modules\/acme-guide\/brand\.yaml:2:5 error .*usee/m);
  });

  it('a package linked from outside the repository is refused, and its text never shows', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-outside-'));
    fs.writeFileSync(path.join(outside, 'brand.yaml'), 'banned:\n  - phrase: hello\n    because: OUTSIDE-SECRET\n');
    const dir = repo({ 'brand.yaml': 'extends: acme-guide\n', 'post.md': 'hello\n' });
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(outside, path.join(dir, 'node_modules', 'acme-guide'));
    const r = await runCli(dir, ['post.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/resolves outside the repository/);
    expect(r.stdout + r.stderr).not.toContain('OUTSIDE-SECRET');
  });
});

describe('brandlint init --org', () => {
  it('writes a package skeleton that a content repository installs and extends', async () => {
    const dir = repo({});
    const r = await runCli(dir, ['init', '--org', '--brand', 'Globex Corp', '--output', 'org-guide']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/extends: "@globex-corp\/brand-guide"/);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'org-guide/package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: '@globex-corp/brand-guide', brandlint: 'brand.yaml', files: ['brand.yaml', 'README.md'] });
    expect(fs.readFileSync(path.join(dir, 'org-guide/README.md'), 'utf8')).toMatch(/npm install --save-dev @globex-corp\/brand-guide/);
    // Installed as npm would copy it, it is extended by a content repository's guide.
    fs.cpSync(path.join(dir, 'org-guide'), path.join(dir, 'node_modules/@globex-corp/brand-guide'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'brand.yaml'), 'extends: "@globex-corp/brand-guide"\n');
    const check = await runCli(dir, ['check-guide']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    // Refuses to overwrite, and refuses a name npm would refuse.
    expect((await runCli(dir, ['init', '--org', '--output', 'org-guide'])).code).toBe(2);
    const bad = await runCli(dir, ['init', '--org', '--name', 'Not A Name', '--output', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not an npm package name/);
  });
});

describe('overrides change channel limits', () => {
  const GUIDE = `channels:
  email:
    files: ["emails/**"]
    subject: { max: 20 }
overrides:
  - files: ["emails/transactional/**"]
    channels:
      email:
        subject: { max: 60 }
`;
  const mail = (subject: string) => `---\nsubject: ${subject}\n---\n<p>Hello.</p>\n`;

  it('a longer subject limit for the files an override names, the guide limit elsewhere', async () => {
    const subject = 'Your receipt for order 1234';
    const dir = repo({ 'brand.yaml': GUIDE, 'emails/promo/a.hbs': mail(subject), 'emails/transactional/b.hbs': mail(subject) });
    const r = await runCli(dir, ['emails', '--format', 'json']);
    const byFile = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string; findings: { rule: string }[] }) => [f.path, f.findings.map((x) => x.rule)]));
    expect(byFile['emails/promo/a.hbs']).toContain('length');
    expect(byFile['emails/transactional/b.hbs'] ?? []).not.toContain('length');
  });

  it('channels: off drops the limits; files inside an override channel is a warning at its line', async () => {
    const dir = repo({
      'brand.yaml': `${GUIDE}  - files: ["emails/promo/**"]\n    channels: off\n  - files: ["emails/x/**"]\n    channels:\n      email:\n        files: ["other/**"]\n`,
      'emails/promo/a.hbs': mail('Your receipt for order 1234'),
    });
    const r = await runCli(dir, ['emails', '--format', 'json']);
    expect(r.stderr).toMatch(/brand\.yaml:15:16 warning "files" in an override's channel is ignored/);
    expect(JSON.parse(r.stdout).files.flatMap((f: { findings: { rule: string }[] }) => f.findings.map((x) => x.rule))).not.toContain('length');
  });
});
