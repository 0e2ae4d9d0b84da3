// `brandlint report [paths] --html report.html --json report.json [--previous a.json b.json]`:
// lint the copy, score each document and the whole, and write the owner's report.
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { COPY_EXTENSIONS, channelFor, isIgnored, lintText, type Format, type Guide } from '../../rules/index.js';
import { BAND_NAME, countWords } from '../../rules/report/score.js';
import { buildReportData, parseReportJson, type DocumentInput, type ReportData } from '../../rules/report/model.js';
import { isReportPage, renderReportHtml } from '../../rules/report/html.js';
import { DEFAULT_MAX_FILE_SIZE } from '../args.js';
import { readCopyFile } from '../copyfile.js';
import { discover, displayPath, isWellKnownNonCopy, sortByPath } from '../files.js';
import { GitIgnores } from '../gitignore.js';
import { GuideResolver, formatGuideProblem } from '../guides.js';
import { EXIT, UsageError, notice, writeAll, type CliIo } from '../io.js';
import { version } from '../version.js';
import { strictArgs } from './check-guide.js';

export const REPORT_HELP = `Usage: brandlint report [paths or globs...] [options]

Score the copy against brand.yaml and write the brand owner's report: a score per document and
overall, findings by rule, channel and folder, the most frequent offending phrases, and a trend.

Options:
      --html FILE          write a self-contained HTML page (no network; inline charts)
      --json FILE          write the report's data (read it back later with --previous)
      --previous FILE...   earlier JSON reports, for the trend (files ending in .json; or repeat the flag)
  -g, --guide FILE         use this brand.yaml for every file (default: nearest one, walking up)
      --brand NAME         the name in the title (default: the guide's brand:)
  -h, --help               show this help

Without --html or --json, a summary is printed. Exit codes: 0 report written, 2 usage or guide error.
`;

/** A TTY stderr gets a progress bar above this many files. */
const PROGRESS_THRESHOLD = 50;


const FORMAT_CHANNEL: Record<Format, string> = { markdown: 'web', mdx: 'web', html: 'email', social: 'social', text: 'social' };

/** `--previous a.json b.json`: the flag takes every following argument that names a .json file. */
export function splitPrevious(argv: string[]): { rest: string[]; previous: string[] } {
  const rest: string[] = [];
  const previous: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--previous' || a.startsWith('--previous=')) {
      const first = a.startsWith('--previous=') ? a.slice('--previous='.length) : argv[++i];
      if (first === undefined || first === '' || first.startsWith('-')) throw new UsageError('--previous needs one or more JSON reports');
      previous.push(first);
      while (i + 1 < argv.length && /\.json$/i.test(argv[i + 1]!) && !argv[i + 1]!.startsWith('-')) previous.push(argv[++i]!);
    } else rest.push(a);
  }
  return { rest, previous };
}

export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { rest, previous } = splitPrevious(argv);
  const { values, positionals } = strictArgs(rest, {
    html: { type: 'string' },
    json: { type: 'string' },
    guide: { type: 'string', short: 'g' },
    brand: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    await writeAll(io.stdout, REPORT_HELP);
    return EXIT.clean;
  }
  for (const k of ['html', 'json', 'guide', 'brand'] as const) if (values[k] === '') throw new UsageError(`--${k} needs a value`);

  // Earlier reports first: a bad one is a usage error before any work is done.
  const prior: Array<{ label: string; report: ReportData }> = [];
  for (const p of previous) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(io.cwd, p), 'utf8');
    } catch (e) {
      throw new UsageError(`--previous ${p}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const parsed = parseReportJson(text);
    if (!parsed.ok) throw new UsageError(`--previous ${p}: ${parsed.message}`);
    prior.push({ label: path.basename(p), report: parsed.report });
  }

  let forced: string | undefined;
  if (values.guide) {
    forced = path.resolve(io.cwd, values.guide as string);
    if (!fs.existsSync(forced)) throw new UsageError(`--guide: no such file: ${values.guide}`);
  }
  const guides = new GuideResolver(forced);
  const { candidates, empty } = discover(positionals.length ? positionals : ['.'], io.cwd, new GitIgnores(io.cwd));
  for (const e of empty) notice(io, `no files found in ${e}`);

  const targets: Array<{ abs: string; rel: string; guide: Guide }> = [];
  let noGuide = 0;
  for (const c of candidates) {
    const known = COPY_EXTENSIONS.includes(path.extname(c.abs).toLowerCase());
    const gp = guides.pathFor(c.abs);
    if (!gp) {
      if (known) noGuide++;
      continue;
    }
    const loaded = guides.load(gp);
    if (!loaded.ok) continue;
    if ((!known && !channelFor(loaded.guide, c.abs)) || isIgnored(loaded.guide, c.abs)) continue;
    if (!c.explicit && isWellKnownNonCopy(c.abs) && !channelFor(loaded.guide, c.abs)) continue;
    targets.push({ abs: c.abs, rel: displayPath(io.cwd, c.abs), guide: loaded.guide });
  }
  const { problems, fatal } = guides.problems();
  for (const p of problems) io.stderr.write(`${formatGuideProblem(io.cwd, p)}\n`);
  if (fatal) return EXIT.usage;
  if (targets.length === 0 && noGuide > 0) {
    notice(io, 'no brand guide found. Run `brandlint init` to write a starter brand.yaml, or name one with --guide.');
    return EXIT.usage;
  }
  if (noGuide) notice(io, `${noGuide} file${noGuide === 1 ? '' : 's'} skipped, no brand.yaml above`);

  // Never score the report itself (or an earlier one) when it is written inside the linted tree.
  const own = new Set([values.html, values.json, ...previous].filter((f): f is string => typeof f === 'string').map((f) => path.resolve(io.cwd, f)));
  const ordered = sortByPath(targets.filter((t) => !own.has(t.abs)));
  const bar =
    io.stderr.isTTY && ordered.length > PROGRESS_THRESHOLD
      ? new cliProgress.SingleBar(
          { stream: io.stderr, format: 'brandlint report [{bar}] {value}/{total} files | {file}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(ordered.length, 0, { file: '' });

  const docs: DocumentInput[] = [];
  for (const t of ordered) {
    bar?.increment(1, { file: t.rel.length > 40 ? '…' + t.rel.slice(-39) : t.rel });
    const read = readCopyFile(t.abs, DEFAULT_MAX_FILE_SIZE);
    if (!read.ok) {
      notice(io, `${t.rel}: skipped, ${read.reason}`);
      continue;
    }
    if (isReportPage(read.text)) continue; // an earlier brandlint report page
    try {
      const result = lintText(t.abs, read.text, t.guide);
      if (result.skipped || !result.doc) continue;
      docs.push({
        path: t.rel,
        words: countWords(result.doc),
        channel: channelFor(t.guide, t.abs) ?? FORMAT_CHANNEL[result.doc.format],
        findings: result.findings,
      });
    } catch (e) {
      notice(io, `${t.rel}: could not be linted (${(e as Error).message}); please report this`);
    }
  }
  bar?.stop();

  const brand = (values.brand as string | undefined) ?? ordered.find((t) => t.guide.brand)?.guide.brand;
  const data = buildReportData(docs, { brand, version: version(), previous: prior });

  const outputs: Array<[string, string]> = [];
  if (values.json) outputs.push([values.json as string, JSON.stringify(data, null, 2) + '\n']);
  if (values.html) outputs.push([values.html as string, renderReportHtml(data)]);
  for (const [file, text] of outputs) {
    const out = path.resolve(io.cwd, file);
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, text);
    } catch (e) {
      notice(io, `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return EXIT.usage;
    }
  }
  await writeAll(io.stdout, summaryText(data, outputs.map(([f]) => f)));
  return EXIT.clean;
}

function summaryText(d: ReportData, written: string[]): string {
  const s = d.summary;
  const lines = [
    `Brand score ${s.score} (${BAND_NAME[s.band].toLowerCase()}) over ${s.documents} document${s.documents === 1 ? '' : 's'}, ${s.words} words, ${s.findings} finding${s.findings === 1 ? '' : 's'}.`,
    `  ${Object.entries(s.categories).map(([c, v]) => `${c} ${v}`).join(' · ')}`,
  ];
  const worst = [...d.documents].sort((a, b) => a.score - b.score).filter((x) => x.score < 80).slice(0, 5);
  if (worst.length) lines.push('Lowest scores:', ...worst.map((x) => `  ${x.score.toFixed(1).padStart(5)}  ${x.path}`));
  if (d.trend.length > 1) {
    const prev = d.trend[d.trend.length - 2]!;
    const delta = Math.round((s.score - prev.score) * 10) / 10;
    lines.push(`Trend: ${delta >= 0 ? '+' : ''}${delta} since ${prev.label} (${prev.generatedAt.slice(0, 10)}).`);
  }
  for (const f of written) lines.push(`Wrote ${f}`);
  return lines.join('\n') + '\n';
}
