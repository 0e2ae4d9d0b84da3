// A Vale style → brand.yaml entries. Converts what brandlint has a home for:
//   substitution → terms (when the swap only fixes how a name is written) or banned with `use`
//   existence    → banned without a replacement
//   capitalization exceptions → terms (names written exactly so)
//   Vocab accept (names with capitals) → terms; Vocab reject → banned
// and lists everything else with the reason. Pure: the CLI reads the files and hands the text over.
import { yaml } from '../lazy-yaml.js';
import { translate, type Translation } from './regex.js';
import { isEnglishWord } from '../tone/dictionary.js';

export interface ValeRuleFile {
  /** Style.Rule, as Vale names it. */
  name: string;
  text: string;
}

export interface ValeVocab {
  name: string;
  accept: string[];
  reject: string[];
}

export interface TermOut {
  use: string;
  not?: string[];
  level?: string;
  because?: string;
  docs?: string;
}
export interface BannedOut {
  phrase?: string | string[];
  pattern?: string;
  use?: string | string[];
  level?: string;
  because?: string;
  docs?: string;
}

export type RuleStatus = 'converted' | 'partial' | 'skipped';

export interface RuleReport {
  name: string;
  type: string;
  status: RuleStatus;
  /** Items (swap pairs, tokens, exceptions, vocab words) in the rule, and how many became entries. */
  items: number;
  converted: number;
  notes: string[];
}

export interface Unconverted {
  rule: string;
  item?: string;
  reason: string;
}

export interface ImportResult {
  terms: TermOut[];
  banned: BannedOut[];
  rules: RuleReport[];
  unconverted: Unconverted[];
  totals: { rules: number; convertedRules: number; partialRules: number; items: number; convertedItems: number };
}

const LEVEL: Record<string, string | undefined> = { suggestion: 'info', warning: undefined, error: 'error' };

const NO_HOME: Record<string, string> = {
  occurrence: 'counts per scope (brandlint has tone.sentence-length and channel length limits instead)',
  repetition: 'repeated words: brandlint has no repetition rule',
  consistency: 'one of two spellings per document: brandlint has tone.spelling for en-US/en-GB only',
  conditional: 'definitions before use (acronyms): brandlint has no conditional rule',
  spelling: 'brandlint does not spell-check (use cspell or Vale for that)',
  metric: 'readability formulas: use tone.reading-grade',
  readability: 'readability formulas: use tone.reading-grade',
  script: 'Tengo scripts cannot be converted',
  sequence: 'part-of-speech sequences (NLP): brandlint has no equivalent',
};

/** Vale messages carry %s placeholders; what is left once the sentences holding them go is the reason. */
export function reasonFrom(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined;
  const kept = message
    .split(/(?<=[.!?])\s+/)
    .filter((s) => !s.includes('%s') && !/^(use|prefer|consider using|avoid|don't use|do not use)\b/i.test(s.trim()))
    .join(' ')
    .trim();
  return kept || undefined;
}

/** A swap that only changes how a name is written (case, spaces, hyphens) is a term. */
function sameWord(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s\-_.]/g, '');
  return norm(a) === norm(b) && norm(a).length > 0;
}

/** Vale values may offer alternatives: "a|b" or GitLab's "a' or 'b". */
function suggestions(value: string): string[] {
  return value
    .split(/\|/)
    .flatMap((v) => v.split(/'\s+or\s+'/))
    .map((v) => v.trim())
    .filter(Boolean);
}

function common(rule: Record<string, unknown>): Pick<BannedOut, 'level' | 'because' | 'docs'> {
  const out: Pick<BannedOut, 'level' | 'because' | 'docs'> = {};
  const level = typeof rule.level === 'string' ? LEVEL[rule.level] : undefined;
  if (level) out.level = level;
  const because = reasonFrom(rule.message);
  if (because) out.because = because;
  if (typeof rule.link === 'string' && /^https?:\/\//.test(rule.link)) out.docs = rule.link;
  return out;
}

class Builder {
  readonly terms = new Map<string, TermOut>();
  readonly banned: BannedOut[] = [];
  private readonly bannedKeys = new Set<string>();
  readonly unconverted: Unconverted[] = [];

  term(use: string, not: string[], meta: Pick<TermOut, 'level' | 'because' | 'docs'>): boolean {
    const key = use.toLowerCase();
    const t = this.terms.get(key);
    const wrong = not.filter((n) => n.toLowerCase() !== key);
    if (t) {
      if (t.use !== use && t.use.toLowerCase() === key) return false; // two spellings of one name: keep the first
      const set = new Set([...(t.not ?? []), ...wrong]);
      if (set.size) t.not = [...set];
      return true;
    }
    const out: TermOut = { use, ...(wrong.length ? { not: [...new Set(wrong)] } : {}), ...meta };
    this.terms.set(key, out);
    return true;
  }

  bannedEntry(e: BannedOut): boolean {
    const list = e.pattern !== undefined ? [`pattern:${e.pattern}`] : (Array.isArray(e.phrase) ? e.phrase : [e.phrase!]).map((p) => p.toLowerCase());
    const fresh = list.filter((k) => !this.bannedKeys.has(k));
    if (fresh.length === 0) return false;
    for (const k of fresh) this.bannedKeys.add(k);
    if (e.pattern === undefined) {
      const phrases = (Array.isArray(e.phrase) ? e.phrase : [e.phrase!]).filter((p) => fresh.includes(p.toLowerCase()));
      e = { ...e, phrase: phrases.length === 1 ? phrases[0] : phrases };
    }
    this.banned.push(e);
    return true;
  }
}

function parseRule(text: string): Record<string, unknown> | string {
  try {
    const v = yaml().parse(text, { uniqueKeys: false, maxAliasCount: 100 }) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return 'not a YAML mapping';
    return v as Record<string, unknown>;
  } catch (e) {
    return `YAML: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** One word, capitalized only at its start, that an English dictionary has ("Code", "I"). */
function plainWord(phrase: string): boolean {
  return /^\p{Lu}\p{Ll}*$/u.test(phrase) && isEnglishWord(phrase) === true;
}

function tokensOf(rule: Record<string, unknown>): string[] {
  const t = rule.tokens;
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  if (typeof t === 'string') return [t];
  return [];
}

export function convertVale(files: ValeRuleFile[], vocabs: ValeVocab[] = []): ImportResult {
  const b = new Builder();
  const rules: RuleReport[] = [];

  for (const file of [...files].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const rule = parseRule(file.text);
    if (typeof rule === 'string') {
      rules.push({ name: file.name, type: '?', status: 'skipped', items: 0, converted: 0, notes: [rule] });
      b.unconverted.push({ rule: file.name, reason: rule });
      continue;
    }
    const type = typeof rule.extends === 'string' ? rule.extends : '?';
    const report: RuleReport = { name: file.name, type, status: 'skipped', items: 0, converted: 0, notes: [] };
    rules.push(report);
    const meta = common(rule);
    const ignorecase = rule.ignorecase === true;
    const nonword = rule.nonword === true;
    const fail = (item: string | undefined, reason: string) => b.unconverted.push({ rule: file.name, item, reason });
    if (typeof rule.scope === 'string' || Array.isArray(rule.scope)) {
      const scope = ([] as unknown[]).concat(rule.scope).join(', ');
      // A rule only for headings or titles would run on every sentence of body copy: not converted.
      // (A capitalization rule's exceptions are names whatever its scope: they still become terms.)
      if (type !== 'capitalization' && /^(?:heading(?:\.h[1-6])?|title|table\.header)(?:, *(?:heading(?:\.h[1-6])?|title|table\.header))*$/.test(scope)) {
        report.items++;
        fail(undefined, `Vale scope "${scope}": a rule for headings only, and brandlint would apply it to all prose`);
        continue;
      }
      if (!/^(text|sentence|paragraph|summary|~?code)?$/.test(scope) && !/^(text|sentence|paragraph)(, *(text|sentence|paragraph))*$/.test(scope)) {
        report.notes.push(`Vale scope "${scope}": brandlint checks every prose block`);
      }
    }
    if (Array.isArray(rule.exceptions) && rule.exceptions.length && type !== 'capitalization') {
      report.notes.push(`${rule.exceptions.length} exceptions not converted (add the ones you need under allow:)`);
    }

    if (type === 'substitution') {
      const swap = rule.swap && typeof rule.swap === 'object' && !Array.isArray(rule.swap) ? (rule.swap as Record<string, unknown>) : {};
      for (const [key, raw] of Object.entries(swap)) {
        report.items++;
        const value = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
        if (/\$\d/.test(value)) {
          fail(key, 'the replacement uses a capture group ($1), which brandlint suggestions cannot');
          continue;
        }
        const tr: Translation = translate(key, { ignorecase, nonword });
        if (tr.kind === 'none') {
          fail(key, tr.reason);
          continue;
        }
        const uses = suggestions(value);
        if (tr.kind === 'phrases' && uses.length === 1 && tr.phrases.every((p) => sameWord(p, uses[0]!))) {
          if (b.term(uses[0]!, tr.phrases, meta)) report.converted++;
          else fail(key, `term "${uses[0]}" already imported with another spelling`);
          continue;
        }
        const e: BannedOut =
          tr.kind === 'phrases'
            ? { phrase: tr.phrases.length === 1 ? tr.phrases[0] : tr.phrases, ...(uses.length ? { use: uses.length === 1 ? uses[0] : uses } : {}), ...meta }
            : { pattern: tr.pattern, ...(uses.length ? { use: uses.length === 1 ? uses[0] : uses } : {}), ...meta };
        if (b.bannedEntry(e)) report.converted++;
        else fail(key, 'already imported from another rule');
      }
    } else if (type === 'existence') {
      const tokens = tokensOf(rule);
      const raw = Array.isArray(rule.raw) ? rule.raw.filter((x): x is string => typeof x === 'string') : [];
      if (raw.length && tokens.length) {
        // Vale builds ONE expression: raw, then the tokens in word boundaries (tokens first with
        // `append: true`). write-good's Passive is `\b(am|are|…)\b\s*` + `[\w]+ed|awoken|…`; taken
        // apart, every "is" and every "become" was banned.
        report.items += 1 + tokens.length;
        const group = nonword ? `(?:${tokens.join('|')})` : `\\b(?:${tokens.join('|')})\\b`;
        const src = rule.append === true ? group + raw.join('') : raw.join('') + group;
        const tr = translate(src, { ignorecase, nonword: true });
        if (tr.kind === 'pattern' && b.bannedEntry({ pattern: tr.pattern, ...meta })) report.converted += 1 + tokens.length;
        else fail(src.length > 120 ? `${src.slice(0, 117)}…` : src, tr.kind === 'none' ? tr.reason : 'raw expression');
        report.status = report.converted === 0 ? 'skipped' : report.converted === report.items ? 'converted' : 'partial';
        continue;
      }
      if (raw.length) {
        report.items++;
        const tr = translate(raw.join(''), { ignorecase, nonword: true });
        if (tr.kind === 'pattern' && b.bannedEntry({ pattern: tr.pattern, ...meta })) report.converted++;
        else fail(raw.join(''), tr.kind === 'none' ? tr.reason : 'raw expression');
      }
      const phrases: string[] = [];
      for (const token of tokens) {
        report.items++;
        const tr = translate(token, { ignorecase, nonword });
        if (tr.kind === 'none') fail(token, tr.reason);
        else if (tr.kind === 'phrases') {
          phrases.push(...tr.phrases);
          report.converted++;
        } else if (b.bannedEntry({ pattern: tr.pattern, ...meta })) report.converted++;
        else fail(token, 'already imported from another rule');
      }
      // One entry per rule keeps its reason and link in one place.
      if (phrases.length && !b.bannedEntry({ phrase: phrases.length === 1 ? phrases[0] : [...new Set(phrases)], ...meta })) {
        report.notes.push('every phrase was already imported from another rule');
      }
    } else if (type === 'capitalization') {
      const exceptions = Array.isArray(rule.exceptions) ? rule.exceptions.filter((x): x is string => typeof x === 'string') : [];
      report.items++;
      fail(undefined, `the ${String(rule.match ?? 'capitalization')} check itself (heading case) has no brandlint equivalent`);
      for (const ex of exceptions) {
        report.items++;
        const tr = translate(ex, { ignorecase: false });
        if (tr.kind === 'phrases' && tr.phrases.length === 1 && /\p{Lu}/u.test(tr.phrases[0]!) && plainWord(tr.phrases[0]!)) {
          // "Code", "Windows", "I": words a heading may capitalize, not names; as terms they would
          // flag every lowercase "code" in the copy.
          fail(ex, 'a capitalized English word, not a name: as a term every lowercase use would be flagged (add it under terms: if it is your product)');
        } else if (tr.kind === 'phrases' && tr.phrases.length === 1 && /\p{Lu}/u.test(tr.phrases[0]!)) {
          if (b.term(tr.phrases[0]!, [], { ...(meta.docs ? { docs: meta.docs } : {}) })) report.converted++;
          else fail(ex, 'already imported');
        } else fail(ex, tr.kind === 'phrases' ? 'not a name (no capital letter, or several spellings)' : 'a pattern, not one name');
      }
    } else {
      report.items++;
      fail(undefined, type in NO_HOME ? `${type}: ${NO_HOME[type]}` : `unknown Vale rule type "${type}"`);
    }
    report.status = report.converted === 0 ? 'skipped' : report.converted === report.items ? 'converted' : 'partial';
  }

  for (const v of vocabs) {
    const name = `Vocab/${v.name}`;
    const report: RuleReport = { name, type: 'vocab', status: 'skipped', items: 0, converted: 0, notes: [] };
    rules.push(report);
    const fail = (item: string | undefined, reason: string) => b.unconverted.push({ rule: name, item, reason });
    for (const word of v.accept) {
      report.items++;
      const tr = translate(word, { ignorecase: false });
      if (tr.kind === 'phrases' && tr.phrases.length === 1 && !tr.caseSensitive) fail(word, 'case-insensitive accept entry: only a spelling exception');
      else if (tr.kind === 'phrases' && tr.phrases.length === 1 && /\p{Lu}/u.test(tr.phrases[0]!)) {
        if (b.term(tr.phrases[0]!, [], {})) report.converted++;
        else fail(word, 'already imported');
      } else fail(word, tr.kind === 'phrases' ? 'lowercase or variant spellings: only a spelling exception' : 'a pattern: only a spelling exception');
    }
    const phrases: string[] = [];
    for (const word of v.reject) {
      report.items++;
      const tr = translate(word, { ignorecase: true });
      if (tr.kind === 'phrases') {
        phrases.push(...tr.phrases);
        report.converted++;
      } else if (tr.kind === 'pattern' && b.bannedEntry({ pattern: tr.pattern })) report.converted++;
      else fail(word, tr.kind === 'none' ? tr.reason : 'already imported');
    }
    if (phrases.length) b.bannedEntry({ phrase: phrases.length === 1 ? phrases[0] : phrases, because: `Rejected by the ${v.name} vocabulary.` });
    report.status = report.converted === 0 ? 'skipped' : report.converted === report.items ? 'converted' : 'partial';
  }

  const totals = {
    rules: rules.length,
    convertedRules: rules.filter((r) => r.status === 'converted').length,
    partialRules: rules.filter((r) => r.status === 'partial').length,
    items: rules.reduce((n, r) => n + r.items, 0),
    convertedItems: rules.reduce((n, r) => n + r.converted, 0),
  };
  return { terms: [...b.terms.values()], banned: b.banned, rules, unconverted: b.unconverted, totals };
}
