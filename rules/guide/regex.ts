// Guide patterns run on every document, so they must run in linear time: RE2 semantics via re2js.
// This is the one place patterns are compiled (the loader validates with it, the rules run with it).
import type { RE2JS } from 're2js';
import { lazyModule } from '../lazy-module.js';

// Loaded with the first pattern: most guides have none, and the server need not parse it at start.
const re2js = lazyModule<typeof import('re2js')>('re2js', () => require('re2js'));

export type CompiledPattern = { ok: true; re: RE2JS } | { ok: false; message: string; index?: number };

const cache = new Map<string, CompiledPattern>();
const CACHE_MAX = 500;

/**
 * Compile a guide pattern (RE2 syntax, case-insensitive). On failure `message` says why in words a
 * brand owner can act on, and `index` (when known) is the UTF-16 offset in `src` of the problem.
 */
export function compilePattern(src: string): CompiledPattern {
  const hit = cache.get(src);
  if (hit) return hit;
  const result = compileUncached(src);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(src, result);
  return result;
}

function compileUncached(src: string): CompiledPattern {
  if (src.length === 0) return { ok: false, message: 'the pattern is empty', index: 0 };
  // Explain the constructs people bring from JavaScript/PCRE before RE2 gives its terser message.
  const unsupported = findUnsupported(src);
  if (unsupported) return { ok: false, ...unsupported };
  let re: RE2JS;
  try {
    const { RE2JS } = re2js();
    re = RE2JS.compile(src, RE2JS.CASE_INSENSITIVE);
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    // re2js writes the case-insensitive flag into the quoted pattern; the author never wrote it.
    const message = raw.replace(/^error parsing regexp: /, '').replace(/`\(\?i\)/g, '`');
    // re2js quotes the offending fragment in backticks: locate it in the source.
    const frag = /`([^`]*)`\s*$/.exec(message)?.[1];
    const at = frag ? src.indexOf(frag) : -1;
    return { ok: false, message: `invalid pattern: ${message}`, index: at >= 0 ? at : undefined };
  }
  if (re.matcher('').find()) {
    return { ok: false, message: 'the pattern matches empty text, so it would flag every position; make at least one character required' };
  }
  return { ok: true, re };
}

/** Look-around, back-references, atomic groups, possessive quantifiers: not in RE2, and why. */
function findUnsupported(src: string): { message: string; index: number } | undefined {
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1];
      if (!inClass && n !== undefined && /[1-9]/.test(n)) {
        return { index: i, message: `back-reference \\${n} is not supported: RE2 matches in linear time and has no back-references; list the repeated forms as phrases instead` };
      }
      if (!inClass && n === 'k' && src[i + 2] === '<') {
        return { index: i, message: 'named back-reference \\k<…> is not supported: RE2 matches in linear time and has no back-references' };
      }
      if (n === 'Q') {
        // \Q…\E quotes literally: skip to \E.
        const end = src.indexOf('\\E', i + 2);
        i = end < 0 ? src.length : end + 1;
        continue;
      }
      // \p{Greek}, \P{Lu}, \x{e9}: the braces belong to the escape, so a `+` after them is a quantifier.
      if ((n === 'p' || n === 'P' || n === 'x') && src[i + 2] === '{') {
        const end = src.indexOf('}', i + 3);
        if (end > 0) {
          i = end;
          if (src[i + 1] === '+' && src[i + 2] === '+') {
            return { index: i + 2, message: 'possessive quantifier ++ is not supported by RE2; drop the extra +, RE2 never backtracks' };
          }
          continue;
        }
      }
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // A ']' right after '[' or '[^' is a literal member.
      if (src[i + 1] === '^') i++;
      if (src[i + 1] === ']') i++;
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const rest = src.slice(i + 2, i + 4);
      if (rest.startsWith('<=') || rest.startsWith('<!')) {
        return { index: i, message: `look-behind "${src.slice(i, i + 4)}…)" is not supported: RE2 matches in linear time and has no look-behind; match the preceding text as part of the pattern, or use \\b for a word boundary` };
      }
      if (rest.startsWith('=') || rest.startsWith('!')) {
        return { index: i, message: `look-ahead "${src.slice(i, i + 3)}…)" is not supported: RE2 matches in linear time and has no look-ahead; match the following text as part of the pattern, or use \\b for a word boundary` };
      }
      if (rest.startsWith('>')) {
        return { index: i, message: 'atomic group (?>…) is not supported by RE2; a plain group (?:…) is enough, RE2 never backtracks' };
      }
    }
    if ((c === '*' || c === '+' || c === '?' || c === '}') && src[i + 1] === '+') {
      return { index: i + 1, message: `possessive quantifier ${c}+ is not supported by RE2; drop the extra +, RE2 never backtracks` };
    }
  }
  return undefined;
}
