import type { Fix as SarifFix, Log, ReportingDescriptor, Result } from 'sarif';
import { LineIndex, RULES, type Finding, type Level, type LevelSetting } from '../../rules/index.js';
import { unambiguousFix, type Formatter } from './model.js';

export const INFORMATION_URI = 'https://github.com/brandlint/brandlint';

const LEVEL: Record<Level, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const DEFAULT_LEVEL: Record<LevelSetting, ReportingDescriptor['defaultConfiguration']> = {
  error: { level: 'error' },
  warning: { level: 'warning' },
  info: { level: 'note' },
  hint: { level: 'note' },
  off: { level: 'none', enabled: false },
};

/** SARIF 2.1.0 for code-scanning dashboards: one run, rules from the rule metadata, UTF-16 columns. */
export const sarif: Formatter = (report, opts) => {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.meta.id,
    shortDescription: { text: r.meta.description },
    ...(r.meta.docs ? { helpUri: r.meta.docs } : {}),
    defaultConfiguration: DEFAULT_LEVEL[r.meta.defaultLevel],
    properties: { category: r.meta.category, fixable: r.meta.fixable },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = [];
  for (const file of report.files) {
    let lines: LineIndex | undefined;
    for (const f of file.findings) {
      const fix = unambiguousFix(f);
      const idx = ruleIndex.get(f.rule);
      const text = f.because && !f.message.includes(f.because) ? `${f.message} ${f.because}` : f.message;
      results.push({
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
      });
    }
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'brandlint', version: opts.version, semanticVersion: opts.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: encodeUri(toFileUri(report.cwd)) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

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
