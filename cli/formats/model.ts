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

/**
 * A format in which each file's text depends on that file alone: a run formats each file as soon
 * as it is linted (while other threads still lint), and `join` puts the parts together at the end.
 * `formatter(f)` is the same format in one call.
 */
export interface PerFile {
  /** This file's part ('' for a file that adds nothing). */
  file(file: FileReport, opts: FormatOptions): string;
  join(report: RunReport, parts: string[], opts: FormatOptions): string;
}

export function formatter(f: PerFile): Formatter {
  return (report, opts) => f.join(report, report.files.map((file) => f.file(file, opts)), opts);
}

/** `value` as JSON.stringify(·, null, 2) would print it at `depth` (an element of an array nested `depth - 1` deep). */
export function jsonAt(value: unknown, depth: number): string {
  // Printed inside `depth` arrays and cut out: one stringify, no pass over the text to indent it.
  let wrapped = value;
  for (let k = 0; k < depth; k++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let open = 0;
  for (let k = 1; k <= depth; k++) open += 2 + 2 * k; // "[\n" and the next line's indent
  return text.slice(open, text.length - (open - 2 * depth));
}

/** Stands for an array in jsonWithArray's skeleton (a string no report holds: JSON prints it "\u0000"). */
export const ARRAY_HOLE = '\u0000';

/**
 * JSON.stringify(skeleton, null, 2) with the array whose value in `skeleton` is ARRAY_HOLE made of
 * `items` (each printed with jsonAt at `depth`, the depth of the array's elements).
 */
export function jsonWithArray(skeleton: unknown, items: string[], depth: number): string {
  const text = JSON.stringify(skeleton, null, 2);
  const at = text.indexOf(JSON.stringify(ARRAY_HOLE));
  const pad = '  '.repeat(depth);
  const array = items.length ? `[\n${pad}${items.join(`,\n${pad}`)}\n${'  '.repeat(depth - 1)}]` : '[]';
  return text.slice(0, at) + array + text.slice(at + JSON.stringify(ARRAY_HOLE).length);
}
