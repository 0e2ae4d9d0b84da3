import type { Directive, Finding, Format, Guide, Level, ProseDocument, Report, Rule } from './types.js';
import { LineIndex } from './text/position.js';
import { RULES } from './checks/index.js';
import { guideFor, isIgnored } from './guide/overrides.js';
import { formatOf, parseDocument } from './parse/index.js';
import { PhraseMatcher } from './match/phrases.js';
import { phraseHits } from './match/brand.js';
import { sourceSpan } from './text/block.js';

export interface LintResult {
  path: string;
  findings: Finding[];
  /** Why the file was not linted (ignored by the guide, unknown format…). */
  skipped?: string;
  doc?: ProseDocument;
}

export interface LintOptions {
  /** Editor language id, used when the extension says nothing (e.g. `social-draft`). */
  languageId?: string;
  /** Force a format. */
  format?: Format;
  /** Lint even when the guide's `ignore` matches (the editor lints what the user opened). */
  includeIgnored?: boolean;
}

/** Lint one file's text against a guide (the root guide; overrides are applied here). */
export function lintText(file: string, source: string, rootGuide: Guide, opts: LintOptions = {}): LintResult {
  if (!opts.includeIgnored && isIgnored(rootGuide, file)) return { path: file, findings: [], skipped: 'ignored by the guide' };
  const format = opts.format ?? formatOf(file, rootGuide, opts.languageId);
  if (!format) return { path: file, findings: [], skipped: 'not a copy format brandlint reads' };
  const guide = guideFor(rootGuide, file);
  const doc = parseDocument(file, source, format, guide);
  return { path: file, findings: lintDocument(doc, guide), doc };
}

/** Which level a rule runs at for this guide, or 'off'. Tone rules run only when the guide turns them on. */
export function ruleLevel(rule: Rule, guide: Guide): Level | 'off' {
  if (rule.meta.category === 'tone') return guide.tone[rule.meta.id]?.level ?? 'off';
  return rule.meta.defaultLevel;
}

export function lintDocument(doc: ProseDocument, guide: Guide, rules: Rule[] = RULES): Finding[] {
  const lines = new LineIndex(doc.source);
  const findings: Finding[] = [];
  const allowed = allowedSpans(doc, guide);
  for (const rule of rules) {
    const level = ruleLevel(rule, guide);
    if (level === 'off') continue;
    const seen = new Set<string>();
    rule.check({
      doc,
      guide,
      report(r: Report) {
        const lv = r.level ?? level;
        if (lv === 'off') return;
        const key = `${r.start}:${r.end}`;
        if (seen.has(key)) return; // one span is reported once per rule
        seen.add(key);
        const text = doc.source.slice(r.start, r.end);
        if (allowed.some(([s, e]) => s <= r.start && r.end <= e)) return;
        findings.push(toFinding(rule.meta.id, lv, r, text, lines));
      },
    });
  }
  return sortFindings(suppress(findings, doc.directives, lines));
}

function toFinding(rule: string, level: Level, r: Report, text: string, lines: LineIndex): Finding {
  const s = lines.position(r.start);
  const e = lines.position(r.end);
  const suggestions = r.suggestions ?? [];
  const fixes =
    r.fixes ??
    suggestions.map((sug) => ({ title: `Replace with "${sug}"`, edits: [{ start: r.start, end: r.end, text: sug }] }));
  return {
    rule,
    level,
    message: r.message,
    because: r.because,
    docs: r.docs,
    start: r.start,
    end: r.end,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    text,
    suggestions,
    fixes,
    ref: r.ref,
  };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

const allowCache = new WeakMap<string[], PhraseMatcher<true>>();
/** Source spans of the guide's `allow:` phrases: any finding inside one is fine. */
function allowedSpans(doc: ProseDocument, guide: Guide): Array<[number, number]> {
  if (guide.allow.length === 0) return [];
  let m = allowCache.get(guide.allow);
  if (!m) {
    m = new PhraseMatcher<true>();
    for (const a of guide.allow) m.add(a, true, { forms: ['s'] });
    allowCache.set(guide.allow, m);
  }
  return phraseHits(doc, m).map((h) => {
    const { start, end } = sourceSpan(h.block, h.start, h.end);
    return [start, end];
  });
}

/** Drop findings silenced by brandlint-disable / enable / disable-next-line comments. */
export function suppress(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  const ordered = [...directives].sort((a, b) => a.start - b.start);
  return findings.filter((f) => !isSuppressed(f, ordered, lines));
}

function covers(d: Directive, rule: string): boolean {
  return d.rules.length === 0 || d.rules.includes(rule);
}

function isSuppressed(f: Finding, directives: Directive[], lines: LineIndex): boolean {
  const line0 = f.line - 1;
  let disabled = false;
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      // The next line after the comment ends (the comment may span lines).
      if (lines.lineOf(d.end) + 1 === line0 && covers(d, f.rule)) return true;
      continue;
    }
    if (d.kind === 'disable-line') {
      if (lines.lineOf(d.start) === line0 && covers(d, f.rule)) return true;
      continue;
    }
    if (d.start > f.start) continue;
    if (d.kind === 'disable' && covers(d, f.rule)) disabled = true;
    else if (d.kind === 'enable' && (d.rules.length === 0 || d.rules.includes(f.rule))) disabled = false;
  }
  return disabled;
}
