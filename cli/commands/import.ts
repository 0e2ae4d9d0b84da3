// `brandlint import vale STYLE_DIR`: convert a Vale style (and its Vocab lists) into brand.yaml
// entries, and say what could not be converted and why.
import fs from 'node:fs';
import path from 'node:path';
import { convertVale, type ValeRuleFile, type ValeVocab } from '../../rules/vale/convert.js';
import { emitGuide, share } from '../../rules/vale/emit.js';
import { displayPath } from '../files.js';
import { EXIT, UsageError, notice, writeAll, type CliIo } from '../io.js';
import { strictArgs } from './check-guide.js';

export const IMPORT_HELP = `Usage: brandlint import vale STYLE_DIR... [options]

Convert Vale styles into brand.yaml entries: substitution rules become terms (when they fix how a
name is written) or banned phrases with their replacement, existence rules become banned phrases,
capitalization exceptions and Vocab accept lists become terms, Vocab reject lists banned phrases.
Vale's regular expressions are spelled out as phrases where they only list variants, kept as RE2
patterns where RE2 can run them, and listed with the reason where not.

Options:
  -o, --output FILE   write the guide to FILE (default: standard output)
      --force         overwrite --output if it exists
      --brand NAME    set brand: in the guide
      --json          print the conversion report as JSON instead of the guide
  -h, --help          show this help
`;

/** Every Vale rule (*.yml) under the folders, and every vocabulary (accept.txt / reject.txt). */
export function readStyles(dirs: string[]): { rules: ValeRuleFile[]; vocabs: ValeVocab[] } {
  const rules: ValeRuleFile[] = [];
  const vocabs = new Map<string, ValeVocab>();
  const walk = (dir: string, depth: number) => {
    if (depth > 8) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') walk(p, depth + 1);
      } else if (/^(accept|reject)\.txt$/.test(e.name)) {
        const name = path.basename(dir);
        const v = vocabs.get(dir) ?? { name, accept: [], reject: [] };
        const words = fs
          .readFileSync(p, 'utf8')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('#'));
        (e.name === 'accept.txt' ? v.accept : v.reject).push(...words);
        vocabs.set(dir, v);
      } else if (/\.ya?ml$/i.test(e.name)) {
        // Style.Rule: the style is the folder holding the rule.
        rules.push({ name: `${path.basename(dir)}.${e.name.replace(/\.ya?ml$/i, '')}`, text: fs.readFileSync(p, 'utf8') });
      }
    }
  };
  for (const d of dirs) walk(d, 0);
  return { rules, vocabs: [...vocabs.values()] };
}

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = strictArgs(argv, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    brand: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    await writeAll(io.stdout, IMPORT_HELP);
    return EXIT.clean;
  }
  const [from, ...dirs] = positionals;
  if (from !== 'vale') throw new UsageError(from === undefined ? 'import needs a source: brandlint import vale STYLE_DIR' : `cannot import from "${from}" (brandlint imports vale styles)`);
  if (dirs.length === 0) throw new UsageError('import vale needs a style folder, e.g. brandlint import vale .vale/styles/Acme');
  const abs = dirs.map((d) => path.resolve(io.cwd, d));
  for (let i = 0; i < abs.length; i++) if (!fs.existsSync(abs[i]!) || !fs.statSync(abs[i]!).isDirectory()) throw new UsageError(`no such folder: ${dirs[i]}`);
  const { rules, vocabs } = readStyles(abs);
  if (rules.length === 0 && vocabs.length === 0) {
    notice(io, `no Vale rules (*.yml) or vocabularies (accept.txt, reject.txt) in ${dirs.join(', ')}`);
    return EXIT.usage;
  }
  const result = convertVale(rules, vocabs);
  const t = result.totals;
  if (values.json) {
    await writeAll(io.stdout, JSON.stringify({ source: dirs, totals: t, share: share(t.convertedItems, t.items), rules: result.rules, unconverted: result.unconverted }, null, 2) + '\n');
    return EXIT.clean;
  }
  const text = emitGuide(result, { source: dirs.join(', '), brand: values.brand as string | undefined });
  if (values.output) {
    const out = path.resolve(io.cwd, values.output as string);
    if (fs.existsSync(out) && !values.force) {
      notice(io, `${displayPath(io.cwd, out)} already exists; not overwriting it. Use --force to replace it.`);
      return EXIT.usage;
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
  } else await writeAll(io.stdout, text);
  notice(
    io,
    `imported ${t.convertedItems} of ${t.items} items (${share(t.convertedItems, t.items)}) from ${t.rules} rules: ${t.convertedRules} fully, ${t.partialRules} partly, ${t.rules - t.convertedRules - t.partialRules} not (reasons listed at the end of the guide)` +
      (values.output ? `; wrote ${values.output}` : ''),
  );
  return EXIT.clean;
}
