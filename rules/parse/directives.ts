import type { Directive } from '../types.js';

// `brandlint-disable banned claim -- reason` inside any comment syntax: the parser hands us the
// comment's inner text and where the comment sits in the source.
const DIRECTIVE = /^\s*brandlint-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

export function parseDirective(body: string, start: number, end: number): Directive | undefined {
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  let rest = m[2]!;
  let reason: string | undefined;
  const dash = rest.indexOf('--');
  if (dash >= 0) {
    reason = rest.slice(dash + 2).trim() || undefined;
    rest = rest.slice(0, dash);
  }
  const rules = rest
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return { kind: m[1] as Directive['kind'], rules, start, end, reason };
}

/** Every `<!-- … -->` comment in a source (Markdown, HTML) that holds a directive. */
export function htmlCommentDirectives(source: string, from = 0, to = source.length): Directive[] {
  const out: Directive[] = [];
  let i = source.indexOf('<!--', from);
  while (i >= 0 && i < to) {
    const close = source.indexOf('-->', i + 4);
    const end = close < 0 ? source.length : close + 3;
    const d = parseDirective(source.slice(i + 4, close < 0 ? source.length : close), i, end);
    if (d) out.push(d);
    i = source.indexOf('<!--', end);
  }
  return out;
}
