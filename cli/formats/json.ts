import { ruleById } from '../../rules/index.js';
import { ARRAY_HOLE, formatter, jsonAt, jsonWithArray, type PerFile } from './model.js';

/**
 * The JSON contract (version 1). Scripts parse this: add fields only, never rename or drop.
 * Every linted file is listed, with an empty `findings` when clean.
 */
export const jsonPerFile: PerFile = {
  file: (file) =>
    jsonAt(
      {
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
      },
      2,
    ),
  join: (report, parts) =>
    jsonWithArray({ version: 1, files: ARRAY_HOLE, errorCount: report.errorCount, warningCount: report.warningCount }, parts, 2) + '\n',
};

export const json = formatter(jsonPerFile);
