import pluralize from 'pluralize';
import type { Directive, Finding, Format, Guide, Level, ProseDocument, Region, Report, Rule } from './types.js';
import { LineIndex } from './text/position.js';
import { RULES } from './checks/index.js';
import { guideFor, isIgnored } from './guide/overrides.js';
import { formatOf, parseDocument } from './parse/index.js';
import { PhraseMatcher } from './match/phrases.js';
import { phraseHits } from './match/brand.js';
import { mappedSpan } from './text/block.js';
import { skippedRegions } from './text/regions.js';
import type { BlockCache } from './block-cache.js';
import { guardFixes, upperBound } from './fix.js';

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
  /** Run only these rules (by id); the others are skipped, not filtered after the fact. */
  onlyRules?: readonly string[];
}

/** Lint one file's text against a guide (the root guide; overrides are applied here). */
export function lintText(file: string, source: string, rootGuide: Guide, opts: LintOptions = {}): LintResult {
  if (!opts.includeIgnored && isIgnored(rootGuide, file)) return { path: file, findings: [], skipped: 'ignored by the guide' };
  const format = opts.format ?? formatOf(file, rootGuide, opts.languageId);
  if (!format) return { path: file, findings: [], skipped: 'not a copy format brandlint reads' };
  const guide = guideFor(rootGuide, file);
  const doc = parseDocument(file, source, format, guide);
  const rules = opts.onlyRules ? RULES.filter((r) => opts.onlyRules!.includes(r.meta.id)) : RULES;
  return { path: file, findings: lintDocument(doc, guide, rules), doc };
}

/** Which level a rule runs at for this guide, or 'off'. Tone rules run only when the guide turns them on. */
export function ruleLevel(rule: Rule, guide: Guide): Level | 'off' {
  if (rule.meta.category === 'tone') return guide.tone[rule.meta.id]?.level ?? 'off';
  return rule.meta.defaultLevel;
}

export interface LintDocumentOptions {
  /** Reuse block-scope rules' reports for unchanged blocks (the language server keeps one per document). */
  blockCache?: BlockCache;
}

/** start * SPAN_KEY_BASE + end is exact and unique while both are below 2^26 (the key stays below 2^52). */
const SPAN_KEY_BASE = 2 ** 26;

export function lintDocument(doc: ProseDocument, guide: Guide, rules: Rule[] = RULES, opts: LintDocumentOptions = {}): Finding[] {
  const lines = new LineIndex(doc.source);
  const findings: Finding[] = [];
  const allowed = allowedSpans(doc, guide);
  const regions = regionSpans(doc);
  const cached = opts.blockCache?.begin(doc, guide);
  for (const notice of doc.notices ?? []) {
    const span = codePointSpan(doc.source, notice.start, notice.end);
    findings.push(toFinding('parse', 'info', { ...notice, ...span }, doc.source.slice(span.start, span.end), lines));
  }
  for (const rule of rules) {
    const level = ruleLevel(rule, guide);
    if (level === 'off') continue;
    const seen = new Set<number | string>();
    const skips = regions && skippedRegions(rule.meta, guide);
    const report = (r: Report) => {
      const lv = r.level ?? level;
      if (lv === 'off') return;
      // A number for the span (no string per report) while both offsets fit in 53 bits together.
      const key = r.start < SPAN_KEY_BASE && r.end < SPAN_KEY_BASE ? r.start * SPAN_KEY_BASE + r.end : `${r.start}:${r.end}`;
      if (seen.has(key)) return; // one span is reported once per rule
      seen.add(key);
      if (allowed(r.start, r.end)) return;
      if (regions) {
        const inside = regions.within(r.start, r.end);
        if (inside && skips!.has(inside)) return;
        // Someone else's words, or a word mentioned as a word: reported when the guide asks, never rewritten.
        if (inside || regions.touches(r.start, r.end)) r = { ...r, fixes: [] };
      }
      findings.push(toFinding(rule.meta.id, lv, r, doc.source.slice(r.start, r.end), lines));
    };
    if (cached && rule.meta.scope === 'block') cached.run(rule, report);
    else rule.check({ doc, guide, report });
  }
  cached?.end();
  guardFixes(doc, guide, findings);
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

interface RegionIndex {
  /** The kind of a region holding all of [start, end), if one does. */
  within(start: number, end: number): Region['kind'] | undefined;
  /** Whether [start, end) overlaps any region. */
  touches(start: number, end: number): boolean;
}

/** The blocks' regions as source spans, or undefined when the document has none (the usual case). */
function regionSpans(doc: ProseDocument): RegionIndex | undefined {
  let spans: { kind: Region['kind']; start: number; end: number }[] | undefined;
  for (const b of doc.blocks) {
    if (!b.regions) continue;
    for (const g of b.regions) {
      if (g.end <= g.start) continue;
      (spans ??= []).push({ kind: g.kind, ...mappedSpan(b, g.start, g.end) });
    }
  }
  if (!spans) return undefined;
  // Few per document (quotations are whole blocks or sentences): a scan is enough.
  return {
    within(start, end) {
      let kind: Region['kind'] | undefined;
      let quoted = 0;
      for (const s of spans!) {
        if (s.start <= start && end <= s.end && kind !== 'mention') kind = s.kind;
        if (s.kind === 'quotation') quoted += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
      }
      // A long span (a sentence) that is mostly quoted, around a short attribution, is the quote's.
      if (!kind && end - start > LONG_SPAN && quoted >= (end - start) * MOSTLY_QUOTED) kind = 'quotation';
      return kind;
    },
    touches(start, end) {
      return spans!.some((s) => s.start < end && start < s.end);
    },
  };
}

/** Reports longer than this (sentences, not words) are the quotation's when MOSTLY_QUOTED of them is quoted. */
const LONG_SPAN = 40;
const MOSTLY_QUOTED = 0.75;

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || compareRuleIds(a.rule, b.rule));
}

const PLAIN_ID = /^[a-z0-9-]*$/;
/**
 * `a.localeCompare(b)`'s order, without an ICU collator for plain rule ids (lowercase ASCII
 * letters, digits, hyphens): for those, code units order them as the root collation does (hyphen
 * before digits before letters, no case), and creating the collator cost ~10 ms of CPU at a
 * server's first lint with two findings on one span. Other ids keep localeCompare.
 */
export function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

const allowCache = new WeakMap<string[], PhraseMatcher<true>>();
/** Whether [start, end) lies inside one of the source spans of the guide's `allow:` phrases. */
function allowedSpans(doc: ProseDocument, guide: Guide): (start: number, end: number) => boolean {
  if (guide.allow.length === 0) return () => false;
  let m = allowCache.get(guide.allow);
  if (!m) {
    m = new PhraseMatcher<true>();
    // "best practices" also allows "Best practice": the plural adds -s forms, a plural its singular.
    for (const a of guide.allow) {
      m.add(a, true, { forms: ['s'] });
      const single = singularOfPhrase(a);
      if (single !== a) m.add(single, true);
    }
    allowCache.set(guide.allow, m);
  }
  const spans = phraseHits(doc, m).map((h) => mappedSpan(h.block, h.start, h.end));
  if (spans.length === 0) return () => false;
  // Sorted by start with the running maximum of the ends: a binary search per finding instead of
  // a scan of every span (quadratic when a long file repeats an allowed phrase).
  spans.sort((a, b) => a.start - b.start);
  const starts = spans.map((s) => s.start);
  const maxEnd: number[] = [];
  for (const s of spans) maxEnd.push(Math.max(s.end, maxEnd[maxEnd.length - 1] ?? -1));
  return (start, end) => {
    const k = upperBound(starts, start) - 1;
    return k >= 0 && maxEnd[k]! >= end;
  };
}

/** The phrase with its last word in the singular ("best practices" → "best practice"). */
function singularOfPhrase(phrase: string): string {
  const m = /([\p{L}]+)$/u.exec(phrase);
  if (!m) return phrase;
  const single = pluralize.singular(m[1]!);
  return single.toLowerCase() === m[1]!.toLowerCase() ? phrase : phrase.slice(0, m.index) + single;
}

/** Drop findings silenced by brandlint-disable / enable / disable-next-line comments. */
export function suppress(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  const ordered = [...directives].sort((a, b) => a.start - b.start);
  // Line directives by the line they silence; disable/enable as one sweep over the findings in
  // start order (testing every directive per finding was quadratic: 20,000 comments took 35 s).
  const onLine = new Map<number, Directive[]>();
  const ranged: Directive[] = [];
  for (const d of ordered) {
    if (d.kind === 'disable-next-line' || d.kind === 'disable-line') {
      // disable-next-line: the line after the one the comment ends on (it may span lines).
      const line0 = d.kind === 'disable-next-line' ? lines.lineOf(d.end) + 1 : lines.lineOf(d.start);
      const list = onLine.get(line0);
      if (list) list.push(d);
      else onLine.set(line0, [d]);
    } else ranged.push(d);
  }
  const order = findings.map((_, i) => i).sort((a, b) => findings[a]!.start - findings[b]!.start);
  const silenced = new Uint8Array(findings.length);
  // The state the directives so far leave: every rule (`all`), and rules named since the last
  // directive for every rule. The last directive that concerns a rule decides.
  let all = false;
  const perRule = new Map<string, boolean>();
  let k = 0;
  for (const i of order) {
    const f = findings[i]!;
    for (; k < ranged.length && ranged[k]!.start <= f.start; k++) {
      const d = ranged[k]!;
      if (d.rules.length === 0) {
        all = d.kind === 'disable';
        perRule.clear();
      } else for (const r of d.rules) perRule.set(r, d.kind === 'disable');
    }
    if (perRule.get(f.rule) ?? all) silenced[i] = 1;
    else if (onLine.get(f.line - 1)?.some((d) => covers(d, f.rule))) silenced[i] = 1;
  }
  return findings.filter((_, i) => silenced[i] === 0);
}

function covers(d: Directive, rule: string): boolean {
  return d.rules.length === 0 || d.rules.includes(rule);
}

/** A notice's span widened so it never starts or ends between the halves of a surrogate pair. */
function codePointSpan(source: string, start: number, end: number): { start: number; end: number } {
  const high = (i: number) => (source.charCodeAt(i) & 0xfc00) === 0xd800;
  const low = (i: number) => (source.charCodeAt(i) & 0xfc00) === 0xdc00;
  if (start > 0 && low(start) && high(start - 1)) start--;
  if (end > 0 && end < source.length && low(end) && high(end - 1)) end++;
  return { start, end };
}
