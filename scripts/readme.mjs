#!/usr/bin/env node
// Builds README.md from docs/*.md (the sources), each rule's own page (rules/checks/<id>/<id>.md) and
// a rule index generated from the rules' metadata, so the README never drifts from the code.
// `node scripts/readme.mjs --check` fails when README.md is stale (the test suite runs that).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// docs/guarantees.md and docs/development.md are linked from docs/trust.md, not inlined.
// Missing files are skipped, so a section can be added by writing its file and naming it here.
const ORDER = ['intro', 'rules-brand', 'tone', 'formats', 'guide-reference', 'cli', 'editor', 'assistants', 'ci', 'owner', 'trust', 'performance'];
// A line `<!-- rule pages: id id … -->` in a docs/ file is replaced by those rules' pages.
const PAGES = /^<!-- rule pages: ([a-z0-9 -]+) -->$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Shift ATX headings outside code fences by `by` levels (never past H6). */
function shiftHeadings(md, by) {
  let fence = null;
  return md
    .split('\n')
    .map((line) => {
      const m = FENCE.exec(line);
      if (m) {
        if (!fence) fence = m[1][0];
        else if (m[1][0] === fence) fence = null;
        return line;
      }
      const h = !fence && /^(#{1,6}) /.exec(line);
      return h ? '#'.repeat(Math.min(6, h[1].length + by)) + line.slice(h[1].length) : line;
    })
    .join('\n');
}

/** The rule's page, its `# <id>` title turned into a heading at `level` under the anchor findings link to. */
export function rulePage(id, level) {
  const file = path.join(root, 'rules/checks', id, `${id}.md`);
  if (!fs.existsSync(file)) throw new Error(`rules/checks/${id}/${id}.md is missing: every rule has a page`);
  const text = fs.readFileSync(file, 'utf8').trim();
  const [title, ...body] = text.split('\n');
  if (title !== `# ${id}`) throw new Error(`rules/checks/${id}/${id}.md must start with "# ${id}"`);
  return [`<a id="rule-${id}"></a>`, `${'#'.repeat(level)} ${id}`, shiftHeadings(body.join('\n'), level - 1)].join('\n');
}

/** Replace each rule-pages line with the pages, one level below the heading above it. */
function placePages(md, placed) {
  let fence = null;
  let level = 1;
  return md
    .split('\n')
    .map((line) => {
      const f = FENCE.exec(line);
      if (f) {
        if (!fence) fence = f[1][0];
        else if (f[1][0] === fence) fence = null;
        return line;
      }
      if (fence) return line;
      const h = /^(#{1,6}) /.exec(line);
      if (h) level = h[1].length;
      const p = PAGES.exec(line);
      if (!p) return line;
      const ids = p[1].trim().split(/\s+/);
      for (const id of ids) {
        if (placed.has(id)) throw new Error(`the page of rule "${id}" is placed twice`);
        placed.add(id);
      }
      return ids.map((id) => rulePage(id, Math.min(6, level + 1))).join('\n\n');
    })
    .join('\n');
}

export async function build() {
  const { RULES } = await import(path.join(root, 'dist/rules/index.js'));
  const ids = new Set(RULES.map((r) => r.meta.id));
  const placed = new Set();
  const parts = [];
  for (const name of ORDER) {
    const file = path.join(root, 'docs', `${name}.md`);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8').trim();
    // The intro keeps the README's single H1; every other file's headings move one level down.
    parts.push(placePages(name === 'intro' ? text : shiftHeadings(text, 1), placed));
    if (name === 'intro') parts.push(ruleIndex(RULES));
  }
  const unknown = [...placed].filter((id) => !ids.has(id));
  if (unknown.length) throw new Error(`rule pages placed for rules that do not exist: ${unknown.join(', ')}`);
  const unplaced = [...ids].filter((id) => !placed.has(id));
  if (unplaced.length) throw new Error(`rules whose page no docs/ file places (add them to a "<!-- rule pages: … -->" line): ${unplaced.join(', ')}`);
  return parts.join('\n\n') + '\n';
}

function ruleIndex(rules) {
  const rows = rules.map((r) => {
    const m = r.meta;
    return `| [\`${m.id}\`](#rule-${m.id}) | ${m.category} | ${m.category === 'tone' ? 'off (tone: …)' : m.defaultLevel} | ${m.fixable ? 'yes' : ''} | ${m.description.replace(/\|/g, '\\|')} |`;
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
