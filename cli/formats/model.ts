import type { Finding } from '../../rules/index.js';

/** One linted file as the formats see it. */
export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Relative to the cwd, with `/` (what every format prints). */
  rel: string;
  /** The text the findings' offsets point into (after --fix: the fixed text, BOM stripped). */
  source: string;
  findings: Finding[];
  /** Problems --fix repaired in this file. */
  fixed: number;
}

export interface RunReport {
  cwd: string;
  files: FileReport[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  hintCount: number;
  /** Findings with exactly one fix (what --fix would apply). */
  fixableErrorCount: number;
  fixableWarningCount: number;
  fixedCount: number;
}

export interface FormatOptions {
  color: boolean;
  version: string;
  /** Was --fix given (stylish words its hints differently). */
  fix: boolean;
}

export type Formatter = (report: RunReport, opts: FormatOptions) => string;

/** A fix --fix would apply: the only one offered. */
export function unambiguousFix(f: Finding) {
  return f.fixes.length === 1 ? f.fixes[0] : undefined;
}

export function buildReport(cwd: string, files: FileReport[]): RunReport {
  const r: RunReport = { cwd, files, errorCount: 0, warningCount: 0, infoCount: 0, hintCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, fixedCount: 0 };
  for (const file of files) {
    r.fixedCount += file.fixed;
    for (const f of file.findings) {
      if (f.level === 'error') {
        r.errorCount++;
        if (unambiguousFix(f)) r.fixableErrorCount++;
      } else if (f.level === 'warning') {
        r.warningCount++;
        if (unambiguousFix(f)) r.fixableWarningCount++;
      } else if (f.level === 'info') r.infoCount++;
      else r.hintCount++;
    }
  }
  return r;
}
