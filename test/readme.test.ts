// The README is built from docs/*.md, each rule's page in its folder and the rules' metadata; it must be
// current and must document every rule, every CLI option and every top-level guide key.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';

const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('is current with docs/ (npm run readme)', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/readme.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('has an anchor for every rule, which the rules link to', () => {
    const missing = RULES.map((r) => r.meta.id).filter((id) => !readme.includes(`id="rule-${id}"`));
    expect(missing).toEqual([]);
    for (const r of RULES) expect(r.meta.docs).toMatch(new RegExp(`README\\.md#rule-${r.meta.id}$`));
  });

  it('places every rule\'s own page, which says what it flags, what it leaves alone and how to fix or suppress it', () => {
    for (const r of RULES) {
      const id = r.meta.id;
      const page = fs.readFileSync(path.join(root, 'rules/checks', id, `${id}.md`), 'utf8');
      expect(page.split('\n')[0]).toBe(`# ${id}`);
      for (const part of ['**Flagged**', '**Quiet**', '**Fix**', '**Suppress**']) expect(page, `${id}.md: ${part}`).toContain(part);
      expect(readme).toContain(`<a id="rule-${id}"></a>\n`);
      // The page's body is in the README under its anchor, not only its title.
      expect(readme).toContain(page.split('\n').slice(2, 4).join('\n'));
    }
  });

  it('documents every CLI option of the lint command', async () => {
    const { helpText } = await import('../cli/args.js');
    const options = [...helpText().matchAll(/--([a-z][a-z-]+)/g)].map((m) => m[1]!);
    expect(options.length).toBeGreaterThan(10);
    expect([...new Set(options)].filter((o) => !readme.includes(`--${o}`))).toEqual([]);
  });

  it('documents every top-level key of brand.yaml', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema/brand.schema.json'), 'utf8'));
    const keys = Object.keys(schema.properties).filter((k) => k !== '$schema');
    expect(keys.filter((k) => !readme.includes(`\`${k}\``))).toEqual([]);
  });
});
