import type { Finding, TextEdit } from './types.js';

/**
 * Apply every unambiguous fix (a finding with exactly one fix) that does not overlap another.
 * Edits never reach outside their finding's span. Returns the new text and how many were applied.
 */
export function applyFixes(source: string, findings: Finding[]): { output: string; applied: number } {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (f.fixes.length !== 1) continue;
    const fe = f.fixes[0]!.edits;
    if (!fe.every((e) => e.start >= f.start && e.end <= f.end)) continue;
    edits.push(...fe);
  }
  return applyEdits(source, edits);
}

/** Apply non-overlapping edits (earlier ones win on overlap); identical edits count once. */
export function applyEdits(source: string, edits: TextEdit[]): { output: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += source.slice(pos, e.start) + e.text;
    pos = e.end;
    applied++;
  }
  return { output: out + source.slice(pos), applied };
}
