// The precision harness's data (precision/): every guide loads without a problem, every label line is
// well-formed and belongs to its set, and — where the shared corpus is present — every label points at
// text that is really there (the file exists and the labelled text sits at its line and column).
// Labels are reviewed like code; this keeps them honest when the corpus or the label files change.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/checks/index.js';
import { loadGuide } from '../rules/guide/load.js';

const ROOT = process.cwd();
const DIR = path.join(ROOT, 'precision');
// Beside the repository, as precision/lib.mjs finds it.
const CORPUS = process.env.BRANDLINT_CORPUS ? path.resolve(process.env.BRANDLINT_CORPUS) : path.resolve(ROOT, '../shared/corpus');
const corpusPresent = existsSync(path.join(CORPUS, 'MANIFEST.md'));
if (!corpusPresent) console.log(`precision labels: corpus not found at ${CORPUS}; checking the label files' form only, not the text they point at.`);

interface SetDef {
  set: string;
  guide: string;
  folders: string[];
}
interface Label {
  file: string;
  rule: string;
  line: number;
  column: number;
  text: string;
  label: 'tp' | 'fp' | 'fn';
  reason: string;
}

const sets: SetDef[] = JSON.parse(readFileSync(path.join(DIR, 'sets.json'), 'utf8')).sets;
const ruleIds = new Set(RULES.map((r) => r.meta.id));
const labelFiles = readdirSync(path.join(DIR, 'labels')).filter((f) => f.endsWith('.jsonl')).sort();

function readLabels(file: string): { at: string; value: unknown }[] {
  const out: { at: string; value: unknown }[] = [];
  readFileSync(path.join(DIR, 'labels', file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('//')) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = { parseError: line.slice(0, 80) };
      }
      out.push({ at: `labels/${file}:${i + 1}`, value });
    });
  return out;
}

/** The label's problems with its form, or [] when it is well-formed. */
function formProblems(v: unknown, set: SetDef): string[] {
  if (typeof v !== 'object' || v === null || 'parseError' in v) return ['not a JSON object'];
  const l = v as Record<string, unknown>;
  const p: string[] = [];
  const keys = Object.keys(l).sort().join(',');
  if (keys !== 'column,file,label,line,reason,rule,text') p.push(`keys are ${keys}`);
  if (typeof l.file !== 'string' || !set.folders.some((f) => (l.file as string).startsWith(`${f}/`))) p.push(`file ${String(l.file)} is not in the set's folders`);
  if (typeof l.rule !== 'string' || !ruleIds.has(l.rule)) p.push(`unknown rule ${String(l.rule)}`);
  if (!Number.isInteger(l.line) || (l.line as number) < 1) p.push('line is not a positive integer');
  if (!Number.isInteger(l.column) || (l.column as number) < 1) p.push('column is not a positive integer');
  if (typeof l.text !== 'string' || l.text.length === 0) p.push('text is empty');
  if (l.label !== 'tp' && l.label !== 'fp' && l.label !== 'fn') p.push(`label ${String(l.label)} is not tp, fp or fn`);
  // One line, "class: why" — the class before the colon is what the harness tallies.
  if (typeof l.reason !== 'string' || /\n/.test(l.reason) || !/^[^:]{2,40}: \S.{4,}$/.test(l.reason)) p.push(`reason ${JSON.stringify(l.reason)} is not one line of "class: why"`);
  return p;
}

/** Offset of 1-based line and UTF-16 column in the source, or -1 when past the end. */
function offsetOf(source: string, line: number, column: number): number {
  let off = 0;
  for (let i = 1; i < line; i++) {
    const nl = source.indexOf('\n', off);
    if (nl < 0) return -1;
    off = nl + 1;
  }
  return off + column - 1;
}

describe('precision harness data', () => {
  it('has a label file for every set and a set for every label file', () => {
    expect(labelFiles.map((f) => f.replace(/\.jsonl$/, '')).sort()).toEqual(sets.map((s) => s.set).sort());
  });

  it.each(sets.map((s) => [s.set, s] as const))('guide of %s loads without a problem', (_name, s) => {
    const r = loadGuide(path.join(DIR, s.guide));
    expect(r.ok ? [] : r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
  });

  it('labels are well-formed, unique, and at least 600 true and false positives in all', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    let tpfp = 0;
    for (const s of sets) {
      for (const { at, value } of readLabels(`${s.set}.jsonl`)) {
        for (const p of formProblems(value, s)) problems.push(`${at}: ${p}`);
        const l = value as Label;
        const k = `${l.file}\u0000${l.rule}\u0000${l.line}\u0000${l.column}\u0000${l.text}`;
        if (seen.has(k)) problems.push(`${at}: the same finding is labelled twice`);
        seen.add(k);
        if (l.label === 'tp' || l.label === 'fp') tpfp++;
      }
    }
    expect(problems).toEqual([]);
    expect(tpfp).toBeGreaterThanOrEqual(600);
  });

  it.skipIf(!corpusPresent)('every label points at its text in the corpus', () => {
    const problems: string[] = [];
    const cache = new Map<string, string | null>();
    for (const s of sets) {
      for (const { at, value } of readLabels(`${s.set}.jsonl`)) {
        const l = value as Label;
        if (typeof l.file !== 'string') continue;
        if (!cache.has(l.file)) {
          const abs = path.join(CORPUS, l.file);
          cache.set(l.file, existsSync(abs) ? readFileSync(abs, 'utf8') : null);
        }
        const source = cache.get(l.file);
        if (source == null) {
          problems.push(`${at}: ${l.file} is not in the corpus`);
          continue;
        }
        const off = offsetOf(source, l.line, l.column);
        const there = off < 0 ? '' : source.slice(off, off + l.text.length);
        if (there !== l.text) problems.push(`${at}: ${l.file}:${l.line}:${l.column} holds ${JSON.stringify(there)}, not ${JSON.stringify(l.text)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
