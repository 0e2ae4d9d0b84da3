import type { Guide } from './types.js';
import { lintText, type LintOptions, type LintResult } from './lint.js';
import { applyFixes } from './fix.js';
import { readFrontMatter } from './parse/frontmatter.js';
import { yaml } from './lazy-yaml.js';

/**
 * Fix, re-lint, and repeat until nothing changes (at most 10 passes). Each finding's fixes were
 * already held to what a fix may touch (guardFixes); a pass whose fixes together would still break
 * the front matter's YAML, or take a social post over a limit that one fix alone does not, is
 * applied one fix at a time, keeping only those that do no such harm.
 */
export function fixText(file: string, source: string, guide: Guide, opts: LintOptions = {}): { output: string; fixed: number; result: LintResult } {
  let output = source;
  let fixed = 0;
  let result = lintText(file, output, guide, opts);
  for (let pass = 0; pass < 10; pass++) {
    let { output: next, applied } = applyFixes(output, result.findings);
    if (applied === 0 || next === output) break;
    let after = lintText(file, next, guide, opts);
    if (harms(file, guide, opts, output, result, next)) {
      ({ output: next, applied } = oneByOne(file, output, result, guide, opts));
      if (applied === 0 || next === output) break;
      after = lintText(file, next, guide, opts);
    }
    output = next;
    fixed += applied;
    result = after;
  }
  return { output, fixed, result };
}

function oneByOne(file: string, source: string, before: LintResult, guide: Guide, opts: LintOptions): { output: string; applied: number } {
  let output = source;
  let applied = 0;
  let result = before;
  // Later findings first, so the offsets of the earlier ones stay true.
  const order = before.findings.filter((f) => f.fixes.length === 1).sort((a, b) => b.start - a.start);
  let lastStart = Infinity;
  for (const f of order) {
    if (f.end > lastStart) continue; // overlaps one already applied
    const { output: next, applied: n } = applyFixes(output, [f]);
    if (n === 0 || next === output) continue;
    const after = lintText(file, next, guide, opts);
    if (harms(file, guide, opts, output, result, next)) continue;
    output = next;
    result = after;
    applied += n;
    lastStart = f.start;
  }
  return { output, applied };
}

function harms(file: string, guide: Guide, opts: LintOptions, source: string, before: LintResult, output: string): boolean {
  if (yamlBroken(output) && !yamlBroken(source)) return true;
  // Lengths are measured whichever rules the run reports (a run may be limited to one).
  if (!before.doc?.posts?.length) return false;
  const lengths = (text: string) => lintText(file, text, guide, { ...opts, onlyRules: ['length'] }).findings.length;
  return lengths(output) > lengths(source);
}

function yamlBroken(source: string): boolean {
  const fm = readFrontMatter(source);
  if (!fm) return false;
  const open = source.indexOf('\n', fm.start) + 1;
  return yaml().parseDocument(source.slice(open, fm.end - 3), { logLevel: 'silent' }).errors.length > 0;
}
