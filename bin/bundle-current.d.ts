// Types of bin/bundle-current.js, for the TypeScript that imports it (tests).
/** Whether the bundle at `bundle` exists and is not older than `modules` (file URLs). */
export function bundleIsCurrent(bundle: URL, modules: URL): boolean;
