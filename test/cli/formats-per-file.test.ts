// The report formats are built file by file (cli/formats/model.ts `PerFile`: a CLI run formats
// each file as soon as it is linted) and joined at the end. JSON and SARIF must come out exactly as
// JSON.stringify prints the same value, over generated reports (quotes, newlines, NUL, non-ASCII,
// empty reports, files without findings). What each format says is tested in cli.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { json } from '../../cli/formats/json.js';
import { buildReport, type FileReport } from '../../cli/formats/model.js';
import { sarif } from '../../cli/formats/sarif.js';
import { RULES, type Finding, type Level } from '../../rules/index.js';

/** What JSON.stringify prints for the same value: the per-file JSON and SARIF must be exactly that. */
const asStringify = (text: string) => JSON.stringify(JSON.parse(text), null, 2) + '\n';

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

describe('per-file formats print what JSON.stringify prints', () => {
  for (const [name, format] of [
    ['json', json],
    ['sarif', sarif],
  ] as const) {
    it(`${name}: byte for byte on generated reports`, () => {
      fc.assert(
        fc.property(reportArb, optsArb, (report, opts) => {
          const text = format(report, opts);
          expect(text).toBe(asStringify(text));
        }),
      );
    });
  }

  it('the JSON report holds every file and finding of the report, in order', () => {
    fc.assert(
      fc.property(reportArb, optsArb, (report, opts) => {
        const out = JSON.parse(json(report, opts)) as { files: { path: string; findings: { rule: string; text: string; docs: string | null }[] }[]; errorCount: number };
        expect(out.files.map((f) => f.path)).toEqual(report.files.map((f) => f.rel));
        expect(out.files.map((f) => f.findings.map((x) => [x.rule, x.text]))).toEqual(report.files.map((f) => f.findings.map((x) => [x.rule, x.text])));
        expect(out.errorCount).toBe(report.errorCount);
      }),
    );
  });

  it('SARIF: one result per finding, spliced into the one log', () => {
    fc.assert(
      fc.property(reportArb, optsArb, (report, opts) => {
        const log = JSON.parse(sarif(report, opts)) as { runs: { results: unknown[] }[] };
        expect(log.runs).toHaveLength(1);
        expect(log.runs[0]!.results).toHaveLength(report.files.reduce((n, f) => n + f.findings.length, 0));
      }),
    );
  });

  it('jsonWithArray: empty reports print [] as JSON.stringify does', () => {
    const empty = buildReport('/repo', []);
    const opts = { color: false, version: '1', fix: false };
    expect(json(empty, opts)).toBe(asStringify(json(empty, opts)));
    expect(json(empty, opts)).toMatch(/"files": \[\]/);
    expect(JSON.parse(sarif(empty, opts)).runs[0].results).toEqual([]);
    expect(sarif(empty, opts)).toMatch(/"results": \[\]/);
  });
});
