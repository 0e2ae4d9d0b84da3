// `brandlint init`: write a commented starter brand.yaml (every section with one example) and say
// what to do next. Never overwrites a guide unless --force.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GUIDE_NAMES, loadGuide } from '../../rules/index.js';
import { packageRoot } from '../../rules/guide/package-root.js';
import { EXIT, UsageError, notice, writeAll, type CliIo } from '../io.js';
import { displayPath } from '../files.js';
import { version } from '../version.js';
import { fillStarter } from '../starter.js';

export const INIT_HELP = `Usage: brandlint init [options]

Write a commented starter brand.yaml in the current folder.
With --org, write an npm package skeleton for an org-wide guide that content
repositories extend (extends: "@acme/brand-guide") and version with npm.

Options:
      --brand NAME    your brand's name (default: Acme)
      --org           write an org guide package (package.json, brand.yaml, README.md)
      --name NAME     the org guide package's name (default: @<brand>/brand-guide)
  -o, --output FILE   where to write it (default: brand.yaml)
      --force         overwrite an existing guide
  -h, --help          show this help
`;

/** The starter guide's text with the brand's name filled in (`term`: the name was given, see fillStarter). */
export function starterGuide(brand: string, opts: { term: boolean } = { term: true }): string {
  return fillStarter(fs.readFileSync(path.join(packageRoot(), 'samples', 'brand-starter.yaml'), 'utf8'), brand, opts);
}

export async function initCommand(argv: string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        brand: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        org: { type: 'boolean' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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
  if (values.org) return initOrg(io, brand, values);
  if (values.name !== undefined) throw new UsageError('--name is for --org (the org guide package)');
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
  // The default name is a placeholder: its term (with ®) stays a commented example.
  const text = starterGuide(brand, { term: values.brand !== undefined });
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

/** An npm package name for the org guide: @brand/brand-guide, lower case, npm's characters only. */
function defaultPackageName(brand: string): string {
  const scope = brand.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[-._~]+|[-._~]+$/g, '') || 'acme';
  return `@${scope}/brand-guide`;
}

/** `brandlint init --org`: the package skeleton an org guide is published from. */
async function initOrg(io: CliIo, brand: string, values: Record<string, string | boolean | undefined>): Promise<number> {
  const name = ((values.name as string | undefined) ?? defaultPackageName(brand)).trim();
  if (!/^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name) || name.length > 214) {
    throw new UsageError(`--name "${name}" is not an npm package name (lower case; @scope/name or name)`);
  }
  const dir = path.resolve(io.cwd, (values.output as string | undefined) ?? '.');
  const files: Record<string, string> = {
    'package.json':
      JSON.stringify(
        {
          name,
          version: '1.0.0',
          description: `${brand}'s brand guide for brandlint: terms, banned phrases, claims and tone, shared by every content repository.`,
          keywords: ['brandlint', 'brandlint-guide', 'brand-guide', 'style-guide'],
          brandlint: 'brand.yaml',
          files: ['brand.yaml', 'README.md'],
          scripts: { test: 'brandlint check-guide brand.yaml' },
          devDependencies: { brandlint: `^${version()}` },
        },
        null,
        2,
      ) + '\n',
    'brand.yaml': starterGuide(brand, { term: values.brand !== undefined }),
    'README.md': `# ${name}

${brand}'s brand guide for [brandlint](https://www.npmjs.com/package/brandlint), shared by every content
repository as an npm package.

## Use it in a content repository

\`\`\`sh
npm install --save-dev ${name} brandlint
\`\`\`

\`\`\`yaml
# brand.yaml at the repository root
extends: "${name}"
# this repository's own additions and overrides follow; its entries win over the org guide's
\`\`\`

## Change the guide

Edit \`brand.yaml\`, prove its examples with \`npm test\` (\`brandlint check-guide\`), then publish
a new version (\`npm version minor && npm publish\`). Content repositories pick it up when they
update the dependency, so a change reaches them through review, like any other dependency.
`,
  };
  if (!values.force) {
    const existing = Object.keys(files).find((f) => fs.existsSync(path.join(dir, f)));
    if (existing) {
      notice(io, `${displayPath(io.cwd, path.join(dir, existing))} already exists; not overwriting it. Use --force to replace it.`);
      return EXIT.usage;
    }
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) {
      const target = path.join(dir, f);
      const tmp = `${target}.brandlint-${process.pid}.tmp`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, target);
    }
  } catch (e) {
    notice(io, `cannot write the package in ${displayPath(io.cwd, dir) || '.'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return EXIT.usage;
  }
  const loaded = loadGuide(path.join(dir, 'brand.yaml'), { root: dir });
  if (!loaded.ok) {
    notice(io, `wrote the package, but its brand.yaml does not load (${loaded.problems[0]?.message}); please report this`);
    return EXIT.usage;
  }
  const rel = displayPath(io.cwd, dir) || '.';
  await writeAll(
    io.stdout,
    `Wrote the org guide package ${name} in ${rel}: package.json, brand.yaml, README.md.

Next:
  1. Edit ${rel === '.' ? '' : `${rel}/`}brand.yaml: the names, banned words, claims and tone every repository shares.
  2. Prove it:    npm test   (brandlint check-guide runs each entry's examples)
  3. Publish it:  npm publish
  4. In each content repository:  npm install --save-dev ${name}
     and in its brand.yaml:       extends: "${name}"
`,
  );
  return EXIT.clean;
}
