// Lints every Markdown file of ../shared/corpus/marketing-copy with a large guide (every brand and
// tone rule on) and proves, against ranges computed from the parse tree on their own, that no
// finding falls inside code, HTML, URLs, e-mail addresses or other non-prose — and that nothing throws.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, loadGuide, LineIndex } from '../../rules/index.js';
import { CORPUS, present } from '../helpers/corpus.js';
import { forbiddenRanges, type Range } from '../helpers/forbidden-ranges.js';

const root = path.resolve(__dirname, '../..');
const corpus = path.join(CORPUS, 'marketing-copy');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(md|markdown|mdx)$/i.test(e.name) ? [p] : [];
  });
}

function overlaps(ranges: Range[], s: number, e: number): Range | undefined {
  return ranges.find(([a, b]) => s < b && a < e);
}

describe.skipIf(!present)('every finding on the marketing-copy corpus is prose', () => {
  it('lints the whole corpus without a crash, with every span outside non-prose', () => {
    const loaded = loadGuide(path.join(root, 'bench/brand.yaml'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const files = walk(corpus);
    expect(files.length).toBeGreaterThan(900);
    let findings = 0;
    const bad: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      const result = lintText(file, source, loaded.guide);
      if (result.findings.length === 0) continue;
      const forbidden = forbiddenRanges(source, { mdx: file.endsWith('.mdx') });
      const lines = new LineIndex(source);
      for (const f of result.findings) {
        findings++;
        const where = `${path.relative(corpus, file)}:${f.line}:${f.column} ${f.rule} ${JSON.stringify(f.text)}`;
        // Document-level rules (reading-grade, exclamations…) may span a heading; prose spans must be exact.
        const hit = overlaps(forbidden, f.start, f.end);
        if (hit && f.rule !== 'reading-grade' && f.rule !== 'sentence-length') bad.push(`${where} overlaps non-prose ${JSON.stringify(source.slice(hit[0], hit[1]).slice(0, 60))}`);
        if (f.text !== source.slice(f.start, f.end)) bad.push(`${where}: text is not the source slice`);
        const s = lines.position(f.start);
        if (s.line !== f.line || s.column !== f.column) bad.push(`${where}: line/column do not match the offset`);
        if (f.start < 0 || f.end > source.length || f.end < f.start) bad.push(`${where}: range outside the document`);
        for (const fix of f.fixes) for (const e of fix.edits) if (e.start < f.start || e.end > f.end) bad.push(`${where}: fix edits outside the finding`);
      }
    }
    expect(bad.slice(0, 30)).toEqual([]);
    // The guide is large and every rule is on: a corpus this size must produce findings.
    expect(findings).toBeGreaterThan(1000);
    console.log(`corpus: ${files.length} files, ${findings} findings, all outside non-prose`);
  }, 600_000);
});
