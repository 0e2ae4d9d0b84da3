// Golden fixtures: every copy file under samples/ and test/fixtures/golden/ that has a sibling
// `<file>.expected` is linted with its guide (found the way the CLI finds it) and must give exactly
// those findings; a sibling `<file>.fixed` holds the output of --fix. Regenerate after a deliberate
// change with UPDATE_GOLDEN=1 and review the diff like code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COPY_EXTENSIONS, findGuide, fixText, lintText, loadGuide } from '../rules/index.js';
import type { Finding } from '../rules/types.js';

const root = path.resolve(__dirname, '..');
const update = process.env.UPDATE_GOLDEN === '1';

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

export function renderFinding(f: Finding): string {
  const sug = f.suggestions.length ? ` -> ${f.suggestions.map((s) => JSON.stringify(s)).join(' | ')}` : '';
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.level} ${f.rule} ${JSON.stringify(f.text)}${sug} :: ${f.message}`;
}

const files = [...walk(path.join(root, 'samples')), ...walk(path.join(root, 'test/fixtures/golden'))].filter(
  (f) => COPY_EXTENSIONS.includes(path.extname(f).toLowerCase()) && (update || fs.existsSync(f + '.expected')),
);

describe('golden fixtures', () => {
  it('has fixtures', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const rel = path.relative(root, file);
    it(rel, () => {
      const guidePath = findGuide(file);
      expect(guidePath, `no brand.yaml above ${rel}`).toBeTruthy();
      const loaded = loadGuide(guidePath!);
      expect(loaded.problems.filter((p) => p.level === 'error')).toEqual([]);
      if (!loaded.ok) return;
      const source = fs.readFileSync(file, 'utf8');
      const result = lintText(file, source, loaded.guide);
      const actual = result.skipped ? `skipped: ${result.skipped}\n` : result.findings.map(renderFinding).join('\n') + '\n';
      const { output } = fixText(file, source, loaded.guide);
      if (update) {
        fs.writeFileSync(file + '.expected', actual);
        if (output !== source) fs.writeFileSync(file + '.fixed', output);
        return;
      }
      expect(actual).toBe(fs.readFileSync(file + '.expected', 'utf8'));
      const fixedPath = file + '.fixed';
      if (fs.existsSync(fixedPath)) expect(output).toBe(fs.readFileSync(fixedPath, 'utf8'));
      else expect(output, `${rel} changes under --fix: add ${rel}.fixed`).toBe(source);
    });
  }
});
