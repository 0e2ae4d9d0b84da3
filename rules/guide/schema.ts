// Validation of a guide against schema/brand.schema.json with ajv, and the translation of ajv's
// errors into messages a brand owner can act on, placed on the YAML node they concern.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { Document } from 'yaml';
import type { GuideProblem } from '../types.js';
import { packageRoot } from './package-root.js';
import { closest } from './suggest.js';
import { isScalar } from '../lazy-yaml.js';
import { GuideYaml, headSpan, locate, pointerPath, spanOf } from './yaml.js';
import { lazyModule } from '../lazy-module.js';

type SchemaObj = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, unknown>;
  definitions?: Record<string, SchemaObj>;
  errorMessage?: string;
};

interface Compiled {
  /** Made on first use: only a guide with errors compiles branch validators. */
  readonly ajv: Ajv;
  validate: ValidateFunction;
  schema: SchemaObj;
  branches: WeakMap<object, ValidateFunction>;
}

let compiled: Compiled | undefined;
let compilations = 0;

/** How many times the schema was compiled in this process (once; tests hold it to that). */
export function schemaCompilations(): number {
  return compilations;
}

export function schemaPath(): string {
  return path.join(packageRoot(), 'schema', 'brand.schema.json');
}

/** The one set of ajv options, for the compile at run time and for the one at build time. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, inlineRefs: false, code: { optimize: false } } as const;

// Loaded only to compile at run time (no build-time validator) or to explain a guide's errors.
const ajvModule = lazyModule<typeof import('ajv')>('ajv', () => require('ajv'));

const CONCAT = /vErrors = vErrors === null \? ([\w$.]+) : vErrors\.concat\(\1\);/g;

/**
 * ajv's generated code gathers a sub-schema's errors with `vErrors = vErrors.concat(sub.errors)`:
 * a copy of every error so far, once per failing list item, so 40,000 bad entries took minutes.
 * Appending in place keeps it linear. Applied to the code ajv compiles at run time (code.process)
 * and to the validator written at build time; throws when ajv's code no longer has the expected
 * shape, so an ajv upgrade cannot silently bring the quadratic form back.
 */
export function linearErrorCode(code: string): string {
  const out = code.replace(CONCAT, (_m, errs: string) => `{ if (vErrors === null) vErrors = ${errs}.slice(); else for (let i = 0; i < ${errs}.length; i++) vErrors.push(${errs}[i]); }`);
  if (/vErrors\.concat\(/.test(out)) throw new Error('ajv generated an error concatenation brandlint does not recognise (see linearErrorCode)');
  return out;
}

/** A fresh Ajv as the schema needs it. */
export function newAjv(opts: Record<string, unknown> = {}): Ajv {
  // Refs compiled once each and no code optimization: about half the compile time, same results.
  const ajv = new (ajvModule().Ajv)({ ...AJV_OPTIONS, ...opts, code: { ...AJV_OPTIONS.code, process: linearErrorCode, ...(opts.code as object | undefined) } });
  // VS Code's JSON/YAML services read `errorMessage`; for ajv it is an annotation we read ourselves.
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]+$/i);
  return ajv;
}

export function schemaHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Set by tests to compare the build-time validator with a compile at run time. */
export const validatorSource: { use: 'auto' | 'runtime' } = { use: 'auto' };
let standaloneUsed = false;

/** Whether the last compile took the validator `npm run build` generated (schema/build-validator.mjs). */
export function usedStandaloneValidator(): boolean {
  return standaloneUsed;
}

/**
 * The validator generated at build time with ajv's standalone code (dist/rules/guide/
 * schema-validator.cjs), when it exists and was made from this very schema text: compiling the
 * schema at first load costs start-up time in the CLI and the language server.
 */
function standalone(text: string): ValidateFunction | undefined {
  if (validatorSource.use === 'runtime') return undefined;
  try {
    const mod = createRequire(import.meta.url)('./schema-validator.cjs') as ValidateFunction & { schemaHash?: string };
    return typeof mod === 'function' && mod.schemaHash === schemaHash(text) ? mod : undefined;
  } catch {
    return undefined; // not built (tests run from the sources), or unreadable: compile it here
  }
}

/** The schema, compiled once per process (loading a guide must stay quick in the editor). */
function get(): Compiled {
  if (compiled) return compiled;
  const text = fs.readFileSync(schemaPath(), 'utf8');
  const schema = JSON.parse(text) as SchemaObj;
  let ajv: Ajv | undefined;
  const pre = standalone(text);
  standaloneUsed = pre !== undefined;
  if (!pre) ajv = newAjv();
  const validate = pre ?? ajv!.compile(schema);
  compilations++;
  compiled = {
    get ajv() {
      return (ajv ??= newAjv());
    },
    validate,
    schema,
    branches: new WeakMap(),
  };
  return compiled;
}

/** Forget the compiled schema (tests switch validatorSource). */
export function resetSchema(): void {
  compiled = undefined;
}

type Err = ErrorObject & { parentSchema?: SchemaObj; schema?: unknown; data?: unknown };

function under(p: string, prefix: string): boolean {
  return p === prefix || p.startsWith(prefix + '/');
}

function resolveRef(c: Compiled, s: SchemaObj): SchemaObj {
  let cur = s;
  for (let i = 0; i < 10 && cur.$ref; i++) {
    const name = /^#\/definitions\/(.+)$/.exec(cur.$ref)?.[1];
    const next = name ? c.schema.definitions?.[name] : undefined;
    if (!next) break;
    cur = next;
  }
  return cur;
}

function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeAccepts(t: string, v: unknown): boolean {
  const actual = jsonType(v);
  return t === actual || (t === 'number' && actual === 'integer');
}

/** Whether a combinator branch is meant for a value of this JSON type. */
function branchAccepts(c: Compiled, branch: SchemaObj, v: unknown): boolean {
  const s = resolveRef(c, branch);
  if (s.type) return (Array.isArray(s.type) ? s.type : [s.type]).some((t) => typeAccepts(t, v));
  if (s.enum) return s.enum.some((e) => jsonType(e) === jsonType(v) || (typeof e === 'number' && typeof v === 'number'));
  return true;
}

function validatorFor(c: Compiled, branch: SchemaObj): ValidateFunction {
  let v = c.branches.get(branch);
  if (!v) {
    // Local refs (#/definitions/…) resolve against the definitions carried along.
    v = c.ajv.compile({ ...branch, definitions: c.schema.definitions });
    c.branches.set(branch, v);
  }
  return v;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping (key: value)',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'nothing',
};

function found(v: unknown): string {
  const t = jsonType(v);
  if (t === 'string') return `"${String(v)}"`;
  if (t === 'number' || t === 'integer' || t === 'boolean') return String(v);
  return t === 'null' ? 'nothing' : (TYPE_WORDS[t] ?? t);
}

function describeBranch(c: Compiled, b: SchemaObj): string {
  const s = resolveRef(c, b);
  if (s.enum) return `one of ${s.enum.join(', ')}`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes('array')) return 'a list';
  return types.map((t) => TYPE_WORDS[t] ?? t).join(' or ') || 'valid';
}

/**
 * Collapse anyOf/oneOf noise: ajv reports every branch's failure. Keep the branch meant for the
 * value's type (re-validated alone, so its errors are precise); if none is, one "must be A or B".
 */
function simplify(c: Compiled, errors: Err[]): Err[] {
  const combos = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  // Indexed by path, so a guide with thousands of failing entries stays linear.
  const handled = new Set<string>();
  const isHandled = (p: string): boolean => {
    for (let q = p; ; q = q.slice(0, q.lastIndexOf('/'))) {
      if (handled.has(q)) return true;
      if (q === '') return false;
    }
  };
  const atPath = new Map<string, Err[]>();
  for (const e of errors) {
    const list = atPath.get(e.instancePath);
    if (list) list.push(e);
    else atPath.set(e.instancePath, [e]);
  }
  const dropped = new Set<Err>();
  const out: Err[] = [];
  for (const cb of combos) {
    if (isHandled(cb.instancePath)) continue;
    const branches = (Array.isArray(cb.schema) ? cb.schema : []) as SchemaObj[];
    const custom = cb.parentSchema?.errorMessage;
    if (typeof custom === 'string') {
      // Only the branches' own errors (e.g. the missing `phrase`/`pattern`) are replaced.
      for (const e of atPath.get(cb.instancePath) ?? []) if (branches.includes(e.parentSchema as SchemaObj)) dropped.add(e);
      // On a value of the wrong type the type error says it all (every `required` branch passes on a string).
      if (jsonType(cb.data) === 'object') out.push({ ...cb, keyword: 'errorMessage', message: custom });
      continue;
    }
    handled.add(cb.instancePath);
    const match = branches.find((b) => branchAccepts(c, b, cb.data));
    if (match) {
      const v = validatorFor(c, match);
      if (!v(cb.data)) {
        const sub = (v.errors ?? []).map((e) => ({ ...e, instancePath: cb.instancePath + e.instancePath }) as Err);
        out.push(...simplify(c, sub));
      }
    } else {
      const kinds = [...new Set(branches.map((b) => describeBranch(c, b)))];
      const enums = branches.flatMap((b) => resolveRef(c, b).enum ?? []).map(String);
      out.push({ ...cb, keyword: 'anyType', message: `must be ${kinds.join(', or ')}`, params: { allowedValues: enums } });
    }
  }
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if' || dropped.has(e)) continue;
    if (isHandled(e.instancePath)) continue;
    out.push(e);
  }
  return out;
}

/** A list entry written as a bare string: the key it most likely meant. */
const ENTRY_HINTS: Record<string, string> = { terms: 'use', banned: 'phrase', claims: 'phrase' };

function label(path: string[]): string {
  if (path.length === 0) return 'the guide';
  const last = path[path.length - 1];
  if (/^\d+$/.test(last)) {
    const parent = path.length > 1 ? `"${path[path.length - 2]}"` : 'the list';
    return `entry ${Number(last) + 1} of ${parent}`;
  }
  return `"${last}"`;
}

/** Whether a guide's plain value passes the schema (the fast path's check: no positions needed). */
export function schemaValid(value: unknown): boolean {
  const v = value as Record<string, unknown> | null;
  // The schema checks each term on its own (`termList`: null or an array of `term`, nothing about
  // the list as a whole): terms surely valid by plainTerm leave the rest of the guide to ajv. Its
  // generated code for a `not` list makes and drops an error object (anyOf tries a string first):
  // ~20 ms of a 10,000-term guide's cold start.
  if (v && typeof v === 'object' && !Array.isArray(v) && Array.isArray(v.terms) && v.terms.every(plainTerm)) {
    return get().validate({ ...v, terms: [] }) === true;
  }
  return get().validate(value) === true;
}

/** ajv alone on the whole guide: the reference schemaValid is held to (test/perf-guide-schema.test.ts). */
export function schemaValidReference(value: unknown): boolean {
  return get().validate(value) === true;
}

/**
 * A term of only `use` (a non-empty string) and `not` (a non-empty string, or a non-empty list of
 * them): valid under the schema's `term` for certain. False means "ask ajv", not "invalid".
 */
export function plainTerm(t: unknown): boolean {
  if (!t || typeof t !== 'object' || Array.isArray(t)) return false;
  const o = t as Record<string, unknown>;
  for (const k in o) if (k !== 'use' && k !== 'not') return false;
  if (typeof o.use !== 'string' || o.use.length === 0) return false;
  const not = o.not;
  if (not === undefined || (typeof not === 'string' && not.length > 0)) return true;
  if (!Array.isArray(not) || not.length === 0) return false;
  for (const s of not) if (typeof s !== 'string' || s.length === 0) return false;
  return true;
}

/** A guide's problems past this many are counted, not listed ("… and 39,950 more"). */
export const MAX_GUIDE_PROBLEMS = 50;

/**
 * Validate a parsed guide; every problem is placed on the YAML node it concerns. Only the first
 * `limit` become problems (placing one searches the YAML tree); `more` counts the rest.
 */
export function schemaProblems(value: unknown, doc: Document.Parsed, y: GuideYaml, limit = MAX_GUIDE_PROBLEMS): { problems: GuideProblem[]; more: number } {
  const c = get();
  if (c.validate(value)) return { problems: [], more: 0 };
  const errors = simplify(c, (c.validate.errors ?? []) as Err[]);
  const problems: GuideProblem[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < errors.length; i++) {
    if (problems.length >= limit) return { problems, more: errors.length - i };
    const e = errors[i]!;
    const p = pointerPath(e.instancePath);
    const where = label(p);
    const loc = locate(doc, p);
    const target = loc.node ?? loc.deepest;
    // A key with nothing after it (`use:`) has an empty value node: point at the key instead.
    const valueSpan =
      loc.node && isScalar(loc.node) && loc.node.value === null && loc.key ? spanOf(loc.key) : spanOf(target);
    let span = valueSpan;
    let message: string;
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperty':
      case 'additionalProperties': {
        const k = String(params.additionalProperty);
        const keys = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
        const at = locate(doc, [...p, k]);
        span = spanOf(at.key ?? target);
        const guess = closest(k, keys);
        const inWhere = p.length ? ` in ${where}` : '';
        message = guess
          ? `unknown key "${k}"${inWhere}: did you mean "${guess}"?`
          : `unknown key "${k}"${inWhere}${keys.length ? ` (expected ${keys.join(', ')})` : ''}`;
        break;
      }
      case 'required':
        span = headSpan(target, y.source);
        message = `${where} is missing "${String(params.missingProperty)}"`;
        break;
      case 'errorMessage':
        span = headSpan(target, y.source);
        message = `${where}: ${e.message}`;
        break;
      case 'type': {
        // An empty section (`terms:` with nothing under it) is allowed, so do not offer "nothing".
        const types = String(params.type).split(',').filter((t) => t !== 'null');
        message = `${where} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, found ${found(e.data)}`;
        const hint = ENTRY_HINTS[p[p.length - 2]];
        if (hint && types[0] === 'object' && typeof e.data === 'string') message += `: write "- ${hint}: ${e.data}"`;
        break;
      }
      case 'enum':
      case 'anyType': {
        const allowed = ((params.allowedValues as unknown[] | undefined) ?? []).map(String);
        const head = e.keyword === 'enum' ? `must be one of ${allowed.join(', ')}` : (e.message ?? 'is not valid');
        const guess = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
        message = `${where} ${head}, found ${found(e.data)}${guess ? `: did you mean "${guess}"?` : ''}`;
        break;
      }
      case 'const':
        message = `${where} must be ${JSON.stringify(params.allowedValue)}, found ${found(e.data)}`;
        break;
      case 'minLength':
        message = `${where} must not be empty`;
        break;
      case 'minItems':
        message = `${where} must not be an empty list`;
        break;
      case 'minimum':
        message = `${where} must be at least ${String(params.limit)}, found ${found(e.data)}`;
        break;
      case 'format':
        message = `${where} must be a URL (like https://brand.example/voice), found ${found(e.data)}`;
        break;
      default:
        message = `${where} ${e.message ?? 'is not valid'}`;
    }
    const key = `${span.start}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(y.problem(span, message));
  }
  return { problems, more: 0 };
}
