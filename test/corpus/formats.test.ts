// Every email template and social draft of ../shared/corpus: the parsers never throw, every prose char
// maps back to its source char (or entity), and neither a prose char nor a finding falls inside a
// template tag, a tag name, a non-prose attribute, CSS, a URL, front matter, an @handle or the `#` of
// a hashtag. Those ranges are computed here with plain regular expressions, independently of the
// parsers (no htmlparser2, no mask.ts, no tokens.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../rules/lint.js';
import { parseHtml } from '../../rules/parse/html.js';
import type { Finding, Guide } from '../../rules/types.js';
import { makeGuide } from '../helpers/guide.js';
import { proseProblems } from '../helpers/prose-invariants.js';

import { CORPUS, present as corpusPresent } from '../helpers/corpus.js';

const present = corpusPresent && existsSync(path.join(CORPUS, 'email-templates')) && existsSync(path.join(CORPUS, 'social-posts'));

type Range = [number, number];

function walk(dir: string, re: RegExp, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, re, out);
    else if (re.test(e.name)) out.push(p);
  }
  return out.sort();
}

function merge(ranges: Range[]): Range[] {
  const s = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const r of s) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function inside(ranges: Range[], at: number): Range | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (at < r[0]) hi = mid - 1;
    else if (at >= r[1]) lo = mid + 1;
    else return r;
  }
  return undefined;
}

const all = (re: RegExp, s: string, group = 0): Range[] =>
  [...s.matchAll(re)].map((m) => {
    const start = m.index! + (group ? m[0].indexOf(m[group]!) : 0);
    return [start, start + (group ? m[group]!.length : m[0].length)] as Range;
  });

// Template tags as the dialects define them (bounded like any real tag; an unclosed `{{` is text).
const TEMPLATE =
  /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{\{!--[\s\S]*?--\}\}|\{\{\{[\s\S]{0,1994}?\}\}\}|\{\{[\s\S]{0,1996}?\}\}|\{%[\s\S]{0,1996}?%\}|\{#[\s\S]*?#\}|\*\|[^|\s]{0,96}\|\*|<%[\s\S]{0,1996}?%>/g;
const URL = /\b(?:https?|ftp):\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)]/g;

/** Everything in an email template that is not copy. */
export function emailForbidden(src: string): Range[] {
  const tags = all(TEMPLATE, src);
  // A template tag is code, except the inside of its string literals, which may be copy
  // (`{% include 'x.twig' with { text: 'Print your label' } %}`) unless it holds template code.
  const out: Range[] = [];
  for (const [a, b] of tags) {
    let at = a;
    for (const m of src.slice(a, b).matchAll(/'([^'\\\n]*)'|"([^"\\\n]*)"/g)) {
      const inner = m[1] ?? m[2]!;
      if (/\{\{|\{%|\}\}|%\}/.test(inner)) continue;
      out.push([at, a + m.index! + 1]);
      at = a + m.index! + m[0].length - 1;
    }
    out.push([at, b]);
  }
  // Blank the tags so markup inside them (`<a href="{{x}}">`) reads as plain markup.
  let s = src;
  for (const [a, b] of tags) s = s.slice(0, a) + s.slice(a, b).replace(/[^\n]/g, ' ') + s.slice(b);
  out.push(...all(/<!--[\s\S]*?(?:-->|$)/g, s));
  out.push(...all(/<(style|script|mj-style|mj-attributes)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, s));
  const TAG = /<\/?[A-Za-z][^\s\/>]*(?:\s*(?:[^\s"'>\/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?|\s*\/)*\s*>/g;
  for (const m of s.matchAll(TAG)) {
    const start = m.index!;
    const tag = m[0];
    // A tag is non-prose except the values of alt, title and aria-label.
    const keep = all(/\s(?:alt|title|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi, tag).map(([a, b]) => {
      const inner = tag.slice(a, b);
      const q = inner.search(/["']/);
      return [start + a + q + 1, start + b - 1] as Range;
    });
    let at = start;
    for (const [a, b] of keep.sort((x, y) => x[0] - y[0])) {
      out.push([at, a]);
      at = b;
    }
    out.push([at, start + tag.length]);
  }
  out.push(...all(URL, s));
  return merge(out);
}

/** Everything in a social draft that is not copy. */
export function socialForbidden(src: string, markdown: boolean): Range[] {
  const out: Range[] = [];
  const fm = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  if (fm) {
    // All of it but image descriptions (`alt:`, `alt_text:`), which are published copy.
    let at = 0;
    for (const [a, b] of altValues(fm[0])) {
      out.push([at, a]);
      at = b;
    }
    out.push([at, fm[0].length]);
  }
  out.push(...all(/^---+[ \t]*$/gm, src));
  out.push(...all(URL, src));
  out.push(...all(/(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_]+(?:[.@-][\p{L}\p{N}_]+)*/gu, src));
  out.push(...all(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, src));
  out.push(...all(/(?<![\p{L}\p{N}_&\/#])(#)[\p{L}\p{N}_]*\p{L}/gu, src, 1));
  if (markdown) {
    out.push(...all(/<!--[\s\S]*?-->/g, src));
    out.push(...all(/\]\(([^)\s]*)/g, src, 1)); // link and image destinations
    out.push(...all(/`[^`\n]+`/g, src));
  } else {
    out.push(...all(/^[ \t]*#[ \t]*brandlint-[^\n]*$/gm, src));
  }
  return merge(out);
}

/** Ranges of `alt:`-like values in YAML text: the rest of the key's line and more-indented lines after it. */
function altValues(yaml: string): Range[] {
  const out: Range[] = [];
  const lines = [...yaml.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)].filter((m) => m[0]);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([ \t]*(?:-[ \t]+)?)(?:alt|alt_text|description):[ \t]*/.exec(lines[i]![0]);
    if (!m) continue;
    const keyColumn = m[1]!.length;
    const start = lines[i]!.index! + m[0].length;
    let end = lines[i]!.index! + lines[i]![0].length;
    while (i + 1 < lines.length && /^([ \t]*)\S/.exec(lines[i + 1]![0]) && /^[ \t]*/.exec(lines[i + 1]![0])![0].length > keyColumn) {
      i++;
      end = lines[i]!.index! + lines[i]![0].length;
    }
    out.push([start, end]);
  }
  return out;
}

// A guide that fires on real copy: common marketing words, names, claims, and some tone checks.
const GUIDE: Guide = {
  ...makeGuide({
    terms: [{ use: 'email', not: ['e-mail'] }, { use: 'GitHub' }, { use: 'Galaxy' }, { use: 'Node.js', not: ['NodeJS'] }],
    banned: [
      { phrases: ['click here', 'free', 'today', 'account', 'order', 'team', 'help', 'new', 'use', 'data'] },
      { pattern: String.raw`\bcheap(er|est)?\b` },
    ],
    claims: [{ phrases: ['best', '#1', 'guaranteed', 'world-class'], needs: 'citation' }],
    tone: {
      'passive-voice': { level: 'warning', options: {} },
      'weasel-words': { level: 'warning', options: {} },
      exclamations: { level: 'warning', options: { max: 0 } },
      'all-caps': { level: 'warning', options: {} },
    },
  }),
  channels: {
    email: { files: [], subject: { max: 10 }, preheader: { max: 10 } },
    social: { files: [], x: { max: 40 }, bluesky: { max: 40 }, mastodon: { max: 40 }, linkedin: { max: 40 }, hashtags: { max: 0 }, mentions: { max: 0 } },
  },
};

// Word-level rules must not touch non-prose at all; rules over a sentence or a post must not start
// or end inside it; channel length rules measure a post or a subject as published, URLs included.
const WORD_RULES = new Set(['term', 'trademark', 'banned', 'claim', 'weasel-words', 'all-caps']);

function findingProblems(findings: Finding[], forbidden: Range[], src: string): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (f.rule === 'length') continue;
    const bad =
      f.rule === 'hashtags' || f.rule === 'mentions'
        ? undefined
        : WORD_RULES.has(f.rule)
          ? forbidden.find(([a, b]) => f.start < b && f.end > a)
          : inside(forbidden, f.start) ?? inside(forbidden, f.end - 1);
    if (bad) out.push(`${f.rule} ${JSON.stringify(f.text.slice(0, 40))} at ${f.line}:${f.column} touches ${JSON.stringify(src.slice(bad[0], Math.min(bad[1], bad[0] + 40)))}`);
  }
  return out;
}

interface Tally {
  files: number;
  blocks: number;
  chars: number;
  findings: Record<string, number>;
  failures: string[];
}

function run(files: string[], forbidden: (src: string, file: string) => Range[], format: 'html' | 'social'): Tally {
  const t: Tally = { files: files.length, blocks: 0, chars: 0, findings: {}, failures: [] };
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    let problems: string[];
    try {
      // The document the linter parsed is the one checked (parsing once keeps this test fast).
      const r = lintText(file, src, GUIDE, { format });
      const doc = r.doc!;
      if (doc.format !== format) throw new Error(`parsed as ${doc.format}`);
      const ranges = forbidden(src, file);
      t.blocks += doc.blocks.length;
      for (const b of doc.blocks) t.chars += b.text.length;
      problems = proseProblems(doc, ranges, 5);
      for (const f of r.findings) t.findings[f.rule] = (t.findings[f.rule] ?? 0) + 1;
      problems.push(...findingProblems(r.findings, ranges, src).slice(0, 5));
    } catch (e) {
      problems = [`threw: ${(e as Error).stack ?? e}`];
    }
    if (problems.length) t.failures.push(`${path.relative(CORPUS, file)}:\n  ${problems.join('\n  ')}`);
  }
  return t;
}

describe.skipIf(!present)('email templates and social drafts of ../shared/corpus', () => {
  it('email-templates: exact maps, nothing in tags, template syntax, attributes, CSS or URLs', () => {
    const files = walk(path.join(CORPUS, 'email-templates'), /\.(html?|mjml|hbs|handlebars|mustache|liquid|twig|njk|txt)$/i);
    expect(files.length).toBeGreaterThan(300);
    const t = run(files, (s) => emailForbidden(s), 'html');
    expect(t.failures.slice(0, 8).join('\n')).toBe('');
    // Real copy: a parser that dropped everything would pass the checks above.
    expect(t.blocks).toBeGreaterThan(files.length * 5);
    expect(t.chars).toBeGreaterThan(200_000);
    expect(t.findings.banned).toBeGreaterThan(500);
    expect(t.findings.length).toBeGreaterThan(50);
  });

  it('social-posts: exact maps, nothing in front matter, URLs, handles, e-mails or the # of hashtags', () => {
    const files = walk(path.join(CORPUS, 'social-posts'), /\.(md|tweet|txt)$/i);
    expect(files.length).toBeGreaterThan(600);
    const t = run(files, (s, f) => socialForbidden(s, f.endsWith('.md')), 'social');
    expect(t.failures.slice(0, 8).join('\n')).toBe('');
    expect(t.blocks).toBeGreaterThan(files.length);
    expect(t.findings.length).toBeGreaterThan(300);
    expect(t.findings.hashtags).toBeGreaterThan(10);
    expect(t.findings.mentions).toBeGreaterThan(10);
  });

  it('finds the subject and preheader where the templates have them', () => {
    const mjml = walk(path.join(CORPUS, 'email-templates/colorlib-email-templates/src'), /\.mjml$/);
    const sources = mjml.map((f) => readFileSync(f, 'utf8'));
    const docs = mjml.map((f, i) => parseHtml(sources[i]!, f));
    expect(docs.filter((d) => d.subject).length).toBe(sources.filter((s) => /<mj-title>\s*\S/.test(s)).length);
    expect(docs.filter((d) => d.preheader).length).toBe(sources.filter((s) => /<mj-preview>\s*\S/.test(s)).length);
    expect(docs.filter((d) => d.subject).length).toBeGreaterThan(20);
    const postmark = walk(path.join(CORPUS, 'email-templates/postmark-templates'), /content\.html$/);
    expect(postmark.filter((f) => parseHtml(readFileSync(f, 'utf8'), f).preheader).length).toBeGreaterThan(postmark.length / 2);
  });
});
