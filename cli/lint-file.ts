// Lint one file of a CLI run: read it, lint (or fix and write) it, and say what happened. Pure of
// the run's streams, so the main thread and the worker threads (cli/pool.ts) run the same code and
// the run prints the same notices in the same order either way.
import crypto from 'node:crypto';
import { fixText, lintText, type Guide, type LintResult } from '../rules/index.js';
import { encode, readCopyFile, writeAtomically } from './copyfile.js';
import type { FileReport } from './formats/index.js';
import { isReportPage } from '../rules/report/html.js';
import { firstLintDone } from './code-cache-signal.js';

export interface FileTask {
  abs: string;
  rel: string;
  fix: boolean;
  maxFileSize: number;
  /** Hash what is on disk (only --cache needs it: sha256 of every file is not free). */
  hash?: boolean;
  /** Named on the command line: if it cannot be read, the run fails (exit 2) instead of skipping it. */
  explicit?: boolean;
}

export interface FileOutcome {
  /** Undefined when the file was skipped (the notices say why). */
  file?: FileReport;
  notices: string[];
  /** The file could not be linted (a parser or rule threw): the run must not pass. */
  failed: boolean;
  /** Content hash of what is on disk now, for --cache; undefined when it was not read. */
  hash?: string;
  /** Why lintText skipped it (ignored by the guide, not a copy format), for --cache. */
  skipped?: string;
}

export function contentHash(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('base64url');
}

export const invalidUtf8Notice = (t: FileTask) => `${t.rel}: not valid UTF-8; linted with replacement characters${t.fix ? ', not fixed' : ''}`;
export const REPORT_PAGE = 'a brandlint report page (brandlint report --html writes it)';
export const skippedNotice = (t: FileTask, why: string) => `${t.rel}: skipped, ${why}`;

export function lintFile(t: FileTask, guide: Guide): FileOutcome {
  const outcome = lintOne(t, guide);
  firstLintDone();
  return outcome;
}

function lintOne(t: FileTask, guide: Guide): FileOutcome {
  const notices: string[] = [];
  const read = readCopyFile(t.abs, t.maxFileSize);
  if (!read.ok) {
    // A file named on the command line that cannot be read is a broken CI step, not a clean file.
    if (read.unreadable && t.explicit) return { notices: [`${t.rel}: ${read.reason}`], failed: true };
    return { notices: [`${t.rel}: skipped, ${read.reason}`], failed: false };
  }
  // `brandlint report --html` pages quote the copy they score: linting one repeats every finding.
  if (isReportPage(read.text)) return { notices: [skippedNotice(t, REPORT_PAGE)], failed: false, hash: t.hash ? contentHash(read.bytes) : undefined, skipped: REPORT_PAGE };
  if (read.invalidUtf8) notices.push(invalidUtf8Notice(t));
  let result: LintResult;
  let fixed = 0;
  let source = read.text;
  let onDisk: Uint8Array = read.bytes;
  try {
    if (t.fix && !read.invalidUtf8) {
      const out = fixText(t.abs, read.text, guide);
      result = out.result;
      if (out.output !== read.text) {
        const bytes = encode(out.output, read.bom);
        const w = writeAtomically(t.abs, read.bytes, bytes);
        if (w.ok) {
          fixed = out.fixed;
          source = out.output;
          onDisk = bytes;
        } else {
          notices.push(`${t.rel}: ${w.reason}`);
          result = lintText(t.abs, read.text, guide); // report what is still on disk
        }
      }
    } else result = lintText(t.abs, read.text, guide);
  } catch (e) {
    // One file that trips a parser or rule must not sink the run: say which, keep going.
    notices.push(`${t.rel}: could not be linted (${(e as Error).message}); please report this`);
    return { notices, failed: true };
  }
  const hash = t.hash ? contentHash(onDisk) : undefined;
  if (result.skipped) {
    notices.push(skippedNotice(t, result.skipped));
    return { notices, failed: false, hash, skipped: result.skipped };
  }
  return { file: { path: t.abs, rel: t.rel, source, findings: result.findings, fixed }, notices, failed: false, hash };
}
