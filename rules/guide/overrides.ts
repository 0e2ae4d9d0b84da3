import path from 'node:path';
import type { ChannelConfig, Guide } from '../types.js';
import { lazyModule } from '../lazy-module.js';

// Only guides with `files:` globs (overrides, channels) match paths: picomatch loads on first use.
const picomatch = lazyModule<typeof import('picomatch')>('picomatch', () => require('picomatch'));

// Globs in a guide are relative to the folder of the guide that declared them.
const cache = new Map<string, (p: string) => boolean>();
function matcher(globs: string[]): (p: string) => boolean {
  const key = globs.join('\0');
  let m = cache.get(key);
  if (!m) {
    m = picomatch()(globs, { dot: true, nocase: false });
    cache.set(key, m);
  }
  return m;
}

export function relativeTo(base: string, file: string): string {
  return path.relative(base, path.resolve(file)).split(path.sep).join('/');
}

export function matchesGlobs(globs: string[], base: string, file: string): boolean {
  if (globs.length === 0) return false;
  const rel = relativeTo(base, file);
  if (rel.startsWith('../')) return false;
  // A glob without a slash matches the base name anywhere, like .gitignore.
  return matcher(globs)(rel) || matcher(globs.filter((g) => !g.includes('/')).map((g) => `**/${g}`))(rel);
}

export function guideDir(guide: Guide): string {
  return path.dirname(guide.path);
}

export function isIgnored(guide: Guide, file: string): boolean {
  return matchesGlobs(guide.ignore, guideDir(guide), file);
}

/** The channel (email, social, …) whose `files` globs match this file. */
export function channelFor(guide: Guide, file: string): string | undefined {
  for (const [name, ch] of Object.entries(guide.channels)) {
    if (ch && Array.isArray(ch.files) && matchesGlobs(ch.files, guideDir(guide), file)) return name;
  }
  return undefined;
}

/** The guide with every matching override applied, in order (later overrides win). */
export function guideFor(guide: Guide, file: string): Guide {
  let g = guide;
  for (const o of guide.overrides) {
    if (!matchesGlobs(o.files, o.base, file)) continue;
    g = { ...g };
    if (o.terms !== undefined) g.terms = o.terms === 'off' ? [] : mergeByKey(g.terms, o.terms, (t) => t.use.toLowerCase());
    if (o.banned !== undefined) g.banned = o.banned === 'off' ? [] : [...g.banned, ...o.banned];
    if (o.claims !== undefined) g.claims = o.claims === 'off' ? [] : [...g.claims, ...o.claims];
    if (o.tone !== undefined) g.tone = o.tone === 'off' ? {} : { ...g.tone, ...o.tone };
    if (o.channels !== undefined) g.channels = o.channels === 'off' ? {} : mergeChannels(g.channels, o.channels);
    if (o.allow) g.allow = [...g.allow, ...o.allow];
  }
  return g;
}

/** An override's channel settings over the guide's, channel by channel and key by key; files stay the guide's. */
function mergeChannels(base: Guide['channels'], extra: Record<string, ChannelConfig>): Guide['channels'] {
  const out: Guide['channels'] = { ...base };
  for (const [name, c] of Object.entries(extra)) {
    const { files: _files, ...settings } = c;
    out[name] = { ...(out[name] ?? { files: [] }), ...settings } as ChannelConfig;
  }
  return out;
}

export function mergeByKey<T>(base: T[], extra: T[], key: (t: T) => string): T[] {
  const out = new Map<string, T>();
  for (const t of base) out.set(key(t), t);
  for (const t of extra) {
    // One key per entry (a lower-cased copy each: 10,000 terms), and delete only what is there.
    const k = key(t);
    if (out.has(k)) out.delete(k);
    out.set(k, t);
  }
  return [...out.values()];
}
