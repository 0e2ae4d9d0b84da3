#!/usr/bin/env node
// Converts real Vale rule sets (../shared/corpus/brand-rules) into the benchmark guide
// bench/brand.yaml and the equivalent prh rules bench/prh.yml, so brandlint and
// textlint-rule-prh check the same terms and banned phrases.
//
// Only what brandlint's guide format can express is kept: a Vale regex is converted when it
// expands to a small finite set of literal phrases (alternations, `?` on a char or group, small
// character classes, `\s`); lookarounds, repetition, backreferences and `$1` replacements are
// dropped. Substitutions become `banned` entries with `use`, or `terms` when the replacement
// differs only in case; existence tokens become `banned` entries with the rule's message as reason.
//
// Usage: node bench/convert-rules.mjs [--max N] [--check]
//   --max N   at most N terms + banned entries (default 600)
//   --check   fail if the committed files are stale
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const rulesRoot = path.resolve(repo, '../shared/corpus/brand-rules');

// Naming and terminology rule sets, in priority order (an earlier entry wins a duplicate).
// Inclusive-language and write-good lists are left out on purpose: alex and write-good cover them.
export const SOURCES = [
  'datadog-vale/styles/Datadog/words_case_insensitive.yml',
  'datadog-vale/styles/Datadog/words_case_sensitive.yml',
  'grafana-writers-toolkit/vale/Grafana/styles/Grafana/WordList.yml',
  'gitlab-vale/docs/.vale/gitlab_base/Offerings.yml',
  'gitlab-vale/docs/.vale/gitlab_base/Wordy.yml',
  'gitlab-vale/docs/.vale/gitlab_base/British.yml',
  'elastic-vale-rules/styles/Elastic/WordChoice.yml',
  'errata-ai-Microsoft/Microsoft/Terms.yml',
  'errata-ai-Microsoft/Microsoft/Wordiness.yml',
  'errata-ai-Google/Google/WordList.yml',
  'splunk-vale/styles/Splunk/WordList.yml',
  'vale-at-red-hat/.vale/styles/RedHat/TermsErrors.yml',
  'vale-at-red-hat/.vale/styles/RedHat/CaseSensitiveTerms.yml',
  'errata-ai-Microsoft/Microsoft/Avoid.yml',
  'splunk-vale/styles/Splunk/DontUse.yml',
  'elastic-vale-rules/styles/Elastic/DontUse.yml',
  'vale-at-red-hat/.vale/styles/RedHat/DoNotUseTerms.yml',
];

const MAX_VARIANTS = 12;

/**
 * Expands a Vale (Go/PCRE-flavoured) regex into the finite list of strings it matches, or
 * returns null when it is not a small finite language (any construct we cannot enumerate).
 */
export function expandRegex(src) {
  let i = 0;
  const fail = () => {
    throw new Error('not finite');
  };
  function parseAlt() {
    let out = parseSeq();
    while (src[i] === '|') {
      i++;
      out = [...out, ...parseSeq()];
      if (out.length > MAX_VARIANTS) fail();
    }
    return out;
  }
  function parseSeq() {
    let acc = [''];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let atom = parseAtom();
      if (src[i] === '?') {
        i++;
        if (src[i] === '?' || src[i] === '+') fail();
        atom = ['', ...atom];
      } else if (src[i] === '*' || src[i] === '+' || src[i] === '{') fail();
      const next = [];
      for (const a of acc) for (const b of atom) next.push(a + b);
      if (next.length > MAX_VARIANTS) fail();
      acc = next;
    }
    return acc;
  }
  function parseAtom() {
    const c = src[i];
    if (c === '(') {
      i++;
      if (src[i] === '?') {
        if (src[i + 1] !== ':') fail(); // lookarounds, flags, named groups
        i += 2;
      }
      const inner = parseAlt();
      if (src[i] !== ')') fail();
      i++;
      return inner;
    }
    if (c === '[') {
      i++;
      if (src[i] === '^') fail();
      const chars = [];
      while (i < src.length && src[i] !== ']') {
        if (src[i] === '\\') {
          chars.push(escapeChar(src[i + 1]));
          i += 2;
        } else if (src[i + 1] === '-' && src[i + 2] !== ']' && i + 2 < src.length) fail(); // ranges
        else chars.push(src[i++]);
      }
      if (src[i] !== ']') fail();
      i++;
      if (chars.length === 0 || chars.length > 4) fail();
      return [...new Set(chars)];
    }
    if (c === '\\') {
      const e = src[i + 1];
      i += 2;
      if (e === 'b') return ['']; // word boundary: brandlint matches on word boundaries anyway
      return [escapeChar(e)];
    }
    if ('.^$*+{}'.includes(c)) fail();
    i++;
    return [c];
  }
  function escapeChar(e) {
    if (e === 's') return ' ';
    if (e === undefined || /[A-Za-z0-9]/.test(e)) fail(); // \w, \d, \S, backrefs…
    return e;
  }
  try {
    const out = parseAlt();
    if (i !== src.length) return null;
    const norm = [...new Set(out.map((s) => s.replace(/\s+/g, ' ').trim()))];
    if (norm.some((s) => s.length < 2 || !/\p{L}/u.test(s))) return null;
    return norm;
  } catch {
    return null;
  }
}

/** A Vale replacement value as a list of suggestions, or null when it is prose, not words. */
export function parseSuggestions(value) {
  if (value == null || value === '') return [];
  const s = String(value).trim();
  if (/[$()"'*\\/;:]/.test(s)) return null; // $1 back-references, explanations, quoted advice
  const parts = s
    .split(/\s*\|\s*|\s*,\s*(?:or\s+)?/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => p.split(/\s+/).length > 4)) return null;
  return [...new Set(parts)];
}

const lower = (s) => s.toLowerCase();
const hasUpper = (s) => /\p{Lu}/u.test(s);
/** Case variants are caught anyway, so keep one spelling of each. */
const uniqCI = (xs) => {
  const seen = new Set();
  return xs.filter((x) => !seen.has(lower(x)) && seen.add(lower(x)));
};

/** Words so common that a case-only "term" on them would flag ordinary English everywhere. */
const COMMON = new Set(['am', 'pm', 'io', 'us', 'it', 'is', 'as', 'at', 'on', 'in', 'an', 'or', 'no', 'go', 'id', 'ok']);

function swapEntries(swap) {
  // Vale allows a map or a list of one-key maps.
  if (Array.isArray(swap)) return swap.flatMap((m) => Object.entries(m ?? {}));
  return Object.entries(swap ?? {});
}

export function convert(rulesDir = rulesRoot) {
  const terms = [];
  const banned = [];
  const taken = new Set(); // lowercased phrases already used (as a right form or a wrong one)
  const stats = { rules: 0, swaps: 0, tokens: 0, kept: 0, dropped: 0 };
  const claim = (p) => {
    const k = lower(p);
    if (taken.has(k)) return false;
    taken.add(k);
    return true;
  };

  for (const rel of SOURCES) {
    const file = path.join(rulesDir, rel);
    if (!fs.existsSync(file)) continue;
    const rule = YAML.parse(fs.readFileSync(file, 'utf8'));
    stats.rules++;
    const source = rel.split('/')[0] + ':' + path.basename(rel, '.yml');
    const docs = typeof rule.link === 'string' ? rule.link : undefined;
    if (rule.extends === 'substitution') {
      for (const [key, value] of swapEntries(rule.swap)) {
        stats.swaps++;
        const variants = expandRegex(String(key));
        const uses = parseSuggestions(value);
        if (!variants || !uses) {
          stats.dropped++;
          continue;
        }
        const useSet = new Set(uses.map(lower));
        // A variant that is itself one of the suggestions would flag the right form.
        const wrong = variants.filter((v) => !useSet.has(lower(v)) || !uses.includes(v));
        const caseOnly = uses.length === 1 && hasUpper(uses[0]) && wrong.some((v) => lower(v) === lower(uses[0]));
        if (caseOnly) {
          const use = uses[0];
          if (COMMON.has(lower(use)) || use.length < 2) {
            stats.dropped++;
            continue;
          }
          const not = uniqCI(wrong).filter((v) => lower(v) !== lower(use) && !useSet.has(lower(v)));
          if (taken.has(lower(use)) || not.some((n) => taken.has(lower(n)))) {
            stats.dropped++;
            continue;
          }
          claim(use);
          not.forEach(claim);
          terms.push({ use, ...(not.length ? { not } : {}), source, docs });
          stats.kept++;
          continue;
        }
        const phrases = uniqCI(wrong).filter((v) => !useSet.has(lower(v)) && !COMMON.has(lower(v)) && !taken.has(lower(v)));
        if (phrases.length === 0) {
          stats.dropped++;
          continue;
        }
        phrases.forEach(claim);
        uses.forEach((u) => taken.add(lower(u))); // a suggestion must never be banned later
        banned.push({ phrase: phrases, use: uses, source, docs });
        stats.kept++;
      }
    } else if (rule.extends === 'existence') {
      const because = typeof rule.message === 'string' ? rule.message.replace(/'?%s'?/g, 'this').trim() : undefined;
      for (const tok of rule.tokens ?? []) {
        stats.tokens++;
        const variants = expandRegex(String(tok));
        if (!variants) {
          stats.dropped++;
          continue;
        }
        const phrases = uniqCI(variants).filter((v) => !COMMON.has(lower(v)) && !taken.has(lower(v)));
        if (phrases.length === 0) {
          stats.dropped++;
          continue;
        }
        phrases.forEach(claim);
        banned.push({ phrase: phrases, use: [], because, source, docs });
        stats.kept++;
      }
    }
  }
  return { terms, banned, stats };
}

/**
 * Keeps at most `max` entries: every term, and an even stride through the banned entries so each
 * rule set keeps its share. The full 1,300-entry conversion would make the peer comparison mostly a
 * measure of prh's one-regex-per-rule loop; the scaling run covers large guides on its own.
 */
export function limit({ terms, banned, stats }, max) {
  const room = Math.max(0, max - terms.length);
  if (banned.length <= room) return { terms, banned, stats };
  const step = banned.length / room;
  const kept = Array.from({ length: room }, (_, k) => banned[Math.floor(k * step)]);
  return { terms, banned: kept, stats: { ...stats, limited: banned.length - kept.length } };
}

/** Claims and tone: the same shape as the design's sketch, so every brandlint check runs. */
const CLAIMS = [
  { phrase: ['best', '#1', 'number one', 'world-class', 'fastest', 'industry-leading'], needs: 'citation' },
  { phrase: ['guaranteed', 'risk-free'], needs: 'disclaimer', disclaimer: 'Terms apply' },
  { phrase: 'clinically proven', level: 'error' },
];
const TONE = {
  'passive-voice': 'warning',
  'weasel-words': 'warning',
  cliches: 'warning',
  wordy: 'warning',
  adverbs: 'warning',
  'there-is': 'warning',
  so: 'warning',
  exclamations: { max: 1 },
  'sentence-length': { max: 30 },
  'reading-grade': { max: 9 },
  contractions: 'prefer',
  spelling: 'en-US',
};

const one = (xs) => (xs.length === 1 ? xs[0] : xs);

export function brandYaml({ terms, banned }, { header = '' } = {}) {
  const doc = new YAML.Document({
    brand: 'Bench',
    terms: terms.map((t) => ({ use: t.use, ...(t.not ? { not: t.not } : {}) })),
    banned: banned.map((b) => ({
      phrase: one(b.phrase),
      ...(b.use.length ? { use: one(b.use) } : {}),
      ...(b.because ? { because: b.because } : {}),
    })),
    claims: CLAIMS,
    tone: TONE,
  });
  // Say where each run of entries came from, so a reader can trace any of them back.
  const tag = (seq, list) =>
    seq.items.forEach((node, k) => {
      if (k === 0 || list[k - 1].source !== list[k].source) node.commentBefore = ` from ${list[k].source}`;
    });
  tag(doc.get('terms', true), terms);
  tag(doc.get('banned', true), banned);
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}

/**
 * The prh pattern for a literal phrase, matched the way brandlint does (case-insensitive, any run of
 * spaces, on word boundaries). Written the way prh writes its own patterns: each letter as a class
 * ([Gg][Ii]…) and `\\b`, with no `i` flag — prh always adds the `u` flag, and V8 runs `iu`
 * expressions about ten times slower, which would make the comparison unfair to textlint.
 */
export function phraseRegexSource(p) {
  const body = p
    .split(/\s+/)
    .map((w) =>
      [...w]
        .map((c) => {
          if (c.toLowerCase() !== c.toUpperCase()) return `[${c.toUpperCase()}${c.toLowerCase()}]`;
          return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c; // `\-` is invalid under the u flag
        })
        .join(''),
    )
    .join('\\s+');
  const edge = (c) => (/\w/.test(c) ? '\\b' : '');
  return `${edge(p[0])}${body}${edge(p[p.length - 1])}`;
}

export function prhYaml({ terms, banned }, { header = '' } = {}) {
  const rules = [];
  // prh reads only /src/[gimy] and adds the u flag itself.
  for (const t of terms) {
    rules.push({ expected: t.use, pattern: `/${[t.use, ...(t.not ?? [])].map(phraseRegexSource).join('|')}/` });
  }
  for (const b of banned) {
    // prh always proposes a replacement; with none, the empty string reports the phrase as one to delete.
    rules.push({ expected: b.use[0] ?? '', pattern: `/${b.phrase.map(phraseRegexSource).join('|')}/` });
  }
  const doc = new YAML.Document({ version: 1, rules });
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}

function main() {
  if (!fs.existsSync(rulesRoot)) {
    console.log(`convert-rules: skipped, ${path.relative(repo, rulesRoot)} is absent (the corpus lives beside the repository)`);
    return;
  }
  const i = process.argv.indexOf('--max');
  const max = i > 0 ? Number(process.argv[i + 1]) : 600;
  const result = limit(convert(), max);
  const header = ' Generated by bench/convert-rules.mjs from ../shared/corpus/brand-rules; do not edit by hand.';
  const outputs = {
    [path.join(here, 'brand.yaml')]: brandYaml(result, { header }),
    [path.join(here, 'prh.yml')]: prhYaml(result, { header }),
  };
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [file, text] of Object.entries(outputs)) {
    if (check) {
      const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (old !== text) {
        console.error(`convert-rules: ${path.relative(repo, file)} is stale; run node bench/convert-rules.mjs`);
        stale = true;
      }
    } else fs.writeFileSync(file, text);
  }
  const phrases = result.banned.reduce((n, b) => n + b.phrase.length, 0);
  const s = result.stats;
  console.log(
    `convert-rules: ${s.rules} rule files, ${s.swaps} swaps + ${s.tokens} tokens -> ${result.terms.length} terms, ` +
      `${result.banned.length} banned entries (${phrases} phrases); ${s.dropped} not expressible` +
      (s.limited ? `; ${s.limited} banned entries left out to stay within --max ${max}` : ''),
  );
  if (stale) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
