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
  return code.replace(/(\\*)([^\x00-\x7f])/g, (all, slashes, c) => {
    // An escaped character (`\–` in wink-nlp's regexes) is the same character as its \u escape in a
    // string, a template or a regex, so the escaping backslash goes; an even run of backslashes is
    // literal backslashes and stays.
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Packages the core loads on first use through rules/lazy-module.ts (`() => require('name')`):
 * only `.mdx` documents, HTML email, a guide with errors, one with patterns and social or HTML copy (twitter-text) need them
 * (write-good itself only as the tests' reference). In the server bundle each is
 * its own file beside it (`lazy/NAME.cjs`), required when first called: V8 parses a script's whole
 * source when it compiles it, even functions that never run, and these were ~1 MB of the 3.4 MB.
 * unified and the remark plugins read `.mdx` only: Markdown
 * goes through lezer. `syllable` (and normalize-strings, whose table it builds at load) counts only
 * words outside a-z; decode-named-character-reference (with character-entities' 2,000 names) decodes
 * `&name;`; emoji-regex is for the emoji rule (off by default); a spelling guide reads one of the
 * two lists; `yaml` is for what rules/guide/fast-yaml.ts does not read (rules/lazy-yaml.ts);
 * picomatch for guides with `files:` globs; wink-nlp and its English model tag the parts of speech of the few
 * sentences where a claim or passive candidate was found (rules/text/pos.ts). Names may be a package's subpath (a file).
 */
export const LAZY_PACKAGES = [
  'remark-mdx',
  'htmlparser2',
  'entities',
  'ajv',
  're2js',
  'twitter-text',
  'write-good',
  'unified',
  'remark-parse',
  'remark-gfm',
  'remark-frontmatter',
  'syllable',
  'decode-named-character-reference',
  'emoji-regex',
  'american-british-english-translator/data/american_spellings.json',
  'american-british-english-translator/data/british_spellings.json',
  'yaml',
  'picomatch',
  'wink-nlp',
  'wink-eng-lite-web-model',
];

/** esbuild plugin: a `require('name')` of a LAZY_PACKAGES package in our own code stays a require of `./lazy/name.cjs`. */
export const lazyChunks = {
  name: 'lazy-chunks',
  setup(b) {
    const filter = new RegExp(`^(?:${LAZY_PACKAGES.map((n) => n.replaceAll('.', '\\.')).join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.kind === 'require-call' && !args.importer.includes(`${path.sep}node_modules${path.sep}`) ? { path: `./lazy/${args.path}.cjs`, external: true } : undefined,
    );
  },
};

/** The files `lazyChunks` leaves out, one CommonJS bundle per package, written under `dir`/lazy/. */
export function lazyChunkBuilds(dir) {
  return LAZY_PACKAGES.map((name) => ({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
    outfile: path.join(dir, 'lazy', `${name}.cjs`),
  }));
}
