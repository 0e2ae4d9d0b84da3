// A RuleTester in the manner of ESLint's: each rule's test file lists copy that must stay quiet
// (valid), copy that must be reported (invalid, with the expected findings) and, for fixable
// findings, the text `--fix` makes of it. Cases run through the real guide loader (YAML text) and
// the real lint and fix loop, so a case holds exactly what a user of the CLI would see.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lintText, loadGuide } from '../../rules/index.js';
import { ruleById } from '../../rules/checks/index.js';
import type { Finding, Format, Guide } from '../../rules/types.js';

export interface ValidCase {
  /** Shown as the test's name; defaults to the copy itself. */
  name?: string;
  /** The copy, in the format the file name implies. */
  code: string;
  /** File name that picks the format (`copy.md` unless given): `mail.hbs`, `post.tweet`, `page.mdx`… */
  file?: string;
  /** brand.yaml text for this case alone (else the tester's guide). */
  guide?: string;
  /** Read the file as this format whatever its name (as the editor does for a language id). */
  format?: Format;
}

export interface ExpectedFinding {
  /** The reported source text (`source.slice(start, end)`). */
  text?: string;
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  level?: Finding['level'];
  suggestions?: string[];
  /** Titles of the fixes offered (`[]`: none, the span holds markup or the rule has no fix). */
  fixes?: string[];
  because?: string;
  docs?: string;
}

export interface InvalidCase extends ValidCase {
  /** This rule's findings, in order. A number checks only how many. */
  errors: ExpectedFinding[] | number;
  /** The copy after `--fix`; `null` when the findings must not be fixed automatically. Omit to not check. */
  output?: string | null;
}

export interface RuleTests {
  /** brand.yaml text used by every case that gives none. */
  guide: string;
  /** File name for every case that gives none (else `copy.md`). */
  file?: string;
  /** Format for every case that gives none (else the file name's). */
  format?: Format;
  valid: Array<ValidCase | string>;
  invalid: InvalidCase[];
}

const guides = new Map<string, Guide>();

/** Load brand.yaml text through the real loader, as if it sat at /virtual/brand.yaml. */
export function guideFromYaml(yaml: string): Guide {
  let g = guides.get(yaml);
  if (g) return g;
  const file = path.resolve('/virtual/brand.yaml');
  const loaded = loadGuide(file, { read: (f) => (f === file ? yaml : (() => { throw new Error(`no such file: ${f}`); })()), root: path.dirname(file) });
  if (!loaded.ok) {
    throw new Error('guide problems:\n' + loaded.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  }
  g = loaded.guide;
  guides.set(yaml, g);
  return g;
}

function fileOf(c: ValidCase): string {
  return path.resolve('/virtual', c.file ?? 'copy.md');
}

/** The case with the tester's defaults filled in (`format: undefined` in a case: by its file name). */
function withDefaults(c: ValidCase, tests: RuleTests): ValidCase {
  return { ...c, file: c.file ?? tests.file, format: 'format' in c ? c.format : tests.format };
}

/** This rule's findings on one case. */
export function findingsOf(ruleId: string, c: ValidCase, defaultGuide: string): Finding[] {
  const guide = guideFromYaml(c.guide ?? defaultGuide);
  return lintText(fileOf(c), c.code, guide, { includeIgnored: true, format: c.format }).findings.filter((f) => f.rule === ruleId);
}

/** The copy after fixing only this rule's findings, pass after pass, as `--fix` does. */
export function fixedBy(ruleId: string, c: ValidCase, defaultGuide: string): string {
  const guide = guideFromYaml(c.guide ?? defaultGuide);
  return fixText(fileOf(c), c.code, guide, { includeIgnored: true, onlyRules: [ruleId], format: c.format }).output;
}

/**
 * Does the message come from one of the rule's templates (meta.messages), a `{{name}}` standing for
 * any text, with the guide entry's reason after it? Keeps the metadata true to what the rule says.
 */
export function matchesTemplate(ruleId: string, message: string): boolean {
  const templates = Object.values(ruleById(ruleId)?.meta.messages ?? {});
  return templates.some((t) => {
    const pattern = t
      .split(/\{\{\w+\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^]*?');
    return new RegExp(`^${pattern}(?: [^]+)?$`).test(message);
  });
}

function title(c: ValidCase): string {
  return c.name ?? JSON.stringify(c.code.length > 70 ? c.code.slice(0, 67) + '…' : c.code);
}

export function ruleTester(ruleId: string, tests: RuleTests): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const v of tests.valid) {
        const c = withDefaults(typeof v === 'string' ? { code: v } : v, tests);
        it(title(c), () => {
          const found = findingsOf(ruleId, c, tests.guide);
          expect(found.map((f) => `${f.line}:${f.column} ${c.code.slice(f.start, f.end)} — ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const given of tests.invalid) {
        const c = { ...given, ...withDefaults(given, tests) };
        it(title(c), () => {
          const found = findingsOf(ruleId, c, tests.guide);
          for (const f of found) expect(matchesTemplate(ruleId, f.message), `"${f.message}" is none of meta.messages`).toBe(true);
          if (typeof c.errors === 'number') {
            expect(found.length, found.map((f) => f.message).join('\n')).toBe(c.errors);
          } else {
            expect(found.length, found.map((f) => `${c.code.slice(f.start, f.end)}: ${f.message}`).join('\n')).toBe(c.errors.length);
            c.errors.forEach((e, i) => {
              const f = found[i]!;
              if (e.text !== undefined) expect(c.code.slice(f.start, f.end)).toBe(e.text);
              if (typeof e.message === 'string') expect(f.message).toBe(e.message);
              else if (e.message) expect(f.message).toMatch(e.message);
              if (e.line !== undefined) expect(f.line).toBe(e.line);
              if (e.column !== undefined) expect(f.column).toBe(e.column);
              if (e.level !== undefined) expect(f.level).toBe(e.level);
              if (e.endLine !== undefined) expect(f.endLine).toBe(e.endLine);
              if (e.endColumn !== undefined) expect(f.endColumn).toBe(e.endColumn);
              if (e.suggestions !== undefined) expect(f.suggestions ?? []).toEqual(e.suggestions);
              if (e.fixes !== undefined) expect(f.fixes.map((x) => x.title)).toEqual(e.fixes);
              if (e.because !== undefined) expect(f.because).toBe(e.because);
              if (e.docs !== undefined) expect(f.docs).toBe(e.docs);
            });
          }
          if (c.output !== undefined) {
            const out = fixedBy(ruleId, c, tests.guide);
            expect(out).toBe(c.output === null ? c.code : c.output);
            // A second --fix changes nothing.
            expect(fixedBy(ruleId, { ...c, code: out }, tests.guide)).toBe(out);
          }
        });
      }
    });
  });
}
