// The tone section of a real brand.yaml, through the guide loader and lintText: shorthands
// (`contractions: avoid`, `spelling: en-GB`), limits, levels and per-glob overrides.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGuide } from './load.js';
import { lintText } from '../lint.js';
import type { Guide } from '../types.js';

let dir: string;
let guide: Guide;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-tone-'));
  fs.writeFileSync(
    path.join(dir, 'brand.yaml'),
    [
      'brand: Acme',
      'tone:',
      '  passive-voice: error',
      '  exclamations: { max: 1 }',
      '  contractions: avoid',
      '  spelling: en-GB',
      '  all-caps: info',
      'overrides:',
      '  - files: ["legal/**"]',
      '    tone: off',
      '  - files: ["social/**"]',
      '    tone:',
      '      exclamations: { max: 3 }',
      '',
    ].join('\n'),
  );
  const r = loadGuide(path.join(dir, 'brand.yaml'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  guide = r.guide;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const copy = "# Launch\n\nThe colour app was launched today! Don't miss it! It's FREE!\n";

describe('tone from brand.yaml', () => {
  it('runs the configured checks at their levels with their options', () => {
    const r = lintText(path.join(dir, 'blog/launch.md'), copy, guide);
    expect(r.findings.map((f) => [f.rule, f.level, f.text, f.start, f.suggestions[0]])).toEqual([
      ['passive-voice', 'error', 'was launched', 25, undefined],
      ['contractions', 'warning', "Don't", 45, 'Do not'],
      ['exclamations', 'warning', '!', 58, '.'],
      ['contractions', 'warning', "It's", 60, 'It is'],
      ['all-caps', 'info', 'FREE', 65, 'free'],
      ['exclamations', 'warning', '!', 69, '.'],
    ]);
    // en-GB: "colour" is right; e-prime and the other write-good checks are off.
    expect(r.findings.some((f) => f.rule === 'spelling' || f.rule === 'e-prime')).toBe(false);
  });

  it('follows overrides per glob', () => {
    expect(lintText(path.join(dir, 'legal/terms.md'), copy, guide).findings).toEqual([]);
    const social = lintText(path.join(dir, 'social/launch.md'), copy, guide).findings;
    expect(social.filter((f) => f.rule === 'exclamations')).toEqual([]);
    expect(social.map((f) => f.rule)).toContain('contractions');
  });
});
