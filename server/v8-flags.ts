// The V8 flags the server changes at run time (server/main.ts, server/memory.ts). V8 accepts a code
// cache (bin/code-cache.cjs) only if its flags hash the same as when the cache was made, and the
// next start reads the cache before any of these is set: so the cache is made with them back at
// their settings at start (withStartFlags). Made with them set, every cache was rejected.
import v8 from 'node:v8';

interface Changed {
  /** What Node started with: V8's default, since a flag on the command line is never changed here. */
  atStart: string;
  now: string;
}
const changed = new Map<string, Changed>();

/** Whether Node's command line (its options or NODE_OPTIONS) sets V8 flag `name`, e.g. 'expose-gc'. */
export function onCommandLine(name: string, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  const spelled = name.replace(/[-_]/g, '[-_]');
  const re = new RegExp(`(?:^|\\s)--(?:no-?)?${spelled}(?:=|\\s|$)`);
  return [...execArgv, nodeOptions].some((a) => re.test(a));
}

/**
 * Set `setting` (e.g. '--semi-space-growth-factor=1') of flag `name`, whose V8 default is
 * `atStart` (e.g. '--semi-space-growth-factor=2'), unless the command line sets that flag: then
 * it is the user's choice. Returns whether the flag is now `setting`.
 */
export function setFlag(name: string, setting: string, atStart: string): boolean {
  if (onCommandLine(name)) return false;
  v8.setFlagsFromString(setting);
  changed.set(name, { atStart: changed.get(name)?.atStart ?? atStart, now: setting });
  return true;
}

/** Run `fn` with every flag setFlag changed back at its setting at start, then set them again. */
export function withStartFlags(fn: () => void): void {
  for (const c of changed.values()) v8.setFlagsFromString(c.atStart);
  try {
    fn();
  } finally {
    for (const c of changed.values()) v8.setFlagsFromString(c.now);
  }
}
