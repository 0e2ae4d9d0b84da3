import type { Fix as SarifFix, Log, ReportingDescriptor, Result } from 'sarif';
import { LineIndex, RULES, type Finding, type Level, type LevelSetting } from '../../rules/index.js';
import { ARRAY_HOLE, formatter, jsonAt, jsonWithArray, unambiguousFix, type PerFile } from './model.js';

export const INFORMATION_URI = 'https://github.com/brandlint/brandlint';

const LEVEL: Record<Level, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const DEFAULT_LEVEL: Record<LevelSetting, ReportingDescriptor['defaultConfiguration']> = {
  error: { level: 'error' },
  warning: { level: 'warning' },
  info: { level: 'note' },
  hint: { level: 'note' },
  off: { level: 'none', enabled: false },
};

const RULE_DESCRIPTORS: ReportingDescriptor[] = RULES.map((r) => ({
  id: r.meta.id,
  shortDescription: { text: r.meta.description },
  ...(r.meta.docs ? { helpUri: r.meta.docs } : {}),
  defaultConfiguration: DEFAULT_LEVEL[r.meta.defaultLevel],
  properties: { category: r.meta.category, fixable: r.meta.fixable },
}));
const RULE_INDEX = new Map(RULE_DESCRIPTORS.map((r, i) => [r.id, i]));

/** SARIF 2.1.0 for code-scanning dashboards: one run, rules from the rule metadata, UTF-16 columns. */
export const sarifPerFile: PerFile = {
  // The file's results, each as an element of runs[0].results.
  file: (file) => {
    let lines: LineIndex | undefined;
    return file.findings
      .map((f) => {
        const fix = unambiguousFix(f);
        const idx = RULE_INDEX.get(f.rule);
        const text = f.because && !f.message.includes(f.because) ? `${f.message} ${f.because}` : f.message;
        const result: Result = {
          ruleId: f.rule,
          ...(idx !== undefined ? { ruleIndex: idx } : {}),
          level: LEVEL[f.level],
          message: { text },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(file.rel), uriBaseId: '%SRCROOT%' },
                region: { ...region(f), snippet: { text: f.text } },
              },
            },
          ],
          ...(fix ? { fixes: [toSarifFix(file.rel, fix, (lines ??= new LineIndex(file.source)))] } : {}),
          ...(f.docs ? { properties: { docs: f.docs } } : {}),
        };
        return jsonAt(result, RESULTS_DEPTH);
      })
      .join(`,\n${'  '.repeat(RESULTS_DEPTH)}`);
  },
  join: (report, parts, opts) => {
    const log: Log = {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: { driver: { name: 'brandlint', version: opts.version, semanticVersion: opts.version, informationUri: INFORMATION_URI, rules: RULE_DESCRIPTORS } },
          originalUriBaseIds: { '%SRCROOT%': { uri: encodeUri(toFileUri(report.cwd)) } },
          columnKind: 'utf16CodeUnits',
          results: ARRAY_HOLE as unknown as Result[],
        },
      ],
    };
    return jsonWithArray(log, parts.filter(Boolean), RESULTS_DEPTH) + '\n';
  },
};

/** Depth of each result in the log: log → runs → run → results → result. */
const RESULTS_DEPTH = 4;

export const sarif = formatter(sarifPerFile);

function region(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>) {
  return { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

function toSarifFix(uri: string, fix: Finding['fixes'][number], lines: LineIndex): SarifFix {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: { uri: encodeUri(uri), uriBaseId: '%SRCROOT%' },
        replacements: fix.edits.map((e) => {
          const s = lines.position(e.start);
          const end = lines.position(e.end);
          return {
            deletedRegion: { startLine: s.line, startColumn: s.column, endLine: end.line, endColumn: end.column },
            insertedContent: { text: e.text },
          };
        }),
      },
    ],
  };
}

function toFileUri(dir: string): string {
  const p = dir.replace(/\\/g, '/');
  return `file://${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}`;
}

/** Percent-encode what a URI reference may not hold, keeping `/` (relative paths stay relative). */
function encodeUri(p: string): string {
  return p
    .split('/')
    .map((seg, i) => (i === 0 && seg === 'file:' ? seg : encodeURIComponent(seg)))
    .join('/');
}
