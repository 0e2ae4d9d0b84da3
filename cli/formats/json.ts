import { ruleById } from '../../rules/index.js';
import type { Formatter } from './model.js';

/**
 * The JSON contract (version 1). Scripts parse this: add fields only, never rename or drop.
 * Every linted file is listed, with an empty `findings` when clean.
 */
export const json: Formatter = (report) => {
  const out = {
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
  };
  return JSON.stringify(out, null, 2) + '\n';
};
