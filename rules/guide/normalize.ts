// From a validated guide file to the Guide vocabulary of rules/types.ts: lists everywhere, a
// source position on every entry, tone shorthands expanded, patterns compiled once to prove them.
import path from 'node:path';
import type {
  BannedEntry,
  ChannelConfig,
  ClaimEntry,
  EntryCommon,
  Guide,
  GuideProblem,
  LevelSetting,
  OverrideSection,
  SourceRef,
  TermEntry,
  ToneSetting,
} from '../types.js';
import { compilePattern } from './regex.js';
import { closest } from './suggest.js';
import { GuideYaml, headSpan, locate, scalarOffset, spanOf, type GuidePositions } from './yaml.js';

/** One guide file's own content, before it is merged with what it extends. */
export type GuideLayer = Omit<Guide, 'path' | 'files'>;

export function emptyLayer(): GuideLayer {
  return { terms: [], banned: [], claims: [], tone: {}, channels: {}, overrides: [], ignore: [], allow: [] };
}

const LEVEL_WORDS = new Set(['error', 'warning', 'info', 'hint', 'off']);
const KNOWN_CHANNELS = ['email', 'social'];

type Obj = Record<string, unknown>;
type Path = (string | number)[];

function list(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** list(v), but a list that is all strings already is kept as it is (the parsed value is ours): no copy per term. */
function strings(v: unknown): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : list(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Drop undefined fields so the normalized shape only carries what the guide said. */
function compact<T extends object>(o: T): T {
  // A copy, not `delete`: deleting turns an object into a slow dictionary (10,000 entries: more
  // heap and time), and the copy keeps the key order.
  const out = {} as T;
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function quotationsOf(v: unknown): GuideLayer['quotations'] {
  if (!v || typeof v !== 'object') return undefined;
  return { lint: list((v as Obj).lint) };
}

function copyOf(v: unknown): GuideLayer['copy'] {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Obj;
  return compact({
    frontMatter: o['front-matter'] === undefined || o['front-matter'] === null ? undefined : list(o['front-matter']),
    props: o.props === undefined || o.props === null ? undefined : list(o.props),
  });
}

export class Normalizer {
  readonly problems: GuideProblem[] = [];

  constructor(
    private readonly pos: GuidePositions,
    private readonly y: GuideYaml,
  ) {}

  /** The place of the node at a path, or at a start offset already known (`GuidePositions.items`). */
  private ref(at: Path | number, useKey = false): SourceRef {
    const offset = typeof at === 'number' ? at : this.pos.start(at, useKey);
    const line = this.y.lineOf(offset);
    return { file: this.y.file, line, column: this.y.columnOf(offset, line) };
  }

  /** Where each entry of the list at `p` is: its start offsets when the reader has them, else paths. */
  private entryAt(p: Path): (i: number) => Path | number {
    const starts = this.pos.items?.(p);
    return (i) => (starts !== undefined && i < starts.length ? starts[i]! : [...p, i]);
  }

  layer(v: Obj): GuideLayer {
    const docs = str(v.docs);
    const out: GuideLayer = {
      ...emptyLayer(),
      brand: str(v.brand),
      docs,
      terms: this.terms(v.terms, ['terms'], docs),
      banned: this.banned(v.banned, ['banned'], docs),
      claims: this.claims(v.claims, ['claims'], docs),
      tone: this.tone(v.tone, ['tone']),
      channels: this.channels(v.channels),
      overrides: this.overrides(v.overrides, docs),
      ignore: list(v.ignore),
      allow: list(v.allow),
      quotations: quotationsOf(v.quotations),
      copy: copyOf(v.copy),
    };
    return compact(out);
  }

  private common(e: Obj, p: Path | number, docs: string | undefined): EntryCommon {
    return this.commonInto({} as EntryCommon, e, p, docs);
  }

  /**
   * The common fields that are set, added to `out` in the order compact() of the full object would
   * give (level, because, docs, examples, ref): no intermediate object to copy per entry.
   */
  private commonInto<T extends EntryCommon>(out: T, e: Obj, p: Path | number, docs: string | undefined): T {
    const level = str(e.level) as LevelSetting | undefined;
    if (level !== undefined) out.level = level;
    const because = str(e.because);
    if (because !== undefined) out.because = because;
    // The file's `docs` is the default link of each of its entries (an extending guide may link elsewhere).
    const link = str(e.docs) ?? docs;
    if (link !== undefined) out.docs = link;
    const ex = e.examples as { bad?: unknown; good?: unknown } | undefined;
    if (ex) out.examples = compact({ bad: ex.bad === undefined ? undefined : list(ex.bad), good: ex.good === undefined ? undefined : list(ex.good) });
    out.ref = this.ref(p);
    return out;
  }

  private terms(v: unknown, p: Path, docs: string | undefined): TermEntry[] {
    if (!Array.isArray(v)) return [];
    // Built in place (a guide may hold 10,000 terms): the same fields in the same order as
    // compact({ ...common, use, not, trademark }), without the two copies.
    const at = this.entryAt(p);
    const out = v.map((t: Obj, i) => {
      const e = this.commonInto({} as TermEntry, t, at(i), docs);
      e.use = String(t.use);
      e.not = strings(t.not);
      const trademark = str(t.trademark);
      if (trademark !== undefined) e.trademark = trademark;
      if (t.match === 'case-sensitive') e.match = 'case-sensitive';
      if (t.plural === 'generic') e.plural = 'generic';
      if (t.mention === 'anywhere') e.mention = 'anywhere';
      return e;
    });
    this.warnRepeats(out, p, (t) => t.use.toLowerCase(), (t) => `term "${t.use}"`);
    return out;
  }

  private banned(v: unknown, p: Path, docs: string | undefined): BannedEntry[] {
    if (!Array.isArray(v)) return [];
    const at = this.entryAt(p);
    const out = v.map((b: Obj, i) => {
      const pattern = str(b.pattern);
      return compact({ ...this.common(b, at(i), docs), phrases: list(b.phrase), pattern, use: list(b.use) });
    });
    this.warnRepeats(out, p, phraseKey, (b) => (b.pattern !== undefined ? `pattern "${b.pattern}"` : `phrase "${b.phrases.join(', ')}"`));
    return out;
  }

  private claims(v: unknown, p: Path, docs: string | undefined): ClaimEntry[] {
    if (!Array.isArray(v)) return [];
    const at = this.entryAt(p);
    const out = v.map((c: Obj, i) => {
      const pattern = str(c.pattern);
      return compact({
        ...this.common(c, at(i), docs),
        phrases: list(c.phrase),
        pattern,
        needs: str(c.needs) as ClaimEntry['needs'],
        disclaimer: str(c.disclaimer),
        context: c.context === undefined ? undefined : list(c.context),
      });
    });
    this.warnRepeats(out, p, phraseKey, (c) => (c.pattern !== undefined ? `pattern "${c.pattern}"` : `claim "${c.phrases.join(', ')}"`));
    return out;
  }

  /** Same term or phrase set twice in one file: the later wins, which is rarely what was meant. */
  private warnRepeats<T extends EntryCommon>(entries: T[], p: Path, key: (t: T) => string, name: (t: T) => string): void {
    const seen = new Map<string, T>();
    let repeats = false;
    entries.forEach((e, i) => {
      const k = key(e);
      const first = seen.get(k);
      if (first) {
        repeats = true;
        const span = headSpan(locate(this.pos.doc(), [...p, i]).node, this.y.source);
        const message = `${name(e)} is listed twice in this file (first at line ${first.ref.line}); the later entry wins`;
        this.problems.push(this.y.problem(span, message, 'warning'));
      }
      seen.set(k, e);
    });
    if (!repeats) distinctKeys.add(entries);
  }


  private tone(v: unknown, p: Path): Record<string, ToneSetting> {
    const out: Record<string, ToneSetting> = {};
    if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
    for (const [id, raw] of Object.entries(v as Obj)) {
      const ref = this.ref([...p, id], true);
      if (typeof raw === 'string') {
        // `contractions: prefer`, `spelling: en-GB`: the value is the option, the level is the default.
        out[id] = LEVEL_WORDS.has(raw) ? { level: raw as LevelSetting, options: {}, ref } : { level: 'warning', options: { value: raw }, ref };
      } else if (raw && typeof raw === 'object') {
        const { level, ...options } = raw as Obj;
        out[id] = { level: (str(level) as LevelSetting | undefined) ?? 'warning', options, ref };
      }
    }
    return out;
  }

  private channels(v: unknown): Record<string, ChannelConfig> {
    const out: Record<string, ChannelConfig> = {};
    if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
    for (const [name, raw] of Object.entries(v as Obj)) {
      const c = (raw ?? {}) as Obj;
      // No `files` here keeps the files of the guide this one extends (filled with [] after merging).
      out[name] = (c.files === undefined ? { ...c } : { ...c, files: list(c.files) }) as ChannelConfig;
    }
    return out;
  }

  /** An override's channels: settings only (which files are in a channel is the top level's to say). */
  private overrideChannels(v: unknown, p: Path): Record<string, ChannelConfig> {
    const out = this.channels(v);
    for (const [name, c] of Object.entries(out)) {
      if (c.files === undefined) continue;
      delete (c as Partial<ChannelConfig>).files;
      const span = spanOf(locate(this.pos.doc(), [...p, name, 'files']).node);
      this.problems.push(this.y.problem(span, `"files" in an override's channel is ignored: which files are in the ${name} channel is set by the top-level channels`, 'warning'));
    }
    return out;
  }

  private overrides(v: unknown, docs: string | undefined): OverrideSection[] {
    if (!Array.isArray(v)) return [];
    const base = path.dirname(this.y.file);
    return v.map((o: Obj, i) => {
      const p: Path = ['overrides', i];
      return compact<OverrideSection>({
        files: list(o.files),
        base,
        terms: o.terms === 'off' ? 'off' : o.terms === undefined ? undefined : this.terms(o.terms, [...p, 'terms'], docs),
        banned: o.banned === 'off' ? 'off' : o.banned === undefined ? undefined : this.banned(o.banned, [...p, 'banned'], docs),
        claims: o.claims === 'off' ? 'off' : o.claims === undefined ? undefined : this.claims(o.claims, [...p, 'claims'], docs),
        tone: o.tone === 'off' ? 'off' : o.tone === undefined ? undefined : this.tone(o.tone, [...p, 'tone']),
        channels: o.channels === 'off' ? 'off' : o.channels === undefined || o.channels === null ? undefined : this.overrideChannels(o.channels, [...p, 'channels']),
        allow: o.allow === undefined ? undefined : list(o.allow),
        ref: this.ref(p),
      });
    });
  }
}

/**
 * Entry lists Normalizer made whose keys (a term's lower-cased `use`, phraseKey) are all different:
 * merging one onto an empty list keeps it as it is, without computing every key a second time.
 */
export const distinctKeys = new WeakSet<readonly EntryCommon[]>();

/** Banned and claim entries are the same entry when they name the same phrases (any order/case) or pattern. */
export function phraseKey(e: { phrases: string[]; pattern?: string }): string {
  if (e.pattern !== undefined) return `pattern\0${e.pattern}`;
  const ps = [...new Set(e.phrases.map((p) => p.toLowerCase().replace(/\s+/g, ' ').trim()))].sort();
  return `phrases\0${ps.join('\0')}`;
}

/**
 * Checks that go beyond the schema and run whether or not the schema passed, so one load reports
 * everything: every pattern compiles under RE2, and a channel name close to a known one is flagged.
 */
export function semanticProblems(value: Obj, pos: GuidePositions, y: GuideYaml): GuideProblem[] {
  const problems: GuideProblem[] = [];
  const patterns = (entries: unknown, p: Path) => {
    if (!Array.isArray(entries)) return;
    entries.forEach((e, i) => {
      const src = e && typeof e === 'object' ? (e as Obj).pattern : undefined;
      if (typeof src !== 'string' || src.length === 0) return;
      const r = compilePattern(src);
      if (r.ok) return;
      const node = locate(pos.doc(), [...p, i, 'pattern']).node;
      if (!node) return;
      const span = spanOf(node);
      const start = r.index !== undefined ? scalarOffset(node, y.source, r.index) : span.start;
      problems.push(y.problem({ start, end: span.end }, r.message));
    });
  };
  patterns(value.banned, ['banned']);
  patterns(value.claims, ['claims']);
  if (Array.isArray(value.overrides)) {
    value.overrides.forEach((o, i) => {
      if (!o || typeof o !== 'object') return;
      patterns((o as Obj).banned, ['overrides', i, 'banned']);
      patterns((o as Obj).claims, ['overrides', i, 'claims']);
    });
  }
  const channels = value.channels;
  if (channels && typeof channels === 'object' && !Array.isArray(channels)) {
    for (const name of Object.keys(channels)) {
      if (KNOWN_CHANNELS.includes(name)) continue;
      const guess = closest(name, KNOWN_CHANNELS);
      if (!guess) continue;
      const key = locate(pos.doc(), ['channels', name]).key;
      problems.push(y.problem(spanOf(key), `channel "${name}" is a channel of your own (files only): did you mean "${guess}"?`, 'warning'));
    }
  }
  return problems;
}
