import type { Guide } from './types.js';
import { lintText, type LintOptions, type LintResult } from './lint.js';
import { applyFixes } from './fix.js';

/** Fix, re-lint, and repeat until nothing changes (at most 10 passes). */
export function fixText(file: string, source: string, guide: Guide, opts: LintOptions = {}): { output: string; fixed: number; result: LintResult } {
  let output = source;
  let fixed = 0;
  let result = lintText(file, output, guide, opts);
  for (let pass = 0; pass < 10; pass++) {
    const { output: next, applied } = applyFixes(output, result.findings);
    if (applied === 0 || next === output) break;
    output = next;
    fixed += applied;
    result = lintText(file, output, guide, opts);
  }
  return { output, fixed, result };
}
