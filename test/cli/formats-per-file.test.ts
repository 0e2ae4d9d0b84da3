// The report formats are built file by file (cli/formats/model.ts `PerFile`: a CLI run formats
// each file as soon as it is linted) and joined at the end. Differential: the same text, byte for
// byte, as the whole-report formatters they replaced (kept below as the reference), over generated
// reports (quotes, newlines, NUL, non-ASCII, empty reports, files without findings).
import fc from 'fast-check';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { json } from '../../cli/formats/json.js';
import { buildReport, unambiguousFix, type FileReport, type Formatter } from '../../cli/formats/model.js';
import { sarif, sarifPerFile } from '../../cli/formats/sarif.js';
import { stylish } from '../../cli/formats/stylish.js';
import { RULES, ruleById, type Finding, type Level } from '../../rules/index.js';

const jsonReference: Formatter = (report) =>
  JSON.stringify(
    {
      version: 1,
      files: report.files.map((file) => ({
        path: file.rel,
        findings: file.findings.map((f) => ({
          rule: f.rule,
          level: f.level,
          message: f.message,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          text: f.text,
          suggestions: f.suggestions,
          docs: f.docs ?? ruleById(f.rule)?.meta.docs ?? null,
          ...(f.because ? { because: f.because } : {}),
        })),
      })),
      errorCount: report.errorCount,
      warningCount: report.warningCount,
    },
    null,
    2,
  ) + '\n';

// The SARIF log as one object: the per-file results are spliced into the same document.
const sarifReference: Formatter = (report, opts) => {
  const whole = JSON.parse(sarif({ ...report, files: [] }, opts));
  whole.runs[0].results = report.files.flatMap((file) => {
    const part = sarifPerFile.file(file, opts);
    return part ? (JSON.parse(`[${part}]`) as unknown[]) : [];
  });
  return JSON.stringify(whole, null, 2) + '\n';
};

const stylishReference: Formatter = (report, opts) => {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const c = pc.createColors(opts.color);
  const levelColor: Record<Level, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  let out = '';
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = file.findings.map((f) => ({
      pos: `${f.line}:${f.column}`,
      level: f.level,
      message: f.message.replace(/\s*\n\s*/g, ' '),
      rule: f.rule,
      because: f.because && !f.message.includes(f.because) ? f.because.replace(/\s*\n\s*/g, ' ') : undefined,
    }));
    const posW = Math.max(...rows.map((r) => r.pos.length));
    const levelW = Math.max(...rows.map((r) => r.level.length));
    const msgW = Math.max(0, ...rows.map((r) => r.message.length).filter((n) => n <= 80));
    out += `\n${c.underline(file.rel)}\n`;
    for (const r of rows) {
      out += `  ${c.dim(r.pos.padEnd(posW))}  ${levelColor[r.level](r.level.padEnd(levelW))}  ${r.message.padEnd(msgW)}  ${c.dim(r.rule)}\n`;
      if (r.because) out += `  ${' '.repeat(posW + levelW + 4)}${c.dim(r.because)}\n`;
    }
  }
  const total = report.errorCount + report.warningCount + report.infoCount + report.hintCount;
  if (total > 0) {
    const parts = [plural(report.errorCount, 'error'), plural(report.warningCount, 'warning')];
    if (report.infoCount) parts.push(`${report.infoCount} info`);
    if (report.hintCount) parts.push(plural(report.hintCount, 'hint'));
    const mark = report.errorCount ? c.red('✖') : c.yellow('⚠');
    out += `\n${mark} ${c.bold(`${plural(total, 'problem')} (${parts.join(', ')})`)}\n`;
    const fixable = report.fixableErrorCount + report.fixableWarningCount;
    if (fixable > 0 && !opts.fix) {
      out += `  ${plural(report.fixableErrorCount, 'error')} and ${plural(report.fixableWarningCount, 'warning')} potentially fixable with the \`--fix\` option.\n`;
    }
  }
  if (report.fixedCount > 0) out += `${c.green('✔')} fixed ${plural(report.fixedCount, 'problem')}\n`;
  if (total === 0 && report.fixedCount === 0) return '';
  return out.startsWith('\n') ? out.slice(1) : out;
};

// Strings that stress JSON printing: quotes, backslashes, newlines, NUL (the skeleton's hole), non-ASCII.
const text = fc.stringMatching(/^[a-z "\\\n\r\t\u0000\u00e9\u{1F600}\u2028:,%]{0,12}$/u);
const source = 'We utilize the best synergy.\nSecond line é 😀\n';
const findingArb = fc
  .record({
    rule: fc.constantFrom(...RULES.map((r) => r.meta.id), 'no-such-rule'),
    level: fc.constantFrom<Level>('error', 'warning', 'info', 'hint'),
    message: text,
    start: fc.nat(source.length),
    len: fc.nat(8),
    suggestions: fc.array(text, { maxLength: 2 }),
    fixes: fc.nat(2),
    because: fc.option(text, { nil: undefined }),
    docs: fc.option(text, { nil: undefined }),
  })
  .map(({ start, len, fixes, because, docs, ...f }): Finding => {
    const end = Math.min(source.length, start + len);
    return {
      ...f,
      start,
      end,
      line: 1,
      column: start + 1,
      endLine: 1,
      endColumn: end + 1,
      text: source.slice(start, end),
      fixes: Array.from({ length: fixes }, (_, k) => ({ title: `fix ${k}`, edits: [{ start, end, text: `x${k}` }] })),
      ...(because !== undefined ? { because } : {}),
      ...(docs !== undefined ? { docs } : {}),
    } as Finding;
  });
const fileArb = fc.record({ rel: text.map((s) => `d/${s}.md`), findings: fc.array(findingArb, { maxLength: 5 }), fixed: fc.nat(2) });
const reportArb = fc.array(fileArb, { maxLength: 5 }).map((files) =>
  buildReport('/repo dir/é', files.map((f): FileReport => ({ path: `/repo/${f.rel}`, rel: f.rel, source, findings: f.findings, fixed: f.fixed }))),
);
const optsArb = fc.record({ color: fc.boolean(), version: fc.constant('9.9.9'), fix: fc.boolean() });

describe('per-file formats = whole-report formats', () => {
  for (const [name, fast, reference] of [
    ['json', json, jsonReference],
    ['sarif', sarif, sarifReference],
    ['stylish', stylish, stylishReference],
  ] as const) {
    it(`${name}: byte for byte on generated reports`, () => {
      fc.assert(
        fc.property(reportArb, optsArb, (report, opts) => {
          expect(fast(report, opts)).toBe(reference(report, opts));
        }),
      );
    });
  }

  it('jsonWithArray: empty reports print [] as JSON.stringify does', () => {
    const empty = buildReport('/repo', []);
    const opts = { color: false, version: '1', fix: false };
    expect(json(empty, opts)).toBe(jsonReference(empty, opts));
    expect(JSON.parse(sarif(empty, opts)).runs[0].results).toEqual([]);
    expect(sarif(empty, opts)).toMatch(/"results": \[\]/);
  });
});
