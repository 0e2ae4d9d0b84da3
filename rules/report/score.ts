// The brand score, as Markup AI (ex-Acrolinx) and Writer give it: per category,
// N / (N + issues) with N = words / 75; the categories averaged; × 100. Bands: 80+, 60–79, below 60.
import type { Finding, RuleCategory } from '../types.js';
import { ruleById } from '../checks/index.js';
import { SEPARATOR, type ProseDocument } from '../types.js';

export const CATEGORIES = ['terms', 'banned', 'claims', 'tone', 'channel'] as const;
export type ScoreCategory = (typeof CATEGORIES)[number];
export type PerCategory<T> = Record<ScoreCategory, T>;

export type Band = 'good' | 'fair' | 'poor';
export const BAND_LABEL: Record<Band, string> = { good: '80–100', fair: '60–79', poor: 'below 60' };
/** What a band is called wherever a person reads it (terminal and HTML); JSON keeps the band id. */
export const BAND_NAME: Record<Band, string> = { good: 'On brand', fair: 'Needs work', poor: 'Off brand' };

/** Words per unit of N: a category with one issue per 75 words scores 50. */
export const WORDS_PER_UNIT = 75;

export function band(score: number): Band {
  return score >= 80 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

/** The score category of a rule id (guide problems and unknown rules count nowhere). */
export function categoryOf(rule: string): ScoreCategory | undefined {
  const c: RuleCategory | undefined = ruleById(rule)?.meta.category;
  return c && c !== 'guide' ? c : undefined;
}

/** Hints are advice, not issues: they are listed in the report but do not lower the score. */
export function countsAsIssue(f: Pick<Finding, 'level'>): boolean {
  return f.level !== 'hint';
}

export function emptyCounts(): PerCategory<number> {
  return { terms: 0, banned: 0, claims: 0, tone: 0, channel: 0 };
}

export function issuesByCategory(findings: Array<Pick<Finding, 'rule' | 'level'>>): PerCategory<number> {
  const out = emptyCounts();
  for (const f of findings) {
    const c = categoryOf(f.rule);
    if (c && countsAsIssue(f)) out[c]++;
  }
  return out;
}

/** One category's score, 0–100. No words and no issues is a clean 100; no words with issues is 0. */
export function categoryScore(words: number, issues: number): number {
  const n = Math.max(0, words) / WORDS_PER_UNIT;
  if (issues <= 0) return 100;
  return (100 * n) / (n + issues);
}

export interface Score {
  score: number;
  band: Band;
  categories: PerCategory<number>;
}

export function score(words: number, issues: PerCategory<number>): Score {
  const categories = emptyCounts();
  let sum = 0;
  for (const c of CATEGORIES) {
    categories[c] = round1(categoryScore(words, issues[c]));
    sum += categoryScore(words, issues[c]);
  }
  const s = round1(sum / CATEGORIES.length);
  return { score: s, band: band(s), categories };
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Words a reader would count in the document's prose (code, URLs and markup are not prose). */
export function countWords(doc: Pick<ProseDocument, 'blocks'>): number {
  let n = 0;
  for (const b of doc.blocks) {
    const text = b.text.includes(SEPARATOR) ? b.text.split(SEPARATOR).join(' ') : b.text;
    for (const _ of text.matchAll(WORD)) n++;
  }
  return n;
}
