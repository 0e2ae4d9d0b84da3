import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import {
  COPY_EXTENSIONS,
  channelFor,
  fixText,
  isIgnored,
  lintText,
  type Finding,
  type Guide,
  type LintResult,
} from '../../rules/index.js';
import { formatSize, helpText, parseLintArgs, type LintArgs } from '../args.js';
import { decode } from '../copyfile.js';
import { lintFile, type FileOutcome } from '../lint-file.js';
import { lintInWorkers, poolAvailable, spawnWorkers, workerCount } from '../pool.js';
import { LintCache, cachePath } from '../cache.js';
import { discover, displayPath, inShard, isWellKnownNonCopy, sortByPath } from '../files.js';
import { FORMATTERS, PER_FILE, buildReport, type FileReport, type FormatOptions, type RunReport } from '../formats/index.js';
import { GitIgnores } from '../gitignore.js';
import { GuideResolver, formatGuideProblem } from '../guides.js';
import { writeReportFile } from '../output.js';
import { EXIT, UsageError, notice, readAll, writeAll, type CliIo } from '../io.js';
import { linted } from '../../rules/warm.js';
import { version } from '../version.js';

/** Above this many files, a TTY stderr gets a progress counter. */
const PROGRESS_THRESHOLD = 200;

interface Target {
  abs: string;
  rel: string;
  guide: Guide;
  explicit: boolean;
}

export async function lintCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseLintArgs(argv);
  if (args.help) {
    await writeAll(io.stdout, helpText());
    return EXIT.clean;
  }
  if (args.version) {
    await writeAll(io.stdout, `${version()}\n`);
    return EXIT.clean;
  }
  let forcedGuide: string | undefined;
  if (args.guide) {
    forcedGuide = path.resolve(io.cwd, args.guide);
    if (!fs.existsSync(forcedGuide)) throw new UsageError(`--guide: no such file: ${args.guide}`);
  }
  const guides = new GuideResolver(forcedGuide);
  return args.stdin ? lintStdin(args, io, guides) : lintFiles(args, io, guides);
}

/** Print guide problems; true when any guide is unusable (the run must stop with exit 2). */
function reportGuideProblems(io: CliIo, guides: GuideResolver): boolean {
  const { problems, fatal } = guides.problems();
  for (const p of problems) io.stderr.write(`${formatGuideProblem(io.cwd, p)}\n`);
  return fatal;
}

async function lintFiles(args: LintArgs, io: CliIo, guides: GuideResolver): Promise<number> {
  const { candidates, empty } = discover(args.paths, io.cwd, new GitIgnores(io.cwd));
  // Workers the run will most likely need start now, and load their modules while this thread
  // loads guides and sorts out the files (not with --cache, which may leave little to lint).
  const early = !args.cache && poolAvailable() ? workerCount(candidates.length, io.env) : 0;
  const spawned = early > 1 ? spawnWorkers(early - 1) : [];
  try {
    return await lintCandidates(args, io, guides, candidates, empty, spawned);
  } finally {
    for (const w of spawned) void w.terminate(); // those the run did not use
  }
}

async function lintCandidates(
  args: LintArgs,
  io: CliIo,
  guides: GuideResolver,
  candidates: ReturnType<typeof discover>['candidates'],
  empty: string[],
  spawned: Worker[],
): Promise<number> {
  // A typo in a CI step's path must fail it, not pass over nothing (as in ESLint).
  if (empty.length && args.errorOnUnmatchedPattern) {
    for (const e of empty) notice(io, `no files match "${e}"`);
    notice(io, 'check the paths and globs (--no-error-on-unmatched-pattern lets a run match nothing)');
    return EXIT.usage;
  }
  for (const e of empty) notice(io, `no files found in ${e}`);

  // Decide what is copy: a known extension, or a file some channel of its guide names.
  const targets: Target[] = [];
  const noGuide: string[] = [];
  const notCopy: string[] = [];
  for (const c of candidates) {
    const rel = displayPath(io.cwd, c.abs);
    const known = COPY_EXTENSIONS.includes(path.extname(c.abs).toLowerCase());
    const guidePath = guides.pathFor(c.abs);
    if (!guidePath) {
      if (known) noGuide.push(rel);
      else if (c.explicit) notice(io, `${rel}: skipped, not a copy format (${COPY_EXTENSIONS.join(' ')})`);
      continue;
    }
    const loaded = guides.load(guidePath);
    if (!loaded.ok) continue; // reported below, once per guide
    const guide = loaded.guide;
    if (!known && !channelFor(guide, c.abs)) {
      if (c.explicit) notice(io, `${rel}: skipped, not a copy format and no channel in ${displayPath(io.cwd, guide.path)} names it`);
      continue;
    }
    if (!c.explicit && isWellKnownNonCopy(c.abs) && !channelFor(guide, c.abs)) {
      notCopy.push(rel);
      continue;
    }
    if (isIgnored(guide, c.abs)) {
      if (c.explicit) notice(io, `${rel}: skipped, matches \`ignore\` in ${displayPath(io.cwd, guide.path)}`);
      continue;
    }
    targets.push({ abs: c.abs, rel, guide, explicit: c.explicit });
  }
  if (reportGuideProblems(io, guides)) return EXIT.usage;
  if (notCopy.length) {
    const shown = notCopy.slice(0, 5).join(', ') + (notCopy.length > 5 ? `, and ${notCopy.length - 5} more` : '');
    notice(io, `${notCopy.length} file${notCopy.length === 1 ? '' : 's'} skipped, not copy (name ${notCopy.length === 1 ? 'it' : 'one'} to lint it anyway): ${shown}`);
  }
  if (noGuide.length) {
    const shown = noGuide.slice(0, 5).join(', ') + (noGuide.length > 5 ? `, and ${noGuide.length - 5} more` : '');
    notice(io, `${noGuide.length} file${noGuide.length === 1 ? '' : 's'} skipped, no brand.yaml above ${noGuide.length === 1 ? 'it' : 'them'}: ${shown}`);
  }
  if (targets.length === 0 && noGuide.length > 0) {
    notice(io, 'no brand guide found. Run `brandlint init` to write a starter brand.yaml, or name one with --guide.');
    return EXIT.usage;
  }

  if (targets.length === 0 && candidates.length > 0) notice(io, 'no copy to lint in the given paths');
  const mine = sortByPath(targets).filter((t) => inShard(t.rel, args.shard));
  if (args.shard) notice(io, `shard ${args.shard.index}/${args.shard.count}: ${mine.length} of ${targets.length} files`);

  const files: FileReport[] = [];
  let warningsSeen = 0;
  const format = formatOptions(args, io, io.stdout);
  const perFile = PER_FILE[args.format];
  const parts: string[] = [];
  // What a file keeps of its findings (--quiet) and its part of the report, formatted as soon as its
  // outcome arrives, in any order, while the other threads still lint (not all at the end; and not
  // in file order, which would wait for the smallest files: the pool takes the largest first).
  const prepared: Array<{ findings: Finding[]; part: string } | undefined> = new Array(mine.length);
  const prepare = (i: number, o: FileOutcome) => {
    const file = o.file;
    if (!file || prepared[i]) return;
    warningsSeen += file.findings.filter((f) => f.level === 'warning').length;
    const findings = args.quiet ? file.findings.filter((f) => f.level === 'error') : file.findings;
    prepared[i] = { findings, part: perFile ? perFile.file({ ...file, findings }, format) : '' };
  };
  const failed = { count: 0 };
  const progress = Boolean(io.stderr.isTTY) && mine.length > PROGRESS_THRESHOLD;
  // Every outcome is handled here, in file order, whichever thread linted it.
  const handle = (i: number, o: FileOutcome) => {
    if (progress && (i % 25 === 0 || i === mine.length - 1)) io.stderr.write(`\rbrandlint: ${i + 1}/${mine.length} files`);
    for (const m of o.notices) {
      // A notice must not land on the end of the progress line: clear it first.
      if (progress) io.stderr.write('\r\x1b[K');
      notice(io, m);
    }
    if (o.failed) failed.count++;
    const file = o.file;
    if (!file) return;
    prepare(i, o);
    file.findings = prepared[i]!.findings;
    files.push(file);
    parts.push(prepared[i]!.part);
    prepared[i] = undefined;
  };
  const task = (t: Target) => ({ abs: t.abs, rel: t.rel, fix: args.fix, maxFileSize: args.maxFileSize, hash: args.cache, explicit: t.explicit });
  // Outcomes may arrive out of order (cache hits first, then workers): handle them in file order.
  const outcomes: Array<FileOutcome | undefined> = new Array(mine.length);
  let handled = 0;
  const settle = (i: number, o: FileOutcome) => {
    outcomes[i] = o;
    for (; handled < mine.length && outcomes[handled]; handled++) {
      handle(handled, outcomes[handled]!);
      outcomes[handled] = undefined;
    }
  };
  const cache = args.cache ? new LintCache(cachePath(io.cwd, args.cacheLocation), version()) : undefined;
  const todo: number[] = [];
  for (let i = 0; i < mine.length; i++) {
    const hit = cache?.lookup(task(mine[i]!), mine[i]!.guide);
    if (hit) settle(i, hit);
    else todo.push(i);
  }
  const linted = (i: number, o: FileOutcome) => {
    cache?.store(task(mine[i]!), mine[i]!.guide, o);
    settle(i, o);
  };
  // The main thread lints as one of the threads: on 2 cores, main + 1 worker beat 2 workers and an
  // idle main thread (each worker loads the modules and warms its JIT again).
  const threads = poolAvailable() ? workerCount(todo.length, io.env) : 0;
  if (threads > 1) {
    await lintInWorkers(
      todo.map((i) => ({ task: task(mine[i]!), guide: mine[i]!.guide })),
      threads - 1,
      (k, o) => linted(todo[k]!, o),
      (k) => lintFile(task(mine[todo[k]!]!), mine[todo[k]!]!.guide),
      { mainLints: true, spawned, arrived: (k, o) => prepare(todo[k]!, o) },
    );
  } else for (const i of todo) linted(i, lintFile(task(mine[i]!), mine[i]!.guide));
  const cacheError = cache?.save();
  if (cacheError) notice(io, `cannot write the cache ${displayPath(io.cwd, cache!.file)} (${cacheError}); the next run lints every file`);
  if (progress) io.stderr.write('\r\x1b[K');
  const report = buildReport(io.cwd, files);
  const text = perFile ? perFile.join(report, parts, format) : FORMATTERS[args.format](report, format);
  const protect = guides.protectedFiles();
  for (const t of targets) protect.set(t.abs, `${t.rel}, a file being linted`);
  const code = await finish(report, text, warningsSeen, args, io, io.stdout, protect);
  // A file brandlint could not lint is not a clean file: CI must not pass over it.
  if (failed.count > 0) {
    notice(io, `${failed.count} file${failed.count === 1 ? '' : 's'} could not be linted`);
    return EXIT.usage;
  }
  return code;
}

async function lintStdin(args: LintArgs, io: CliIo, guides: GuideResolver): Promise<number> {
  const name = args.stdinFilename ?? 'stdin.md';
  const abs = path.resolve(io.cwd, name);
  const rel = args.stdinFilename ? displayPath(io.cwd, abs) : '<stdin>';
  const bytes = await readAll(io.stdin, args.maxFileSize);
  if (bytes === undefined) {
    // Not skipped like an oversize file: with --fix the text could not be passed through whole.
    notice(io, `${rel}: standard input is larger than the ${formatSize(args.maxFileSize)} limit; raise --max-file-size to lint it`);
    return EXIT.usage;
  }
  if (bytes.includes(0)) {
    notice(io, `${rel}: skipped, binary (contains NUL bytes)`);
    if (args.fix) await writeAll(io.stdout, bytes); // unchanged: the pipe must not lose it
    return EXIT.clean;
  }
  const { text, bom } = decode(bytes);
  // With --fix, standard output carries the text, so the report goes to stderr unless --output names a file.
  const reportStream = args.fix ? io.stderr : io.stdout;
  const passThrough = async () => {
    if (args.fix) await writeAll(io.stdout, (bom ? '\uFEFF' : '') + text);
  };
  const guidePath = guides.pathFor(abs);
  if (!guidePath) {
    notice(io, 'no brand guide found for standard input. Run `brandlint init` to write a starter brand.yaml, or name one with --guide.');
    await passThrough();
    return EXIT.usage;
  }
  const loaded = guides.load(guidePath);
  if (reportGuideProblems(io, guides) || !loaded.ok) {
    await passThrough();
    return EXIT.usage;
  }
  // Without a name, standard input is Markdown, the commonest copy.
  const opts = args.stdinFilename ? {} : { format: 'markdown' as const };
  let result: LintResult;
  let output = text;
  let fixed = 0;
  if (args.fix) {
    const out = fixText(abs, text, loaded.guide, opts);
    ({ result, output, fixed } = out);
  } else result = lintText(abs, text, loaded.guide, opts);
  linted(); // an editor piping each buffer through --stdin starts the CLI as often as CI does
  const protect = guides.protectedFiles();
  if (args.stdinFilename) protect.set(abs, `${rel}, the file standard input stands for`);
  if (args.fix) await writeAll(io.stdout, (bom ? '\uFEFF' : '') + output);
  if (result.skipped) {
    notice(io, `${rel}: skipped, ${result.skipped}`);
    return finish(buildReport(io.cwd, []), undefined, 0, args, io, reportStream, protect);
  }
  let findings: Finding[] = result.findings;
  const warningsSeen = findings.filter((f) => f.level === 'warning').length;
  if (args.quiet) findings = findings.filter((f) => f.level === 'error');
  const file: FileReport = { path: abs, rel, source: output, findings, fixed };
  return finish(buildReport(io.cwd, [file]), undefined, warningsSeen, args, io, reportStream, protect);
}

function formatOptions(args: LintArgs, io: CliIo, stream: CliIo['stdout']): FormatOptions {
  const color = args.color === 'always' || (args.color === 'auto' && args.output === undefined && colorWanted(io, stream));
  return { color, version: version(), fix: args.fix };
}

/**
 * Write the report (to --output or the given stream; `text` when already formatted) and turn the
 * counts into the exit code.
 */
async function finish(
  report: RunReport,
  text: string | undefined,
  warningsSeen: number,
  args: LintArgs,
  io: CliIo,
  stream: CliIo['stdout'],
  protect: Map<string, string>,
): Promise<number> {
  const toFile = args.output !== undefined;
  text ??= FORMATTERS[args.format](report, formatOptions(args, io, stream));
  if (toFile) {
    const error = writeReportFile(path.resolve(io.cwd, args.output!), text, protect);
    if (error) {
      notice(io, `cannot write --output ${args.output}: ${error}`);
      return EXIT.usage;
    }
  } else await writeAll(stream, text);
  if (report.errorCount > 0) return EXIT.findings;
  if (args.maxWarnings >= 0 && warningsSeen > args.maxWarnings) {
    notice(io, `too many warnings (${warningsSeen}); --max-warnings allows ${args.maxWarnings}.`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR forces it. */
function colorWanted(io: CliIo, stream: CliIo['stdout']): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
