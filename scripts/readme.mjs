#!/usr/bin/env node
// Builds README.md from docs/*.md (the sources) plus a rule index generated from the rules'
// metadata, so the README never drifts from the code. `node scripts/readme.mjs --check` fails
// when README.md is stale (the test suite runs that).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ORDER = ['intro', 'rules-brand', 'tone', 'formats', 'guide-reference', 'cli', 'editor', 'assistants', 'owner', 'guarantees', 'performance'];

/** Demote headings one level outside code fences, so the README has a single H1. */
function demote(md) {
  let fence = null;
  return md
    .split('\n')
    .map((line) => {
      const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (m) {
        if (!fence) fence = m[1][0];
        else if (m[1][0] === fence) fence = null;
        return line;
      }
      return !fence && /^#{1,5} /.test(line) ? '#' + line : line;
    })
    .join('\n');
}

export async function build() {
  const { RULES } = await import(path.join(root, 'dist/rules/index.js'));
  const parts = [];
  for (const name of ORDER) {
    const file = path.join(root, 'docs', `${name}.md`);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8').trim();
    parts.push(name === 'intro' ? text : demote(text));
    if (name === 'intro') parts.push(ruleIndex(RULES, parts));
  }
  return parts.join('\n\n') + '\n';
}

function ruleIndex(rules) {
  const docs = ORDER.map((n) => path.join(root, 'docs', `${n}.md`)).filter(fs.existsSync).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const rows = rules.map((r) => {
    const m = r.meta;
    // Rules documented in a section of their own link there; the others get their anchor here.
    const anchor = docs.includes(`id="rule-${m.id}"`) ? `[\`${m.id}\`](#rule-${m.id})` : `<a id="rule-${m.id}"></a>\`${m.id}\``;
    return `| ${anchor} | ${m.category} | ${m.category === 'tone' ? 'off (tone: …)' : m.defaultLevel} | ${m.fixable ? 'yes' : ''} | ${m.description.replace(/\|/g, '\\|')} |`;
  });
  return [
    '## Rules',
    '',
    'Every rule, its category, its level unless the guide sets one, whether `--fix` and quick fixes can repair it. Rule ids are stable: they appear in messages, suppression comments, SARIF and the JSON output. Problems in brand.yaml itself are reported as <a id="rule-guide"></a>`guide`.',
    '',
    '| rule | category | default level | fixable | what it checks |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = await build();
  const readme = path.join(root, 'README.md');
  if (process.argv.includes('--check')) {
    const cur = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : '';
    if (cur !== out) {
      console.error('README.md is stale: run `npm run readme`');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(readme, out);
    console.log(`README.md written (${out.split('\n').length} lines)`);
  }
}
