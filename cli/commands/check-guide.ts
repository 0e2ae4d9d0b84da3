// `brandlint check-guide [GUIDE]`: load the guide (every problem at file:line:col), then run each
// entry's examples — each bad one must trigger the entry, each good one must not.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findGuide, loadGuide, type Guide, type GuideProblem, type GuideResult } from '../../rules/index.js';
import { exampleMessage, runExamples } from '../../rules/examples.js';
import { reviewTerms } from '../../rules/guide/term-review.js';
import { displayPath } from '../files.js';
import { formatGuideProblem } from '../guides.js';
import { EXIT, UsageError, notice, writeAll, type CliIo } from '../io.js';

export const CHECK_GUIDE_HELP = `Usage: brandlint check-guide [GUIDE] [options]

Validate brand.yaml (and what it extends) and run each entry's examples:
every bad example must trigger its entry, every good one must not.

Options:
  -g, --guide FILE    the guide to check (default: the nearest brand.yaml, walking up)
  -f, --format NAME   stylish (default) or json
  -h, --help          show this help

Exit codes: 0 all good, 1 an example fails, 2 the guide has errors.
`;

/** Parse argv strictly; node's messages name the flag, its long hints are dropped. */
export function strictArgs<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as {
      values: Record<string, string | boolean | string[] | undefined>;
      positionals: string[];
    };
  } catch (e) {
    throw new UsageError(String((e as Error).message).split('. To specify')[0]!);
  }
}

/** The guide a command works on: named (--guide or a positional) or the nearest one from the cwd. */
export function resolveGuidePath(io: CliIo, named: string | undefined): string {
  if (named !== undefined) {
    const abs = path.resolve(io.cwd, named);
    if (!fs.existsSync(abs)) throw new UsageError(`no such guide: ${named}`);
    return abs;
  }
  const found = findGuide(io.cwd);
  if (!found) throw new UsageError('no brand.yaml here or above. Run `brandlint init` to write one, or name one with --guide');
  return path.resolve(found);
}

/** Load a guide and print its problems; the guide when it is usable. */
export function loadAndReport(io: CliIo, file: string): { result: GuideResult; guide?: Guide } {
  let result: GuideResult;
  try {
    result = loadGuide(file);
  } catch (e) {
    result = { ok: false, problems: [{ file, line: 1, column: 1, message: `could not load: ${(e as Error).message}`, level: 'error' }] };
  }
  for (const p of result.problems) io.stderr.write(`${formatGuideProblem(io.cwd, p)}\n`);
  return { result, guide: result.ok ? result.guide : undefined };
}

export async function checkGuideCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = strictArgs(argv, {
    guide: { type: 'string', short: 'g' },
    format: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    await writeAll(io.stdout, CHECK_GUIDE_HELP);
    return EXIT.clean;
  }
  const format = (values.format as string | undefined) ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`--format must be stylish or json (got "${format}")`);
  if (positionals.length > 1) throw new UsageError('check-guide takes one guide');
  if (positionals.length && values.guide) throw new UsageError('name the guide once: a path or --guide');
  const file = resolveGuidePath(io, positionals[0] ?? (values.guide as string | undefined));
  const { result, guide } = loadAndReport(io, file);
  const rel = displayPath(io.cwd, file);
  if (!guide) {
    if (format === 'json') await writeAll(io.stdout, JSON.stringify({ guide: rel, ok: false, problems: result.problems.map((p) => rebase(io, p)), examples: [] }, null, 2) + '\n');
    notice(io, `${rel} has errors; fix them first.`);
    return EXIT.usage;
  }
  const results = runExamples(guide);
  const failed = results.filter((r) => !r.pass);
  // Terms that will flag plain English or another term's right spelling: warnings, not failures.
  const review = reviewTerms(guide.terms);
  if (format === 'json') {
    const examples = results.map((r) => ({
      file: displayPath(io.cwd, r.ref.file),
      line: r.at?.line ?? r.ref.line,
      column: r.at?.column ?? r.ref.column,
      entry: { kind: r.kind, line: r.ref.line, column: r.ref.column },
      which: r.which,
      text: r.text,
      pass: r.pass,
      message: r.pass ? undefined : exampleMessage(r),
      findings: r.findings.map((f) => ({ rule: f.rule, message: f.message, text: f.text })),
    }));
    await writeAll(io.stdout, JSON.stringify({ guide: rel, ok: failed.length === 0, problems: [...result.problems, ...review].map((p) => rebase(io, p)), examples }, null, 2) + '\n');
  } else {
    const lines = failed.map((r) => {
      const at = r.at ?? { line: r.ref.line, column: r.ref.column };
      return `${displayPath(io.cwd, r.ref.file)}:${at.line}:${at.column} error ${exampleMessage(r)} (examples)`;
    });
    for (const p of review) lines.push(`${displayPath(io.cwd, p.file)}:${p.line}:${p.column} warning ${p.message} (terms)`);
    const entries = guide.terms.length + guide.banned.length + guide.claims.length;
    const withExamples = new Set(results.map((r) => r.entry)).size;
    const summary =
      results.length === 0
        ? `${rel}: valid; ${entries} entries, none with examples (add examples: {bad: […], good: […]} to prove an entry).`
        : `${rel}: valid; ${results.length} example${results.length === 1 ? '' : 's'} on ${withExamples} of ${entries} entries: ${results.length - failed.length} pass, ${failed.length} fail.`;
    await writeAll(io.stdout, [...lines, summary].join('\n') + '\n');
  }
  return failed.length ? EXIT.findings : EXIT.clean;
}

function rebase(io: CliIo, p: GuideProblem): GuideProblem {
  return { ...p, file: displayPath(io.cwd, path.resolve(io.cwd, p.file)) };
}
