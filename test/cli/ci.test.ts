// CI integration: the composite action's annotation step (run for real on a SARIF file from the
// CLI, capped to what GitHub shows), the pre-commit hooks, and the $brandlint problem matcher
// applied to real stylish output, as VS Code would.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cleanTemps, fixtureRepo, run, tempDir } from '../helpers/cli-temp.js';

afterAll(cleanTemps);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, string>;
}
const action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  runs: { using: string; steps: Step[] };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

describe('action.yml', () => {
  it('is a composite action with SARIF upload, sharding and capped annotations', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'guide', 'shard', 'max-warnings', 'sarif', 'annotations']));
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    expect(lint.run).toMatch(/--format sarif --output "\$sarif"/);
    expect(lint.run).toMatch(/--shard "\$BRANDLINT_SHARD"/);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action'))!;
    expect(upload.with?.category).toMatch(/inputs\.shard/); // one code-scanning category per shard
  });

  it('annotates at most 10 findings per level and counts the rest in the job summary', () => {
    const dir = fixtureRepo('site');
    // Enough warnings to pass the cap: repeat the worst post.
    for (let i = 0; i < 3; i++) fs.copyFileSync(path.join(dir, 'blog/launch.md'), path.join(dir, `blog/copy-${i}.md`));
    const sarif = path.join(tempDir('sarif'), 'brandlint.sarif');
    const lint = run(dir, ['--format', 'sarif', '--output', sarif]);
    expect(lint.code).toBe(0); // warnings only
    const results = (JSON.parse(fs.readFileSync(sarif, 'utf8')) as { runs: Array<{ results: Array<{ level: string }> }> }).runs[0]!.results;
    const warnings = results.filter((r) => r.level === 'warning').length;
    expect(warnings).toBeGreaterThan(10);

    const step = action.runs.steps.find((s) => s.name === 'Annotate')!;
    const script = /<<'EOF'\n([\s\S]*?)\nEOF/.exec(step.run!)![1]!;
    const summary = path.join(tempDir('summary'), 'summary.md');
    const r = spawnSync(process.execPath, ['--input-type=module', '-'], { input: script, cwd: dir, encoding: 'utf8', env: { ...process.env, SARIF: sarif, GITHUB_STEP_SUMMARY: summary, SHARD: '1/2' } });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(Math.min(10, results.filter((x) => x.level === 'note').length));
    expect(lines[0]).toMatch(/^::warning file=blog\/copy-0\.md,line=5,col=13,endLine=5,endColumn=23,title=brandlint trademark::The first mention/); // the heading: a front-matter title is metadata
    const md = fs.readFileSync(summary, 'utf8');
    expect(md).toMatch(/^### brandlint \(shard 1\/2\)$/m);
    expect(md).toMatch(new RegExp(`^${results.length} findings: 0 errors, ${warnings} warnings`, 'm'));
    expect(md).toMatch(/are not annotated \(GitHub shows 10 per level per step\)/);
    expect(md).toMatch(/^\| claim \| \d+ \|$/m);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string; pass_filenames?: boolean }>;
  it('defines lint, fix and guide hooks whose file patterns pick copy and brand.yaml', () => {
    expect(hooks.map((h) => h.id)).toEqual(['brandlint', 'brandlint-fix', 'brandlint-guide']);
    for (const h of hooks) expect(h.language).toBe('node');
    const copy = new RegExp(hooks[0]!.files);
    for (const f of ['blog/a.md', 'x.mdx', 'emails/w.html', 'e.mjml', 'n.hbs', 'social/p.txt', 'a.tweet']) expect(copy.test(f), f).toBe(true);
    for (const f of ['src/app.ts', 'brand.yaml', 'README.rst']) expect(copy.test(f), f).toBe(false);
    const guide = new RegExp(hooks[2]!.files);
    expect(['brand.yaml', 'team/.brand.yml'].every((f) => guide.test(f))).toBe(true);
    expect(guide.test('mybrand.yaml')).toBe(false);
    expect(hooks[2]!.pass_filenames).toBe(false);
  });

  it('the hooks’ entries run as commands (files passed as pre-commit passes them)', () => {
    const dir = fixtureRepo('site');
    const lint = run(dir, [...hooks[0]!.entry.split(' ').slice(1), 'blog/launch.md', 'blog/clean.md']);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/blog\/launch\.md/);
    const guide = run(dir, hooks[2]!.entry.split(' ').slice(1));
    expect(guide.code, guide.stderr).toBe(0);
  });
});

describe('$brandlint problem matcher', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: {
      problemMatchers: Array<{ name: string; pattern: string; fileLocation: unknown }>;
      problemPatterns: Array<{ name: string; regexp?: string; patterns?: Array<{ regexp: string; loop?: boolean }> }>;
    };
  };

  it('reads every finding of the stylish output, as the JSON output has them', () => {
    const m = pkg.contributes.problemMatchers.find((x) => x.name === 'brandlint')!;
    expect(m.pattern).toBe('$brandlint-stylish');
    const [fileRe, lineRe] = pkg.contributes.problemPatterns.find((p) => p.name === 'brandlint-stylish')!.patterns!.map((p) => new RegExp(p.regexp));
    const dir = fixtureRepo('site');
    const stylish = run(dir, ['--no-color']).stdout;
    const json = JSON.parse(run(dir, ['--format', 'json']).stdout) as { files: Array<{ path: string; findings: Array<{ line: number; column: number; level: string; rule: string }> }> };
    // VS Code: a line matching the first pattern starts a file; the looping second pattern reads its findings.
    const parsed: string[] = [];
    let file: string | undefined;
    for (const line of stylish.split('\n')) {
      const l = lineRe!.exec(line);
      if (l && file) parsed.push(`${file}:${l[1]}:${l[2]} ${l[3]} ${l[5]}`);
      else {
        const f = fileRe!.exec(line);
        file = f ? f[1] : undefined;
      }
    }
    const expected = json.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column} ${x.level} ${x.rule}`));
    expect(expected.length).toBeGreaterThan(10);
    expect(parsed).toEqual(expected);
  });

  it('reads brand.yaml problems and failing examples', () => {
    const re = new RegExp(pkg.contributes.problemPatterns.find((p) => p.name === 'brandlint-guide')!.regexp!);
    const dir = fixtureRepo('guides');
    const out = run(dir, ['check-guide', 'examples.yaml']).stdout.split('\n').map((l) => re.exec(l)).filter(Boolean);
    expect(out.map((m) => [m![1], m![2], m![3], m![4], m![6]])).toEqual([
      ['examples.yaml', '12', '32', 'error', 'examples'],
      ['examples.yaml', '13', '28', 'error', 'examples'],
    ]);
  });
});
