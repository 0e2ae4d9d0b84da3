// Modules only some documents need (MDX, HTML email, ajv for a guide with errors, re2js for guide
// patterns) are loaded on first use, so the language server does not initialise and keep them at start.
import { createRequire } from 'node:module';

const nodeRequire = createRequire(import.meta.url);

/**
 * `bundled` must be `() => require('name')` written out at the call site: esbuild bundles that
 * literal call as a module initialised when first called (a static import is initialised at
 * start). Unbundled ES modules have no `require`, so Node's is used there (Node 20.19+ can
 * require() an ES module).
 */
export function lazyModule<T>(name: string, bundled: () => unknown): () => T {
  let mod: T | undefined;
  return () => (mod ??= (typeof require === 'function' ? bundled() : nodeRequire(name)) as T);
}
