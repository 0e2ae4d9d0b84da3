import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface LintArgs {
  paths: string[];
  guide?: string;
  format: FormatName;
  output?: string;
  fix: boolean;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename?: string;
  /** --color forces colours, --no-color turns them off; otherwise NO_COLOR / FORCE_COLOR / TTY decide. */
  color: 'auto' | 'always' | 'never';
  version: boolean;
  help: boolean;
  /** 1-based shard index and count, or undefined for all files. */
  shard?: { index: number; count: number };
  maxFileSize: number;
  /** --cache: reuse the findings of files unchanged since the last run (same guide, same version). */
  cache: boolean;
  cacheLocation?: string;
  /** A path or glob that matches no file is a usage error (exit 2) unless --no-error-on-unmatched-pattern. */
  errorOnUnmatchedPattern: boolean;
}

export { DEFAULT_MAX_FILE_SIZE } from '../rules/limits.js';
import { DEFAULT_MAX_FILE_SIZE } from '../rules/limits.js';

const OPTIONS = {
  guide: { type: 'string', short: 'g' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  shard: { type: 'string' },
  'max-file-size': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

export function parseLintArgs(argv: string[]): LintArgs {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }) as {
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    });
  } catch (e) {
    // node's messages name the flag ("Unknown option '--frmat'"); drop its long hints about `--`.
    throw new UsageError(String((e as Error).message).split('. To specify')[0]!.replace(/\.$/, ''));
  }
  const str = (k: string) => values[k] as string | undefined;
  const format = str('format') ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  }
  const stdinFilename = str('stdin-filename');
  if (stdinFilename !== undefined && !values.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (values.stdin && positionals.length) throw new UsageError('--stdin reads standard input: give no paths with it');
  if (str('guide') === '') throw new UsageError('--guide needs a file');
  if (str('output') === '') throw new UsageError('--output needs a file');
  if (str('cache-location') === '') throw new UsageError('--cache-location needs a file or folder');
  if (str('cache-location') !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache');
  return {
    paths: positionals.length ? positionals : ['.'],
    guide: str('guide'),
    format: format as FormatName,
    output: str('output'),
    fix: Boolean(values.fix),
    maxWarnings: parseMaxWarnings(str('max-warnings')),
    quiet: Boolean(values.quiet),
    stdin: Boolean(values.stdin),
    stdinFilename,
    color: values['no-color'] ? 'never' : values.color ? 'always' : 'auto',
    version: Boolean(values.version),
    help: Boolean(values.help),
    shard: parseShard(str('shard')),
    maxFileSize: parseSize(str('max-file-size')),
    cache: Boolean(values.cache),
    cacheLocation: str('cache-location'),
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
  };
}

function parseMaxWarnings(v: string | undefined): number {
  if (v === undefined) return -1;
  if (!/^(-1|\d+)$/.test(v.trim())) throw new UsageError(`--max-warnings needs a whole number of 0 or more (got "${v}")`);
  return Number(v.trim());
}

export function parseShard(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new UsageError(`--shard needs i/n with 1 <= i <= n, e.g. --shard 2/4 (got "${v}")`);
  }
  return { index, count };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** "2MB", "512kb", "1048576" → bytes (binary units, like most CLIs' size flags). */
export function parseSize(v: string | undefined): number {
  if (v === undefined) return DEFAULT_MAX_FILE_SIZE;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(v);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) {
    throw new UsageError(`--max-file-size needs a size such as 2MB, 500KB or 1048576 (got "${v}")`);
  }
  return Math.floor(Number(m[1]) * unit);
}

export { formatSize } from '../rules/limits.js';

/** The usage text; `commands` (name → summary) fills the Commands section. */
export function helpText(commands: Record<string, { summary: string }> = { lint: { summary: 'lint files (the default)' } }): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length)) + 2;
  const list = Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`)
    .join('\n');
  return LINT_HELP.replace('{{commands}}', list);
}

const LINT_HELP = `Usage: brandlint [command] [options] [paths or globs...]

Check marketing copy (Markdown/MDX, email templates, social drafts) against brand.yaml.
Paths default to "." (folders honour .gitignore and the guide's ignore).

Commands:
{{commands}}

Options (lint):
  -g, --guide FILE          use this brand.yaml for every file (default: nearest one, walking up)
  -f, --format NAME         stylish (default), json, sarif or github
  -o, --output FILE         write the report to FILE instead of standard output
      --fix                 apply unambiguous fixes in place, then report what remains
      --max-warnings N      exit 1 when there are more than N warnings
  -q, --quiet               report errors only
      --stdin               lint standard input (with --fix: print the fixed text)
      --stdin-filename NAME the name standard input stands for (picks guide, format, channel)
      --no-color            no colours (also NO_COLOR, or when output is not a terminal)
      --color               colours even when output is not a terminal
      --shard i/n           lint only the i-th of n deterministic parts of the file list
      --max-file-size SIZE  skip larger files (default 2MB)
      --cache               lint only files changed since the last --cache run (or whose guide or
                            brandlint version changed); findings of the others are reused
      --cache-location PATH the cache file, or a folder for it (default ./.brandlintcache)
      --no-error-on-unmatched-pattern
                            a path or glob that matches no file is a notice, not exit 2
  -v, --version             print the version
  -h, --help                show this help

Exit codes: 0 clean (or warnings within --max-warnings), 1 errors or too many warnings,
2 bad usage (including a path or glob that matches no file, or a named file that cannot be
read), a broken brand.yaml or a file brandlint could not lint.
`;
