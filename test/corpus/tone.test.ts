// Every tone rule on real copy from ../shared/corpus: nothing is reported inside code, URLs, HTML
// or template tags, every span is the source text it claims, and nothing crashes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guide, HAS_SHARED, SHARED } from '../fixtures/tone/helpers.js';
import { lintDocument } from '../../rules/lint.js';
import { formatOf, parseDocument } from '../../rules/parse/index.js';
import { RULES } from '../../rules/checks/index.js';
import type { Finding } from '../../rules/types.js';
import { sentencesOf, splitterSentences } from '../../rules/text/sentences.js';

function filesUnder(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const TONE = Object.fromEntries(RULES.filter((r) => r.meta.category === 'tone').map((r) => [r.meta.id, 'warning' as const]));
// Limits low enough that every rule has something to say on real copy.
const g = guide({
  ...TONE,
  exclamations: { max: 0 },
  emoji: { max: 0 },
  'sentence-length': { max: 20 },
  'reading-grade': { max: 6 },
  spelling: { value: 'en-GB' },
});

// Spans that may hold inline code or a link inside them: they cover a whole sentence or heading.
const WHOLE = new Set(['sentence-length', 'reading-grade']);
const NON_PROSE = /`|<[a-zA-Z/!]|\]\(|:\/\/|\{\{|\{%|\*\|/;

function check(file: string, counts: Record<string, number>): Finding[] {
  const source = fs.readFileSync(file, 'utf8');
  const format = formatOf(file)!;
  const doc = parseDocument(file, source, format);
  const findings = lintDocument(doc, g);
  for (const f of findings) {
    counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    expect(f.text, `${file} ${f.rule}`).toBe(source.slice(f.start, f.end));
    const inner = WHOLE.has(f.rule) ? f.text.slice(0, 1) + f.text.slice(-1) : f.text;
    expect(NON_PROSE.test(inner), `${file}:${f.line}:${f.column} ${f.rule} ${JSON.stringify(f.text)}`).toBe(false);
    for (const fix of f.fixes) for (const e of fix.edits) expect(e.start >= f.start && e.end <= f.end).toBe(true);
  }
  return findings;
}

describe.skipIf(!HAS_SHARED)('tone rules on ../shared/corpus (needs the shared corpus)', () => {
  it('marketing copy (Markdown): every 12th file', () => {
    const files = filesUnder(path.join(SHARED, 'corpus/marketing-copy'), /\.mdx?$/).filter((_, i) => i % 12 === 0);
    expect(files.length).toBeGreaterThan(40);
    const counts: Record<string, number> = {};
    for (const f of files) check(f, counts);
    // Each check found something in real copy (so the span assertions above were exercised).
    for (const id of ['passive-voice', 'weasel-words', 'wordy', 'adverbs', 'there-is', 'so', 'sentence-length', 'reading-grade', 'contractions', 'spelling', 'exclamations']) {
      expect(counts[id] ?? 0, id).toBeGreaterThan(0);
    }
  });

  it('email templates (HTML, Handlebars, MJML): every 4th file', () => {
    const files = filesUnder(path.join(SHARED, 'corpus/email-templates'), /\.(html|hbs|mjml)$/).filter((_, i) => i % 4 === 0);
    expect(files.length).toBeGreaterThan(20);
    const counts: Record<string, number> = {};
    for (const f of files) check(f, counts);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('sentences: cutting at certain ends first gives exactly what sentence-splitter gives alone', () => {
    const files = filesUnder(path.join(SHARED, 'corpus/marketing-copy'), /\.mdx?$/).filter((_, i) => i % 20 === 5);
    let blocks = 0;
    let sentences = 0;
    for (const file of files) {
      const doc = parseDocument(file, fs.readFileSync(file, 'utf8'), formatOf(file)!);
      for (const b of doc.blocks) {
        const fast = sentencesOf(b.text);
        expect(fast, `${file}: ${b.text.slice(0, 80)}`).toEqual(splitterSentences(b.text));
        blocks++;
        sentences += fast.length;
      }
    }
    expect(blocks).toBeGreaterThan(500);
    expect(sentences).toBeGreaterThan(blocks);
  });
});
