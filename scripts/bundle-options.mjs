// esbuild options shared by the bundles of the CLI (cli/build.mjs) and of the language server
// (client/build.mjs): one CommonJS file for Node 20.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const nodeBundle = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root };

// CommonJS, not ESM: some dependencies are sloppy-mode scripts (implicit globals) that break under
// the strict mode every ES module runs in. Modules find the package folder (schema/, packs/) from
// import.meta.url, which is then supplied from the bundle's own file.
export const importMetaUrlFromFilename = {
  define: { 'import.meta.url': '__brandlintImportMetaUrl' },
  banner: { js: "var __brandlintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** `code` with every non-ASCII character as a \u escape (client/build.mjs says why). */
export function asciiOnly(code) {
  return code.replace(/[^\x00-\x7f]/g, (c, at) => {
    if (code[at - 1] === '\\') throw new Error(`asciiOnly: cannot escape ${JSON.stringify(c)} after a backslash at ${at}`);
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
