// write-good's own expectations, replayed through brandlint's write-good-backed rules, and what holds
// for all of those rules (each rule's own cases sit in rules/checks/<id>/).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guide, lintPlain, spans, HAS_SHARED, SHARED } from '../../test/fixtures/tone/helpers.js';
import type { LevelSetting } from '../types.js';
import { SEPARATOR } from '../types.js';
import { lintDocument } from '../lint.js';
import { RULES } from '../checks/index.js';

const WG_RULES: Record<string, string> = {
  weasel: 'weasel-words',
  passive: 'passive-voice',
  so: 'so',
  thereIs: 'there-is',
  adverb: 'adverbs',
  tooWordy: 'wordy',
  cliches: 'cliches',
  eprime: 'e-prime',
};
const IDS = Object.values(WG_RULES);

// Which of our rules a write-good reason stands for. write-good merges the reasons of checks that
// flag the same span ("is a weasel word and can weaken meaning"); brandlint keeps them as separate
// rules, each with its own level, so such a span yields one finding per rule.
function rulesFor(reason: string): string[] | null {
  const out: string[] = [];
  if (reason.includes('is a weasel word')) out.push('weasel-words');
  if (reason.includes('may be passive voice')) out.push('passive-voice');
  if (reason.includes('adds no meaning')) out.push('so');
  if (reason.includes('is unnecessary verbiage')) out.push('there-is');
  if (reason.includes('can weaken meaning')) out.push('adverbs');
  if (reason.includes('is wordy or unneeded')) out.push('wordy');
  if (reason.includes('is a cliche')) out.push('cliches');
  if (reason.includes("is a form of 'to be'")) out.push('e-prime');
  if (reason.includes('is repeated')) return null; // lexical illusions: not a brandlint rule
  return out;
}

interface SpecCase {
  description: string;
  input: string;
  options: Record<string, unknown> | null;
  expected: Array<{ index: number; offset: number; reason: string }>;
}

const specFile = path.join(SHARED, 'corpus/peer-tests/btford-write-good/basic-spec-cases.json');

describe.skipIf(!HAS_SHARED)('write-good basic.spec replay (needs ../shared/corpus)', () => {
  const cases: SpecCase[] = HAS_SHARED ? JSON.parse(fs.readFileSync(specFile, 'utf8')).cases : [];

  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const c of HAS_SHARED ? cases : []) {
    it(c.description + ` (${JSON.stringify(c.input)})`, () => {
      const opts = c.options ?? {};
      const tone: Record<string, LevelSetting> = {};
      for (const [key, id] of Object.entries(WG_RULES)) {
        // write-good's defaults: everything on except e-prime, which is opt-in (as in brandlint).
        const on = key === 'eprime' ? opts.eprime === true : opts[key] !== false;
        tone[id] = on ? 'warning' : 'off';
      }
      const allow = Array.isArray(opts.whitelist) ? (opts.whitelist as string[]) : [];
      const findings = lintPlain(c.input, guide(tone, { allow })).filter((f) => IDS.includes(f.rule));
      const got = findings.map((f) => `${f.rule}@${f.start}+${f.end - f.start}`).sort();
      const want = c.expected
        .flatMap((e) => (rulesFor(e.reason) ?? []).map((r) => `${r}@${e.index}+${e.offset}`))
        .sort();
      expect(got).toEqual(want);
      // Messages quote the flagged text, as write-good's reasons do.
      for (const f of findings) expect(f.message.startsWith(`"${f.text}"`)).toBe(true);
    });
  }
});

describe('write-good rules through the lint loop', () => {
  it('are registered with category tone and off by default', () => {
    for (const id of IDS) {
      const r = RULES.find((x) => x.meta.id === id);
      expect(r, id).toBeDefined();
      expect(r!.meta.category).toBe('tone');
    }
  });

  it('never reports across or inside excluded content (SEPARATOR)', () => {
    // A block whose middle stands for inline code: "was `x` killed" is no passive, and the words
    // inside code are never seen.
    const source = 'The job was `very` killed. It was fixed.';
    const text = 'The job was ' + SEPARATOR.repeat(6) + ' killed. It was fixed.';
    const map = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) map[i] = i;
    const doc = { path: 'x.md', format: 'markdown' as const, source, directives: [], blocks: [{ kind: 'paragraph' as const, text, map, marks: [{ kind: 'code' as const, at: 12 }] }] };
    const f = lintDocument(doc, guide({ 'passive-voice': 'warning', 'weasel-words': 'warning' }));
    expect(spans(f)).toEqual([['was fixed', 30, 39]]);
  });

  it('never crashes on odd input', () => {
    const tone = Object.fromEntries(IDS.map((id) => [id, 'warning' as const]));
    for (const s of ['', '\n\n\n', '!!!', '....', SEPARATOR, '\u0000\uD800 so', 'So'.repeat(5000), '“There is”']) {
      expect(() => lintPlain(s, guide(tone))).not.toThrow();
    }
  });
});
