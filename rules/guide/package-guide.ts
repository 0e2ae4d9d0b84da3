// `extends: "@acme/brand-guide"`: an org's guide shared as an npm package, resolved through
// node_modules from the extending guide's folder as Node resolves a dependency, so a brand team
// versions it with npm like any other dependency. Resolution never leaves the repository root.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_GUIDE_SIZE } from '../limits.js';
import { readRegularFile } from '../read-file.js';

/** The package name and the file inside it a spec names, when the spec names a package. */
export function packageSpec(spec: string, fromDir: string): { name: string; subpath?: string } | undefined {
  if (spec.startsWith('.') || path.isAbsolute(spec) || spec.includes('\\') || spec.includes(':')) return undefined;
  const m = /^((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*)(?:\/(.+))?$/i.exec(spec);
  if (!m) return undefined;
  const [, name, subpath] = m;
  const yamlFile = /\.ya?ml$/i.test(spec);
  // `base.yaml` and `shared/base.yaml` stay files next to the guide, as they always were; a
  // package's own file (`@acme/guide/email.yaml`, `acme-guide/email.yaml`) is meant when no such file exists.
  if (!spec.startsWith('@') && yamlFile && (subpath === undefined || fs.existsSync(path.resolve(fromDir, spec)))) return undefined;
  return { name: name!, subpath };
}

export type PackageGuide = { file: string; pkgDir: string } | { error: string };

/** The guide file of package `name` (its package.json's "brandlint" field, else brand.yaml / brand.yml). */
export function resolvePackageGuide(fromDir: string, spec: { name: string; subpath?: string }, root: string): PackageGuide {
  const looked: string[] = [];
  let dir = fromDir;
  for (;;) {
    const pkgDir = path.join(dir, 'node_modules', ...spec.name.split('/'));
    looked.push(pkgDir);
    if (isDir(pkgDir)) return guideIn(pkgDir, spec);
    if (path.relative(root, dir) === '' || !inside(root, dir)) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return {
    error: `package "${spec.name}" is not installed (no node_modules/${spec.name} between this guide and the repository root); install it with \`npm install --save-dev ${spec.name}\``,
  };
}

function guideIn(pkgDir: string, spec: { name: string; subpath?: string }): PackageGuide {
  const where = `node_modules/${spec.name}`;
  if (spec.subpath !== undefined) return { file: path.join(pkgDir, spec.subpath), pkgDir };
  const manifest = path.join(pkgDir, 'package.json');
  let named: unknown;
  if (isFile(manifest)) {
    try {
      named = (JSON.parse(readRegularFile(manifest, MAX_GUIDE_SIZE).bytes.toString('utf8')) as Record<string, unknown>).brandlint;
    } catch (e) {
      return { error: `package "${spec.name}": cannot read ${where}/package.json (${(e as Error).message})` };
    }
  }
  if (named !== undefined) {
    if (typeof named !== 'string' || named.length === 0) return { error: `package "${spec.name}": "brandlint" in ${where}/package.json must be the path of its guide file` };
    const file = path.resolve(pkgDir, named);
    if (!inside(pkgDir, file)) return { error: `package "${spec.name}": "brandlint" in ${where}/package.json points outside the package (${named})` };
    return { file, pkgDir };
  }
  for (const n of ['brand.yaml', 'brand.yml']) {
    const file = path.join(pkgDir, n);
    if (isFile(file)) return { file, pkgDir };
  }
  return { error: `package "${spec.name}" has no brand.yaml (${where}/brand.yaml), and its package.json names no guide ("brandlint": "path/to/guide.yaml")` };
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
