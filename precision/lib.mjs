// Shared by the precision harness, its labelling helpers and its test: which sets exist, where the
// corpus is, and how one set's files are linted with its guide through the built core.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..');
/** The shared corpus sits beside the repository (`../shared/corpus`); BRANDLINT_CORPUS points elsewhere. */
export const CORPUS = process.env.BRANDLINT_CORPUS ? path.resolve(process.env.BRANDLINT_CORPUS) : path.join(REPO, '..', 'shared', 'corpus');

export function readSets() {
  return JSON.parse(fs.readFileSync(path.join(HERE, 'sets.json'), 'utf8')).sets;
}

export function corpusPresent() {
  return fs.existsSync(path.join(CORPUS, 'MANIFEST.md'));
}

/** Labels of one set: one JSON object a line; blank lines and lines starting with // are skipped. */
export function readLabels(set) {
  const file = path.join(HERE, 'labels', `${set}.jsonl`);
  if (!fs.existsSync(file)) return [];
  const out = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('//')) return;
    let v;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`${path.relative(REPO, file)}:${i + 1}: not JSON: ${e.message}`);
    }
    out.push({ ...v, at: `${path.relative(REPO, file)}:${i + 1}` });
  });
  return out;
}

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

let filesPromise;
function cliFiles() {
  filesPromise ??= import(pathToFileURL(path.join(REPO, 'dist', 'cli', 'files.js')).href);
  return filesPromise;
}

let corePromise;
export function loadCore() {
  corePromise ??= import(pathToFileURL(path.join(REPO, 'dist', 'rules', 'index.js')).href);
  return corePromise;
}

/**
 * Every finding on one set, as {file (relative to the corpus root), rule, line, column, endLine,
 * endColumn, text, message, level}. Each file is linted under a virtual path below the guide's folder
 * (its path inside its corpus folder), as if the guide were that repository's brand.yaml.
 */
export async function lintSet(s) {
  const core = await loadCore();
  const guidePath = path.join(HERE, s.guide);
  const loaded = core.loadGuide(guidePath);
  if (!loaded.ok) {
    const msg = loaded.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n');
    throw new Error(`guide ${s.guide} does not load:\n${msg}`);
  }
  const findings = [];
  let files = 0;
  for (const folder of s.folders) {
    const root = path.join(CORPUS, folder);
    if (!fs.existsSync(root)) continue;
    for (const abs of walk(root, []).sort()) {
      const inFolder = path.relative(root, abs).split(path.sep).join('/');
      const ext = path.extname(abs).toLowerCase();
      if (!core.COPY_EXTENSIONS.includes(ext)) continue;
      // As the command line selects files in a folder: a licence or requirements.txt is not copy.
      if ((await cliFiles()).isWellKnownNonCopy(abs)) continue;
      const virtual = path.join(path.dirname(guidePath), inFolder);
      const r = core.lintText(virtual, fs.readFileSync(abs, 'utf8'), loaded.guide);
      if (r.skipped) continue;
      files++;
      const file = `${folder}/${inFolder}`;
      for (const f of r.findings) {
        findings.push({ file, rule: f.rule, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, text: f.text, message: f.message, level: f.level });
      }
    }
  }
  return { files, findings };
}

export const key = (x) => `${x.file}\u0000${x.rule}\u0000${x.line}\u0000${x.column}\u0000${x.text}`;
