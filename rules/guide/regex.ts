import { RE2JS } from 're2js';

// Guide patterns run with RE2 semantics (re2js): linear time whatever a guide author writes.
const cache = new Map<string, { ok: true; re: RE2JS } | { ok: false; message: string }>();

export function compilePattern(src: string): { ok: true; re: RE2JS } | { ok: false; message: string } {
  let r = cache.get(src);
  if (!r) {
    try {
      r = { ok: true, re: RE2JS.compile(src, RE2JS.CASE_INSENSITIVE) };
    } catch (e) {
      r = { ok: false, message: (e as Error).message };
    }
    cache.set(src, r);
  }
  return r;
}
