// `brandlint init`: write a commented starter brand.yaml (every section with one example) and say
// what to do next. Never overwrites a guide unless --force.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GUIDE_NAMES, loadGuide } from '../../rules/index.js';
import { packageRoot } from '../../rules/guide/package-root.js';
import { EXIT, UsageError, notice, writeAll, type CliIo } from '../io.js';
import { displayPath } from '../files.js';

export const INIT_HELP = `Usage: brandlint init [options]

Write a commented starter brand.yaml in the current folder.

Options:
      --brand NAME    your brand's name (default: Acme)
  -o, --output FILE   where to write it (default: brand.yaml)
      --force         overwrite an existing guide
  -h, --help          show this help
`;

/** The starter guide's text with the brand's name filled in. */
export function starterGuide(brand: string): string {
  const template = fs.readFileSync(path.join(packageRoot(), 'samples', 'brand-starter.yaml'), 'utf8');
  // A name with YAML-special characters is quoted where it stands alone as a value.
  const yamlValue = /^[\p{L}\p{N}][\p{L}\p{N} ._&'-]*$/u.test(brand) && !/:\s|\s#/.test(brand) ? brand : JSON.stringify(brand);
  return template
    .replace(/^# __BRAND__/m, () => `# ${brand}`)
    .replace(/^(brand|  - use): __BRAND__$/gm, (_m, k: string) => `${k}: ${yamlValue}`)
    .replace(/__BRAND__/g, brand.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
}

export async function initCommand(argv: string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { brand: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(String((e as Error).message).split('. To specify')[0]!);
  }
  if (values.help) {
    await writeAll(io.stdout, INIT_HELP);
    return EXIT.clean;
  }
  if (positionals.length) throw new UsageError(`init takes no paths (got "${positionals[0]}"); use --output FILE`);
  const brand = ((values.brand as string | undefined) ?? 'Acme').trim();
  if (!brand) throw new UsageError('--brand needs a name');
  if (/[\r\n\t]/.test(brand)) throw new UsageError('--brand must be one line');
  const target = path.resolve(io.cwd, (values.output as string | undefined) ?? 'brand.yaml');
  const rel = displayPath(io.cwd, target);

  if (!values.force) {
    // Writing a guide name: any guide name in the folder counts (brandlint would pick the existing
    // one and ignore ours). Another name (--output team/acme.yaml, used with --guide): only itself.
    const dir = path.dirname(target);
    const names = GUIDE_NAMES.includes(path.basename(target)) ? GUIDE_NAMES : [];
    const existing = [path.basename(target), ...names].map((n) => path.join(dir, n)).find((p) => fs.existsSync(p));
    if (existing) {
      notice(io, `${displayPath(io.cwd, existing)} already exists; not overwriting it. Use --force to replace it.`);
      return EXIT.usage;
    }
  }
  const text = starterGuide(brand);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.brandlint-${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
  } catch (e) {
    notice(io, `cannot write ${rel}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return EXIT.usage;
  }
  // The starter must load: a broken template would be a bad first minute.
  const loaded = loadGuide(target, { root: path.dirname(target) });
  if (!loaded.ok) {
    notice(io, `wrote ${rel}, but it does not load (${loaded.problems[0]?.message}); please report this`);
    return EXIT.usage;
  }
  // A guide under another name is not found by walking up: the next steps name it.
  const found = GUIDE_NAMES.includes(path.basename(target)) && path.dirname(target) === io.cwd;
  const arg = /^[\w./@+-]+$/.test(rel) ? rel : JSON.stringify(rel);
  const check = found ? 'brandlint check-guide     ' : `brandlint check-guide ${arg}`;
  const lint = found ? 'brandlint .               ' : `brandlint --guide ${arg} .`;
  const report = found ? 'brandlint report . --html brand-report.html' : `brandlint report . --guide ${arg} --html brand-report.html`;
  await writeAll(
    io.stdout,
    `Wrote ${rel}: a starter guide for ${brand} with one example in every section.

Next:
  1. Edit ${rel}: your names under terms:, the words you avoid under banned:, your claims under claims:.
     In VS Code the brandlint extension gives completion and hover docs for every key.
  2. Prove your rules:  ${check} (each entry's bad/good examples must behave)
  3. Lint your copy:    ${lint} (or name folders: docs/ emails/ social/)
  4. See where it stands: ${report}
`,
  );
  return EXIT.clean;
}
