// The report's data model: documents scored, findings grouped by rule, channel and folder, the
// phrases that come up most, and a trend from earlier reports. Pure: the CLI lints, this counts,
// html.ts draws. The JSON report is this object, so a later run can read it back for the trend.
import type { Finding, Level } from '../types.js';
import { CATEGORIES, band, categoryOf, countsAsIssue, emptyCounts, issuesByCategory, score, type Band, type PerCategory, type ScoreCategory } from './score.js';

export const REPORT_SCHEMA = 'brandlint-report';
export const REPORT_VERSION = 1;

/** One linted document, as the CLI hands it over. */
export interface DocumentInput {
  /** Relative path with `/`. */
  path: string;
  words: number;
  /** email, social, web… (the guide's channel, else the format's). */
  channel: string;
  findings: Finding[];
}

export type LevelCounts = Record<Level, number>;

export interface DocumentSummary {
  path: string;
  folder: string;
  channel: string;
  words: number;
  score: number;
  band: Band;
  categories: PerCategory<number>;
  issues: PerCategory<number>;
  levels: LevelCounts;
}

export interface GroupSummary {
  name: string;
  documents: number;
  words: number;
  findings: number;
  score: number;
  band: Band;
}

export interface RuleSummary {
  rule: string;
  category: ScoreCategory | 'other';
  findings: number;
  documents: number;
}

export interface PhraseSummary {
  phrase: string;
  rule: string;
  count: number;
  documents: number;
  suggestions: string[];
  message: string;
  /** Where it first occurs. */
  first: { path: string; line: number; column: number };
}

export interface FindingRecord {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  level: Level;
  message: string;
  text: string;
  suggestions: string[];
}

export interface TrendPoint {
  generatedAt: string;
  label: string;
  score: number;
  band: Band;
  documents: number;
  findings: number;
}

export interface ReportData {
  schema: typeof REPORT_SCHEMA;
  version: typeof REPORT_VERSION;
  generatedAt: string;
  brand?: string;
  tool: { name: 'brandlint'; version: string };
  summary: {
    documents: number;
    words: number;
    findings: number;
    issues: PerCategory<number>;
    levels: LevelCounts;
    score: number;
    band: Band;
    categories: PerCategory<number>;
  };
  documents: DocumentSummary[];
  byRule: RuleSummary[];
  byChannel: GroupSummary[];
  byFolder: GroupSummary[];
  topPhrases: PhraseSummary[];
  trend: TrendPoint[];
  findings: FindingRecord[];
}

export interface BuildOptions {
  generatedAt?: Date;
  brand?: string;
  version?: string;
  /** Earlier reports (their JSON), each with a label (usually its file name). */
  previous?: Array<{ label: string; report: ReportData }>;
  topPhrases?: number;
}

function levels(findings: Finding[]): LevelCounts {
  const out: LevelCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) out[f.level]++;
  return out;
}

export function folderOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}

function group(docs: DocumentInput[], key: (d: DocumentInput) => string): GroupSummary[] {
  const map = new Map<string, DocumentInput[]>();
  for (const d of docs) {
    const k = key(d);
    const list = map.get(k);
    if (list) list.push(d);
    else map.set(k, [d]);
  }
  const out: GroupSummary[] = [];
  for (const [name, list] of map) {
    const words = list.reduce((n, d) => n + d.words, 0);
    const findings = list.flatMap((d) => d.findings);
    const s = score(words, issuesByCategory(findings));
    out.push({ name, documents: list.length, words, findings: findings.length, score: s.score, band: s.band });
  }
  // Worst first: the owner reads the top of the table.
  return out.sort((a, b) => a.score - b.score || b.findings - a.findings || (a.name < b.name ? -1 : 1));
}

/** Phrase-like findings (names, banned words, claims, weasel words…), not whole sentences or counts. */
function phraseKey(f: Finding): string | undefined {
  const text = f.text.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 48 || text.split(' ').length > 6) return undefined;
  if (f.rule === 'length' || f.rule === 'sentence-length' || f.rule === 'reading-grade') return undefined;
  return `${f.rule}\0${text.toLowerCase()}`;
}

export function buildReportData(docs: DocumentInput[], opts: BuildOptions = {}): ReportData {
  const sorted = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const documents: DocumentSummary[] = sorted.map((d) => {
    const issues = issuesByCategory(d.findings);
    const s = score(d.words, issues);
    return { path: d.path, folder: folderOf(d.path), channel: d.channel, words: d.words, score: s.score, band: s.band, categories: s.categories, issues, levels: levels(d.findings) };
  });
  const all = sorted.flatMap((d) => d.findings);
  const words = sorted.reduce((n, d) => n + d.words, 0);
  const issues = issuesByCategory(all);
  // Overall: the same formula over every word and every issue, so long documents weigh more.
  const overall = score(words, issues);

  const rules = new Map<string, { findings: number; docs: Set<string> }>();
  for (const d of sorted) {
    for (const f of d.findings) {
      const r = rules.get(f.rule) ?? { findings: 0, docs: new Set<string>() };
      r.findings++;
      r.docs.add(d.path);
      rules.set(f.rule, r);
    }
  }
  const byRule: RuleSummary[] = [...rules]
    .map(([rule, r]) => ({ rule, category: categoryOf(rule) ?? ('other' as const), findings: r.findings, documents: r.docs.size }))
    .sort((a, b) => b.findings - a.findings || (a.rule < b.rule ? -1 : 1));

  const phrases = new Map<string, PhraseSummary & { docs: Set<string> }>();
  for (const d of sorted) {
    for (const f of d.findings) {
      const k = phraseKey(f);
      if (!k) continue;
      let p = phrases.get(k);
      if (!p) {
        p = {
          phrase: f.text.replace(/\s+/g, ' ').trim(),
          rule: f.rule,
          count: 0,
          documents: 0,
          suggestions: [],
          message: f.message,
          first: { path: d.path, line: f.line, column: f.column },
          docs: new Set(),
        };
        phrases.set(k, p);
      }
      p.count++;
      p.docs.add(d.path);
      for (const s of f.suggestions) if (!p.suggestions.some((x) => x.toLowerCase() === s.toLowerCase())) p.suggestions.push(s);
    }
  }
  const topPhrases = [...phrases.values()]
    .map(({ docs: ds, ...p }) => ({ ...p, documents: ds.size }))
    .sort((a, b) => b.count - a.count || b.documents - a.documents || (a.phrase.toLowerCase() < b.phrase.toLowerCase() ? -1 : 1))
    .slice(0, opts.topPhrases ?? 25);

  const generatedAt = (opts.generatedAt ?? new Date()).toISOString();
  const summary = { documents: sorted.length, words, findings: all.length, issues, levels: levels(all), score: overall.score, band: overall.band, categories: overall.categories };
  const trend: TrendPoint[] = [
    ...(opts.previous ?? []).map(({ label, report }) => ({
      generatedAt: report.generatedAt,
      label,
      score: report.summary.score,
      band: band(report.summary.score),
      documents: report.summary.documents,
      findings: report.summary.findings,
    })),
    { generatedAt, label: 'this run', score: overall.score, band: overall.band, documents: sorted.length, findings: all.length },
  ].sort((a, b) => (a.generatedAt < b.generatedAt ? -1 : a.generatedAt > b.generatedAt ? 1 : 0));

  const findings: FindingRecord[] = sorted.flatMap((d) =>
    d.findings.map((f) => ({ path: d.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, rule: f.rule, level: f.level, message: f.message, text: f.text, suggestions: f.suggestions })),
  );

  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    generatedAt,
    ...(opts.brand ? { brand: opts.brand } : {}),
    tool: { name: 'brandlint', version: opts.version ?? '0.0.0' },
    summary,
    documents,
    byRule,
    byChannel: group(sorted, (d) => d.channel),
    byFolder: group(sorted, (d) => folderOf(d.path)),
    topPhrases,
    trend,
    findings,
  };
}

/** Read an earlier JSON report back (for --previous); a message when it is not one. */
export function parseReportJson(text: string): { ok: true; report: ReportData } | { ok: false; message: string } {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: `not JSON (${(e as Error).message})` };
  }
  const r = v as Partial<ReportData> | null;
  if (!r || typeof r !== 'object' || r.schema !== REPORT_SCHEMA) return { ok: false, message: 'not a brandlint report (no "schema": "brandlint-report")' };
  if (r.version !== REPORT_VERSION) return { ok: false, message: `report version ${String(r.version)} is not one this brandlint reads (${REPORT_VERSION})` };
  const s = r.summary;
  if (!s || typeof s.score !== 'number' || typeof s.documents !== 'number' || typeof s.findings !== 'number' || typeof r.generatedAt !== 'string' || Number.isNaN(Date.parse(r.generatedAt))) {
    return { ok: false, message: 'the report has no summary score, document count or date' };
  }
  return { ok: true, report: r as ReportData };
}

export { CATEGORIES, emptyCounts, countsAsIssue };
