import type { Token } from './tokens.js';
import { SEPARATOR } from '../types.js';

// Names of things written as plain text in copy: packages, repositories, headers, URL schemes,
// compiler directives, commands and folders. A phrase found inside one is part of a name, not a
// word of the copy: no phrase rule reports it and no fix rewrites it. Decided per hit (only where a
// phrase matched), from the tokens of the block, so the tokenizer's hot loop pays nothing.

/**
 * Words that make an ordinary English compound of a name ("GitHub-based", "Slack-powered"): a
 * lowercase name before one of them is a misspelt name in prose, not an identifier.
 */
const PROSE_SUFFIXES = new Set(
  'based powered driven hosted backed built native friendly ready compatible specific related style like centric first only free enabled aware agnostic certified approved inspired themed branded sponsored led owned made focused oriented wide level side sized'.split(
    ' ',
  ),
);

/** Nouns that say the lowercase words before them are a command line ("the linkerd inject command"). */
const COMMAND_NOUNS = new Set('command commands subcommand subcommands'.split(' '));
/** Nouns that say the lowercase name right before them is the literal name of a tool, folder or namespace. */
const NAMING_NOUNS = new Set('tool binary executable namespace folder folders directory directories statement statements keyword keywords'.split(' '));

/** Words that start a command line ("npm install acme", "$ acme deploy"). */
const RUNNERS = new Set('$ npm npx yarn pnpm bun pip pipx brew apt cargo gem go kubectl helm sudo'.split(' '));
const INSTALL = new Set(['install', 'add', 'i', 'get', 'run', 'exec']);
/**
 * Subcommands common to build tools and package managers: a lowercase name right before one is a
 * command line written without code markup ("use go fix", "cargo check passes"), not the name misspelt.
 */
const SUBCOMMANDS = new Set('build check test run fix install uninstall publish update upgrade add remove new init fmt doc vet tidy bench clean'.split(' '));

const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

const CONNECTORS = new Set(['-', '.', '/', ':', '@', '+', '~']);
function joins(t: Token): boolean {
  return CONNECTORS.has(t.norm) || isWord(t);
}

const WORD_START = /^[\p{L}\p{N}\p{M}_]/u;
function isWord(t: Token | undefined): boolean {
  return !!t && WORD_START.test(t.norm);
}

/**
 * Whether the hit tokens[first, last) is part of an identifier written as plain text.
 * `name`: the phrase is a name the guide writes with a capital (a term such as "Acme" or "Go"); a
 * name written all lowercase inside a joined token or before a command's arguments is the
 * identifier's spelling, not a misspelt name.
 */
export function insideIdentifier(text: string, tokens: Token[], first: number, last: number, name: boolean): boolean {
  // The run: tokens glued to the hit with no space between (a separator ends it).
  // The run: words and connectors glued to the hit with no space between ("godoc.org—fetched":
  // a dash of prose ends it).
  let a = first;
  while (a > 0 && !tokens[a]!.spaced && joins(tokens[a - 1]!)) a--;
  let b = last;
  while (b < tokens.length && !tokens[b]!.spaced && joins(tokens[b]!)) b++;
  const lowercaseName = name && !UPPER.test(text.slice(tokens[first]!.start, tokens[last - 1]!.end));
  if (issueReference(tokens, last)) return true;
  if (lowercaseName && dotfile(tokens, first)) return true;
  if (b - a > last - first && joinedIdentifier(text, tokens, a, b, first, last, lowercaseName)) return true;
  return lowercaseName && (scopePrefix(text, tokens, first, last) || commandOrFolder(text, tokens, first, last));
}

/** `.acme`, `.acme.yml`: a lowercase name right after a dot that starts the word is a file's name. */
function dotfile(tokens: Token[], first: number): boolean {
  const dot = tokens[first - 1];
  return !!dot && dot.norm === '.' && !tokens[first]!.spaced && (first - 1 === 0 || dot.spaced || !isWord(tokens[first - 2]));
}

/** `acme#123`, `acme/cli#45`: a repository's name before an issue or pull request number. */
function issueReference(tokens: Token[], last: number): boolean {
  const hash = tokens[last];
  const num = tokens[last + 1];
  return !!hash && hash.norm === '#' && !hash.spaced && !!num && !num.spaced && /^\d+$/.test(num.norm);
}

/**
 * `acme: Add a --json flag`: a lowercase name and a colon opening a line are the component or
 * scope a change is filed under (a changelog entry, a commit subject), not a sentence about it.
 */
function scopePrefix(text: string, tokens: Token[], first: number, last: number): boolean {
  const colon = tokens[last];
  const next = tokens[last + 1];
  if (!colon || colon.norm !== ':' || colon.spaced || !next || !next.spaced || !isWord(next)) return false;
  for (let i = tokens[first]!.start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c !== SEPARATOR && !/\s/.test(c)) return false;
  }
  return true;
}

function joinedIdentifier(text: string, tokens: Token[], a: number, b: number, first: number, last: number, lowercaseName: boolean): boolean {
  // Sentence punctuation around the run ("(acme-cli).") is not part of it.
  while (a < first && !isWord(tokens[a]) && tokens[a]!.norm !== '@') a++;
  while (b > last && !isWord(tokens[b - 1])) b--;
  if (a === first && b === last) return false; // the phrase is the whole token (Node.js, e-mail, RNA-Seq)
  if (tokens[a]!.norm === '@' && a < first) return true; // @scope/name, @handle
  let hyphens = false;
  let slash = false;
  for (let k = a + 1; k < b - 1; k++) {
    if (k === first) k = last; // connectors inside the phrase are the phrase's own (Node.js)
    if (k >= b - 1) break;
    const c = tokens[k]!.norm;
    if (c === ':' && tokens[k + 1]!.norm === '/' && tokens[k + 2]?.norm === '/') return true; // scheme://
    // A path of a language's modules or namespaces (acme::io, std::fs).
    if (c === ':' && k + 2 < b && isWord(tokens[k - 1]) && tokens[k + 1]!.norm === ':' && isWord(tokens[k + 2])) return true;
    if (!isWord(tokens[k - 1]) || !isWord(tokens[k + 1])) continue;
    // A dotted name (socket.io, Nuxt.js, ASP.NET) or a directive (go:wasmimport).
    if (c === '.') return true;
    if (c === ':' && LETTER.test(tokens[k - 1]!.norm) && LETTER.test(tokens[k + 1]!.norm)) return true;
    if (c === '-') hyphens = true;
    else if (c === '/') slash = true;
  }
  // x-acme-cache: the prefix of a custom header.
  if (tokens[a]!.norm === 'x' && tokens[a + 1]?.norm === '-' && b - a > 2) return true;
  // A team, label or channel name after a short capitalised prefix: WG-cargo-pub-deps, T-rustfmt,
  // A-diagnostics (a project's naming scheme, not the name written in prose).
  if (a < first && tokens[a + 1]?.norm === '-' && a + 2 === first && /^[A-Z]{1,3}$/.test(text.slice(tokens[a]!.start, tokens[a]!.end))) return true;
  if (!lowercaseName || !(hyphens || slash)) return false;
  // A lowercase name joined to other lowercase words: a package, repository, container or path
  // (acme-cloud-plugin, golang/go), unless it is a compound such as "github-based".
  // …or a path to a file named in capitals (go/VERSION, docs/README.md).
  if (slash && filePath(text, tokens, a, b)) return true;
  if (UPPER.test(text.slice(tokens[a]!.start, tokens[b - 1]!.end))) return false;
  if (slash) return true;
  const rest = b - last === 2 && first === a ? tokens[b - 1]!.norm : undefined;
  // Glued to two or more words by hyphens (acme-pub-deps-check): a package or branch name.
  let joins = 0;
  for (let k = a; k < b; k++) if (tokens[k]!.norm === '-') joins++;
  if (joins >= 2 && rest === undefined) return true;
  return !(rest !== undefined && tokens[last]!.norm === '-' && PROSE_SUFFIXES.has(rest));
}

/** Are the run's capitals only in words written all in capitals after a slash (`go/VERSION`)? */
function filePath(text: string, tokens: Token[], a: number, b: number): boolean {
  let caps = false;
  for (let k = a; k < b; k++) {
    const w = text.slice(tokens[k]!.start, tokens[k]!.end);
    if (!UPPER.test(w)) continue;
    if (w !== w.toUpperCase() || w.length < 2 || tokens[k - 1]?.norm !== '/') return false;
    caps = true;
  }
  return caps;
}

/**
 * A lowercase name that is a command or the name of a folder: followed, within a few words of its
 * arguments, by a flag (`acme deploy --prod`) or a noun that names it (`the go tool`, `the ios and
 * android folders`), or typed after a package manager (`npm install acme`).
 */
function commandOrFolder(text: string, tokens: Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  if (before && (RUNNERS.has(before.norm) || (INSTALL.has(before.norm) && RUNNERS.has(tokens[first - 2]?.norm ?? '')))) return true;
  if (quotedCommand(text, tokens, first, last)) return true;
  const sub = tokens[last];
  if (sub && sub.spaced && SUBCOMMANDS.has(sub.norm) && !UPPER.test(text.slice(sub.start, sub.end))) return true;
  // Commands named as commands: "CLI commands, e.g. acme top, acme stat and acme tap".
  if (sub && sub.spaced && isWord(sub) && !FUNCTION_WORDS.has(sub.norm) && !UPPER.test(text.slice(sub.start, sub.end)) && COMMANDS_BEFORE.test(sentenceBefore(text, tokens[first]!.start))) return true;
  let words = 0;
  let conjunction = false;
  for (let k = last; k < tokens.length && words <= 3; k++) {
    const t = tokens[k]!;
    const c = t.norm;
    if (c === '-' && t.spaced && isFlag(tokens, k)) return true;
    if (isWord(t)) {
      if (COMMAND_NOUNS.has(c)) return true;
      // "the go tool", "the ios and android folders"; not "the markdown processing tool".
      if (NAMING_NOUNS.has(c)) return words === 0 || (words === 2 && conjunction);
      if (UPPER.test(text.slice(t.start, t.end))) return false;
      if (words === 0) conjunction = c === 'and' || c === 'or';
      words++;
      continue;
    }
    // Quotes and emphasis around the name ("go" tool) may sit between; a sentence's punctuation may not.
    if (!/^["'\u201c\u201d\u2018\u2019`*]$/.test(c)) return false;
  }
  return false;
}

// "commands, e.g. acme top, acme stat": commands, then the list of them.
const COMMANDS_BEFORE = /\b(?:sub)?commands?\b[^\p{L}]*(?:e\.g\.|i\.e\.|such as|like|including|:)/iu;
const FUNCTION_WORDS = new Set('a an the and or but nor to of in on at by for with from as is are was were be been has have had it its this that these those which who will can may must should would could not'.split(' '));
/** The sentence before `at`, at most 120 characters of it ("e.g." and "i.e." end none). */
function sentenceBefore(text: string, at: number): string {
  const s = text.slice(Math.max(0, at - 120), at);
  let from = 0;
  for (const m of s.matchAll(/(?<!\b(?:e\.g|i\.e|etc|vs))[.!?]\s|\n\s*\n/g)) from = m.index + m[0].length;
  return s.slice(from);
}

const OPENING = new Set(['"', "'", '\u201c', '\u2018', '`']);
const CLOSING = new Set(['"', "'", '\u201d', '\u2019', '`']);

/** `"go test"`, `“go get,”`, `"go"`: the lowercase name, alone or with a few lowercase words, quoted as one command or value. */
function quotedCommand(text: string, tokens: Token[], first: number, last: number): boolean {
  const open = tokens[first - 1];
  if (!open || !OPENING.has(open.norm) || tokens[first]!.spaced) return false;
  let words = 0;
  for (let k = last; k < tokens.length && words <= 4; k++) {
    const t = tokens[k]!;
    // A command, or the name alone: a literal value ("the query "acme"", a namespace (“acme”)).
    if (CLOSING.has(t.norm) && !t.spaced) return true;
    if (t.norm === ',' && CLOSING.has(tokens[k + 1]?.norm ?? '')) continue;
    if (!isWord(t) || !t.spaced || UPPER.test(text.slice(t.start, t.end))) return false;
    words++;
  }
  return false;
}

/** `-x` or `--name`: a hyphen glued to a word, or two glued hyphens glued to a word. */
function isFlag(tokens: Token[], k: number): boolean {
  const n1 = tokens[k + 1];
  if (!n1 || n1.spaced) return false;
  if (isWord(n1)) return true;
  const n2 = tokens[k + 2];
  return n1.norm === '-' && !!n2 && !n2.spaced && isWord(n2);
}

/** insideIdentifier for a match given by its text offsets (regex entries): the tokens it covers. */
export function spanInsideIdentifier(text: string, tokens: Token[], start: number, end: number): boolean {
  let first = lowerBoundToken(tokens, start);
  let last = first;
  while (last < tokens.length && tokens[last]!.start < end) last++;
  if (last <= first) return false;
  if (tokens[first]!.start !== start || tokens[last - 1]!.end !== end) return false; // not on token bounds
  return insideIdentifier(text, tokens, first, last, false);
}

function lowerBoundToken(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
