// Vale's regex dialect (Go regexp2: PCRE-like, with look-around) → brandlint. A small regex that
// only spells out variants ("e-?mail", "(?:app|application)s?", "[Kk]ubelet") becomes a list of
// plain phrases, which keep brandlint's inflections, case keeping and quick fixes. Anything else
// becomes an RE2 pattern when RE2 can run it, or is refused with the reason.
import { compilePattern } from '../guide/regex.js';

/** At most this many phrases from one regex; beyond it a pattern is clearer. */
export const MAX_VARIANTS = 48;

export type Translation =
  | { kind: 'phrases'; phrases: string[]; caseSensitive: boolean }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'none'; reason: string };

type Node = { t: 'lit'; s: string } | { t: 'alt'; options: Node[][] } | { t: 'opt'; node: Node } | { t: 'class'; chars: string[] };

class Unsupported extends Error {}

const META_ESCAPES = new Set(['.', '-', '(', ')', '[', ']', '{', '}', '*', '+', '?', '|', '^', '$', '\\', '/', "'", '"', '&', '#', '!', ':', '@', '%', ',', ' ']);

/** Parse the variant-only subset: literals, escapes, groups with |, `?`, small character classes. */
function parse(src: string): Node[][] {
  let i = 0;
  const seq = (): Node[][] => {
    const options: Node[][] = [[]];
    while (i < src.length) {
      const c = src[i]!;
      if (c === ')') break;
      if (c === '|') {
        options.push([]);
        i++;
        continue;
      }
      let node: Node;
      if (c === '(') {
        i++;
        if (src.startsWith('?:', i)) i += 2;
        else if (src[i] === '?') throw new Unsupported('look-around or inline flags inside the expression');
        const inner = seq();
        if (src[i] !== ')') throw new Unsupported('unbalanced parenthesis');
        i++;
        node = { t: 'alt', options: inner };
      } else if (c === '[') {
        const end = src.indexOf(']', i + 1);
        if (end < 0) throw new Unsupported('unclosed character class');
        const body = src.slice(i + 1, end);
        if (body.startsWith('^') || /\\[a-zA-Z]/.test(body) || body.length === 0) throw new Unsupported('a negated or shorthand character class');
        const chars: string[] = [];
        for (let k = 0; k < body.length; k++) {
          const ch = body[k] === '\\' ? body[++k]! : body[k]!;
          if (body[k + 1] === '-' && k + 2 < body.length) throw new Unsupported('a character range');
          chars.push(ch);
        }
        i = end + 1;
        node = { t: 'class', chars: [...new Set(chars)] };
      } else if (c === '\\') {
        const n = src[i + 1];
        if (n === undefined) throw new Unsupported('a trailing backslash');
        if (n === 's') node = { t: 'lit', s: ' ' };
        else if (n === 'b') {
          // A word boundary at either end is what phrases do anyway.
          i += 2;
          if (i === 2 || i >= src.length || src[i] === ')' || src[i] === '|') continue;
          throw new Unsupported('a word boundary inside the phrase');
        } else if (META_ESCAPES.has(n)) node = { t: 'lit', s: n };
        else throw new Unsupported(`the escape \\${n}`);
        i += 2;
      } else if ('.*+{}^$'.includes(c)) {
        throw new Unsupported(`"${c}" (repetition, any-character or anchors)`);
      } else {
        node = { t: 'lit', s: c };
        i++;
      }
      if (src[i] === '?') {
        i++;
        if (src[i] === '?' || src[i] === '+') throw new Unsupported('a lazy or possessive quantifier');
        node = { t: 'opt', node };
      }
      options[options.length - 1]!.push(node);
    }
    return options;
  };
  const out = seq();
  if (i < src.length) throw new Unsupported('unbalanced parenthesis');
  return out;
}

function expand(options: Node[][], limit: number): string[] {
  const out: string[] = [];
  for (const opt of options) {
    let acc = [''];
    for (const n of opt) {
      const parts = variants(n, limit);
      const next: string[] = [];
      for (const a of acc) for (const p of parts) next.push(a + p);
      if (next.length > limit) throw new Unsupported(`more than ${limit} variants`);
      acc = next;
    }
    out.push(...acc);
    if (out.length > limit) throw new Unsupported(`more than ${limit} variants`);
  }
  return out;
}

function variants(n: Node, limit: number): string[] {
  switch (n.t) {
    case 'lit':
      return [n.s];
    case 'class':
      return n.chars;
    case 'opt':
      return ['', ...variants(n.node, limit)];
    case 'alt':
      return expand(n.options, limit);
  }
}

/**
 * The part of a case-sensitive pattern whose meaning is its case: a class with capitals but not
 * small letters or the reverse (`[A-Z]{2,4}`, Microsoft.HeadingAcronyms), `\p{Lu}`, `[[:upper:]]`.
 */
function caseDependent(src: string): string | undefined {
  const prop = /\\[pP]\{?L[ul]\}?|\[:(?:upper|lower):\]/.exec(src);
  if (prop) return prop[0];
  for (const m of src.matchAll(/\[(?:\\.|[^\]\\])*\]/g)) {
    const cls = m[0];
    const upper = /[A-Z]-[A-Za-z]/.test(cls);
    const lower = /[a-z]-[a-z]|[A-Z]-[a-z]/.test(cls);
    if (upper !== lower) return cls;
  }
  return undefined;
}

/** Look-around, back-references and other things RE2 cannot run, named for the report. */
export function unsupportedInRe2(src: string): string | undefined {
  if (/\(\?<?[=!]/.test(src)) return 'look-around ((?=…), (?!…), (?<=…), (?<!…)) is not in RE2, which brandlint uses to match in linear time';
  if (/\\[1-9]|\\k</.test(src)) return 'back-references are not in RE2';
  if (/\(\?>|[*+?}][+]/.test(src)) return 'atomic groups and possessive quantifiers are not in RE2';
  return undefined;
}

/**
 * Translate one Vale token or swap key. `nonword` (Vale's option) means no word boundaries are
 * added; phrases always match on word boundaries in brandlint, so nonword tokens become patterns.
 */
export function translate(src: string, opts: { ignorecase: boolean; nonword?: boolean }): Translation {
  let body = src.trim();
  let ignorecase = opts.ignorecase;
  if (body.startsWith('(?i)')) {
    ignorecase = true;
    body = body.slice(4);
  }
  if (!body) return { kind: 'none', reason: 'empty expression' };
  // Vale (Go regexp2) writes \uXXXX; RE2 writes \x{XXXX}.
  body = body.replace(/\\u([0-9a-fA-F]{4})/g, '\\x{$1}');
  if (!opts.nonword) {
    try {
      const phrases = expand(parse(body), MAX_VARIANTS)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => /[\p{L}\p{N}]/u.test(p));
      if (phrases.length) {
        // A class like [Kk] only spells case variants: brandlint ignores case, so they collapse.
        const unique: string[] = [];
        for (const p of phrases) if (!unique.some((u) => u.toLowerCase() === p.toLowerCase())) unique.push(p);
        return { kind: 'phrases', phrases: unique, caseSensitive: !ignorecase };
      }
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
  }
  const bad = unsupportedInRe2(body);
  if (bad) return { kind: 'none', reason: bad };
  if (!ignorecase) {
    const byCase = caseDependent(body);
    if (byCase) return { kind: 'none', reason: `${byCase} picks letters by case, and brandlint matches patterns case-insensitively: it would match every such word` };
  }
  // Vale wraps tokens in word boundaries unless nonword is set.
  const pattern = opts.nonword ? body : `\\b(?:${body})\\b`;
  const compiled = compilePattern(pattern);
  if (!compiled.ok) return { kind: 'none', reason: compiled.message };
  return { kind: 'pattern', pattern };
}
