// `brandlint import vale`: the regex translation, the command on a fixture style, the converted
// share on every Vale style in ../shared/corpus/brand-rules, and Vale's own fixtures (substitution,
// existence, capitalization, Vocab) run against the imported guide: agreements and differences.
// Figures go to test-output/vale-import.md (summarised in docs/owner.md).
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGuide } from '../../rules/index.js';
import { translate } from '../../rules/vale/regex.js';
import { HAS_SHARED, ROOT, SHARED, cleanTemps, run, tempDir } from '../helpers/cli-temp.js';

afterAll(cleanTemps);

const OUT = path.join(ROOT, 'test-output');
const BRAND_RULES = path.join(SHARED, 'corpus/brand-rules');
const VALE_TESTDATA = path.join(SHARED, 'corpus/peer-tests/vale-testdata/testdata');

describe('Vale regex → phrases or RE2', () => {
  it.each([
    ['e-?mail', ['e-mail', 'email']],
    ['(?:app|application)s?', ['app', 'apps', 'application', 'applications']],
    ['[Kk]ubelet', ['Kubelet']],
    ['\\bJava[ -]?script\\b', ['Javascript', 'Java script', 'Java-script']],
    ['air(?:-| )?gapped', ['air-gapped', 'air gapped', 'airgapped']],
    ['(?i)Mac OS X', ['Mac OS X']],
  ])('%s spells out as phrases', (src, phrases) => {
    const t = translate(src, { ignorecase: true });
    expect(t.kind).toBe('phrases');
    if (t.kind === 'phrases') expect([...t.phrases].sort()).toEqual([...phrases].sort());
  });

  it('keeps RE2-safe regexes as patterns with Vale’s word boundaries, and \\u escapes in RE2 form', () => {
    expect(translate('re-?(?:run|start)\\w*', { ignorecase: true })).toEqual({ kind: 'pattern', pattern: '\\b(?:re-?(?:run|start)\\w*)\\b' });
    expect(translate('[\\u2010\\u2013]', { ignorecase: true, nonword: true })).toEqual({ kind: 'pattern', pattern: '[\\x{2010}\\x{2013}]' });
  });

  it('refuses look-around and back-references with the reason', () => {
    expect(translate('dropdown(?! list)', { ignorecase: true })).toMatchObject({ kind: 'none', reason: expect.stringMatching(/look-around.*RE2/) });
    expect(translate('(\\w+) \\1', { ignorecase: true })).toMatchObject({ kind: 'none', reason: expect.stringMatching(/back-references/) });
  });
});

describe('brandlint import vale (CLI)', () => {
  function style(): string {
    const dir = tempDir('vale-style');
    const s = path.join(dir, 'styles/Acme');
    fs.mkdirSync(s, { recursive: true });
    fs.writeFileSync(path.join(s, 'Terms.yml'), 'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nlink: https://acme.example/words\nignorecase: true\nlevel: error\nswap:\n  Java[ -]?script: JavaScript\n  utiliz(?:e|es|ed): use\n  (?<!right-)click: select\n  agnostic: "platform-independent\' or \'vendor-neutral"\n');
    fs.writeFileSync(path.join(s, 'Avoid.yml'), 'extends: existence\nmessage: "Don\'t use \'%s\'. It is jargon."\nlevel: suggestion\ntokens:\n  - synerg(?:y|ies)\n  - leverage\n');
    fs.writeFileSync(path.join(s, 'Headings.yml'), 'extends: capitalization\nmessage: "\'%s\' should use sentence-style capitalization."\nmatch: $sentence\nscope: heading\nexceptions:\n  - Acme Cloud\n  - API\n  - (?:a|b)c\n');
    fs.writeFileSync(path.join(s, 'Spelling.yml'), 'extends: spelling\nmessage: "Did you really mean \'%s\'?"\n');
    const v = path.join(dir, 'styles/config/vocabularies/Acme');
    fs.mkdirSync(v, { recursive: true });
    fs.writeFileSync(path.join(v, 'accept.txt'), 'GitHub\n(?i)kubernetes\nnpm\n');
    fs.writeFileSync(path.join(v, 'reject.txt'), 'Mac OS X\n');
    fs.mkdirSync(path.join(dir, '.git'));
    return dir;
  }

  it('converts substitution, existence, capitalization exceptions and Vocab, and lists the rest with reasons', () => {
    const dir = style();
    const r = run(dir, ['import', 'vale', 'styles', '--output', 'brand.yaml', '--brand', 'Acme']);
    expect(r.code, r.stderr).toBe(0);
    // Items: 4 swaps + 2 tokens + 1 heading check + 3 exceptions + 1 spelling + 3 accepted + 1 rejected = 15
    expect(r.stderr).toMatch(/imported 9 of 15 items \(60%\) from 5 rules: 1 fully, 3 partly, 1 not/);
    const g = loadGuide(path.join(dir, 'brand.yaml'));
    expect(g.problems).toEqual([]);
    if (!g.ok) return;
    expect(g.guide.brand).toBe('Acme');
    expect(g.guide.terms.map((t) => [t.use, t.not, t.level])).toEqual([
      ['Acme Cloud', [], undefined],
      ['API', [], undefined],
      ['JavaScript', ['Java script', 'Java-script'], 'error'],
      ['GitHub', [], undefined],
    ]);
    const banned = g.guide.banned.map((b) => [b.phrases, b.use, b.level ?? null, b.because ?? null]);
    expect(banned).toEqual([
      [['synergy', 'synergies', 'leverage'], [], 'info', 'It is jargon.'],
      [['utilize', 'utilizes', 'utilized'], ['use'], 'error', null],
      [['agnostic'], ['platform-independent', 'vendor-neutral'], 'error', null],
      [['Mac OS X'], [], null, 'Rejected by the Acme vocabulary.'],
    ]);
    expect(g.guide.banned[1]!.docs).toBe('https://acme.example/words');
    const text = fs.readFileSync(path.join(dir, 'brand.yaml'), 'utf8');
    expect(text).toMatch(/^# Acme\.Terms: "\(\?<!right-\)click" — look-around/m);
    expect(text).toMatch(/^# Acme\.Spelling — spelling: brandlint does not spell-check/m);
    expect(text).toMatch(/^# Acme\.Headings — the \$sentence check itself/m);
    expect(text).toMatch(/^# Vocab\/Acme: "\(\?i\)kubernetes" — case-insensitive accept entry/m);
    // The imported guide lints: utilized → used (inflection kept), JavaScript fixed.
    fs.writeFileSync(path.join(dir, 'post.md'), 'We utilized Javascript and leverage synergies.\n');
    const lint = run(dir, ['--format', 'json', 'post.md']);
    const f = (JSON.parse(lint.stdout) as { files: Array<{ findings: Array<{ rule: string; text: string; suggestions: string[] }> }> }).files[0]!.findings;
    expect(f.map((x) => [x.rule, x.text, x.suggestions])).toEqual([
      ['banned', 'utilized', ['used']],
      ['term', 'Javascript', ['JavaScript']],
      ['banned', 'leverage', []],
      ['banned', 'synergies', []],
    ]);
    // --json: the conversion report
    const json = run(dir, ['import', 'vale', 'styles', '--json']);
    const rep = JSON.parse(json.stdout) as { totals: { items: number; convertedItems: number }; rules: Array<{ name: string; status: string }> };
    expect(rep.totals).toMatchObject({ items: 15, convertedItems: 9 });
    expect(rep.rules.map((x) => [x.name, x.status])).toEqual([
      ['Acme.Avoid', 'converted'],
      ['Acme.Headings', 'partial'],
      ['Acme.Spelling', 'skipped'],
      ['Acme.Terms', 'partial'],
      ['Vocab/Acme', 'partial'],
    ]);
    // Refuses to overwrite, and usage errors are exit 2.
    expect(run(dir, ['import', 'vale', 'styles', '-o', 'brand.yaml']).code).toBe(2);
    expect(run(dir, ['import', 'textlint', 'styles']).code).toBe(2);
    expect(run(dir, ['import', 'vale', 'nope']).code).toBe(2);
  });
});

/** Folders holding Vale rules (YAML files with `extends:`) or a vocabulary, by style. */
function valeStyles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    const entries = fs.readdirSync(d, { withFileTypes: true });
    const isRule = (e: fs.Dirent) => e.isFile() && /\.ya?ml$/.test(e.name) && /^["']?extends["']?\s*:/m.test(fs.readFileSync(path.join(d, e.name), 'utf8'));
    // A style (rules) or a Vale vocabulary (accept.txt / reject.txt): each is measured on its own.
    if (entries.some((e) => isRule(e) || (e.isFile() && /^(accept|reject)\.txt$/.test(e.name)))) out.push(d);
    for (const e of entries) if (e.isDirectory() && !/^(fixtures|rule-tests|features)$/.test(e.name)) walk(path.join(d, e.name));
  };
  walk(dir);
  return out.sort();
}

interface Totals {
  rules: number;
  convertedRules: number;
  partialRules: number;
  items: number;
  convertedItems: number;
}

describe.skipIf(!HAS_SHARED)('import measured on every Vale style in ../shared/corpus/brand-rules', () => {
  it('converts each style into a guide that loads, and reports the converted share', () => {
    const rows: string[] = [];
    const sum: Totals = { rules: 0, convertedRules: 0, partialRules: 0, items: 0, convertedItems: 0 };
    const tmp = tempDir('vale-measure');
    let n = 0;
    for (const set of fs.readdirSync(BRAND_RULES).sort()) {
      for (const dir of valeStyles(path.join(BRAND_RULES, set))) {
        const rel = path.relative(BRAND_RULES, dir);
        const out = path.join(tmp, `g${n++}.yaml`);
        const imp = run(ROOT, ['import', 'vale', dir, '-o', out]);
        expect(imp.code, imp.stderr).toBe(0);
        // "imported X of Y items (P%) from R rules: A fully, B partly, C not"
        const m = /imported (\d+) of (\d+) items .* from (\d+) rules: (\d+) fully, (\d+) partly/.exec(imp.stderr)!;
        expect(m, imp.stderr).not.toBeNull();
        const t: Totals = { convertedItems: +m[1]!, items: +m[2]!, rules: +m[3]!, convertedRules: +m[4]!, partialRules: +m[5]! };
        const g = loadGuide(out, { root: tmp });
        // Every imported guide must load without errors (warnings such as repeats are allowed).
        expect(g.problems.filter((p) => p.level === 'error'), rel).toEqual([]);
        const entries = g.ok ? g.guide.terms.length + g.guide.banned.length : 0;
        for (const k of Object.keys(sum) as (keyof Totals)[]) sum[k] += t[k];
        const pct = t.items ? ((100 * t.convertedItems) / t.items).toFixed(1) : '–';
        rows.push(`| ${rel} | ${t.rules} | ${t.convertedRules} | ${t.partialRules} | ${t.convertedItems} / ${t.items} | ${pct}% | ${entries} |`);
      }
    }
    expect(rows.length).toBeGreaterThan(10);
    const table = [
      '| style | rules | converted fully | partly | items converted | share | brand.yaml entries |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      `| **all** | ${sum.rules} | ${sum.convertedRules} | ${sum.partialRules} | ${sum.convertedItems} / ${sum.items} | ${((100 * sum.convertedItems) / sum.items).toFixed(1)}% | |`,
    ].join('\n');
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'vale-import.md'), `# brandlint import vale on ../shared/corpus/brand-rules\n\n${table}\n`);
    console.log(table);
    // A floor, so a regression in the translator shows up here.
    expect(sum.convertedItems / sum.items).toBeGreaterThan(0.5);
  }, 300_000);
});

// --- Vale's own fixtures -------------------------------------------------------------------------

interface Ini {
  stylesPath: string;
  vocab: string[];
  sections: Array<{ glob: string; rules: string[]; based: string[] }>;
}

function readIni(file: string): Ini {
  const ini: Ini = { stylesPath: '.', vocab: [], sections: [] };
  let cur: Ini['sections'][number] | undefined;
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      cur = { glob: sec[1]!, rules: [], based: [] };
      ini.sections.push(cur);
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const [, k, v] = kv as unknown as [string, string, string];
    if (!cur && k === 'StylesPath') ini.stylesPath = v;
    else if (!cur && k === 'Vocab') ini.vocab = v.split(',').map((s) => s.trim());
    else if (cur && k === 'BasedOnStyles') cur.based = v.split(',').map((s) => s.trim());
    else if (cur && /^[\w-]+\.[\w-]+$/.test(k) && v === 'YES') cur.rules.push(k);
  }
  return ini;
}

interface Outcome {
  scenario: string;
  agree: string[];
  missed: string[];
  extra: string[];
  notConverted: string[];
}

/** Run one Vale fixture folder: import the rules each file runs with, lint, compare positions. */
function valeScenario(scenario: string, fixture: string, expected: string[]): Outcome {
  const fdir = path.join(VALE_TESTDATA, 'fixtures', fixture);
  const ini = readIni(path.join(fdir, '.vale.ini'));
  const stylesDir = path.resolve(fdir, ini.stylesPath);
  const out: Outcome = { scenario, agree: [], missed: [], extra: [], notConverted: [] };
  const files = [...new Set(expected.map((l) => l.split(':')[0]!))];
  for (const file of files) {
    const sections = ini.sections.filter((s) => picomatch(s.glob)(file));
    const rules = sections.flatMap((s) => s.rules);
    const based = sections.flatMap((s) => s.based);
    const tmp = tempDir('vale-fixture');
    fs.mkdirSync(path.join(tmp, '.git'));
    const styles = path.join(tmp, 'styles');
    const copyRule = (name: string) => {
      const [st, rule] = name.split('.') as [string, string];
      const src = path.join(stylesDir, st, `${rule}.yml`);
      if (!fs.existsSync(src)) return false;
      fs.mkdirSync(path.join(styles, st), { recursive: true });
      fs.copyFileSync(src, path.join(styles, st, `${rule}.yml`));
      return true;
    };
    for (const r of rules) copyRule(r);
    for (const st of based) {
      if (st === 'Vale') {
        // Vale's built-in Terms/Avoid come from the Vocab lists.
        for (const v of ini.vocab) {
          const vd = path.join(stylesDir, 'config/vocabularies', v);
          if (fs.existsSync(vd)) fs.cpSync(vd, path.join(styles, 'config/vocabularies', v), { recursive: true });
        }
      } else if (fs.existsSync(path.join(stylesDir, st))) fs.cpSync(path.join(stylesDir, st), path.join(styles, st), { recursive: true });
    }
    fs.copyFileSync(path.join(fdir, file), path.join(tmp, file));
    const imp = run(tmp, ['import', 'vale', 'styles', '-o', 'brand.yaml']);
    const json = run(tmp, ['import', 'vale', 'styles', '--json']);
    expect(json.code, `${fixture}/${file}: ${json.stderr}`).toBe(0);
    const skipped = new Set((JSON.parse(json.stdout) as { rules: Array<{ name: string; status: string }> }).rules.filter((r) => r.status === 'skipped').map((r) => r.name));
    expect(imp.code, imp.stderr).toBe(0);
    const lint = run(tmp, ['--format', 'json', file]);
    const findings = (JSON.parse(lint.stdout) as { files: Array<{ findings: Array<{ line: number; column: number; rule: string; text: string }> }> }).files[0]?.findings ?? [];
    const got = new Map(findings.map((f) => [`${file}:${f.line}:${f.column}`, `${f.rule} "${f.text}"`]));
    for (const line of expected.filter((l) => l.startsWith(`${file}:`))) {
      const [, ln, col, rule] = line.split(':') as [string, string, string, string];
      const key = `${file}:${ln}:${col}`;
      // Built into Vale (no rule file to import): Vale.Spelling, Vale.Repetition…; Vale.Terms/Avoid come from the Vocab.
      const [st, name] = rule.split('.') as [string, string];
      const builtin = !/^Vale\.(Terms|Avoid)$/.test(rule) && !fs.existsSync(path.join(stylesDir, st, `${name}.yml`));
      if (builtin || skipped.has(rule)) out.notConverted.push(line);
      else if (got.has(key)) {
        out.agree.push(`${line}  ⇔  ${got.get(key)}`);
        got.delete(key);
      } else out.missed.push(line);
    }
    for (const [k, v] of got) out.extra.push(`${k} ${v}`);
  }
  return out;
}

/** Expected lines of a scenario in a Vale .feature file. */
function expectedLines(feature: string, scenario: string): string[] {
  const text = fs.readFileSync(path.join(VALE_TESTDATA, 'features', feature), 'utf8');
  const at = text.indexOf(`Scenario: ${scenario}\n`);
  const open = text.indexOf('"""', at);
  const close = text.indexOf('"""', open + 3);
  return text
    .slice(open + 3, close)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

describe.skipIf(!HAS_SHARED)("Vale's fixtures against the imported guide", () => {
  it('substitution, existence, capitalization and Vocab: agreements and differences', () => {
    const outcomes = [
      valeScenario('Substitution', 'checks/Substitution', expectedLines('checks.feature', 'Substitution')),
      valeScenario('Existence', 'checks/Existence', expectedLines('checks.feature', 'Existence')),
      valeScenario('Capitalization', 'checks/Capitalization', expectedLines('checks.feature', 'Capitalization')),
      valeScenario('Vocab', 'vocab/Basic', expectedLines('misc.feature', 'Vocab')),
    ];
    const md = outcomes
      .map((o) =>
        [
          `## ${o.scenario}: ${o.agree.length} agree, ${o.missed.length} missed, ${o.extra.length} extra, ${o.notConverted.length} from rules not converted`,
          ...o.agree.map((l) => `- agree: \`${l}\``),
          ...o.missed.map((l) => `- Vale only: \`${l}\``),
          ...o.extra.map((l) => `- brandlint only: \`${l}\``),
          ...o.notConverted.map((l) => `- not converted: \`${l}\``),
        ].join('\n'),
      )
      .join('\n\n');
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'vale-fixtures.md'), `# Vale's fixtures run against \`brandlint import vale\`\n\n${md}\n`);
    console.log(md);
    const sub = outcomes[0]!;
    expect(sub.agree.length).toBeGreaterThanOrEqual(8);
    expect(outcomes[1]!.agree.length).toBeGreaterThanOrEqual(3);
    expect(outcomes[3]!.agree.length).toBeGreaterThanOrEqual(4);
  }, 300_000);
});
