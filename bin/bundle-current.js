// bin/brandlint.js and bin/brandlint-ls.js run the bundle `npm run build` writes (one file starts in
// about half the time of hundreds of modules) only when it is at least as new as the compiled
// modules, so a bare `tsc` after a build is not ignored.
import fs from 'node:fs';

/** Whether the bundle at `bundle` exists and is not older than `modules` (file URLs). */
export function bundleIsCurrent(bundle, modules) {
  try {
    return fs.statSync(bundle).mtimeMs >= fs.statSync(modules).mtimeMs;
  } catch {
    return false;
  }
}
