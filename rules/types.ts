// The shared vocabulary of the core. Parsers produce a ProseDocument, the guide loader produces a
// Guide, rules turn both into Findings. Everything here is plain data so the CLI, the language
// server and the tests can all hold it.

export type Level = 'error' | 'warning' | 'info' | 'hint';
export type LevelSetting = Level | 'off';

/** Where something was written in a guide file (1-based line/column, for messages and `explain`). */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------
// Prose: what the parsers hand to the rules.

/**
 * A run of prose (a heading, a paragraph, a table cell, alt text, a front-matter title…).
 * `text` is what the rules read; `map[i]` is the source offset (UTF-16 index into
 * ProseDocument.source) of `text[i]`. Characters that stand for excluded content (inline code, a
 * URL, an HTML tag inside a paragraph) are written as SEPARATOR and map to where that content
 * starts, so no phrase can match across them.
 */
export interface Block {
  kind: BlockKind;
  text: string;
  map: Int32Array;
  /** Places in `text` where the source had a link, a footnote reference, or excluded content. */
  marks: Mark[];
  /** Heading depth for kind 'heading' (1–6). */
  depth?: number;
  /** Index into ProseDocument.posts for social drafts. */
  post?: number;
  /** Named field this block is, if any (email subject, preheader, front-matter title…). */
  field?: 'subject' | 'preheader' | 'title' | 'description';
  /**
   * Stretches of `text` that are not the brand's own words: someone else's (a testimonial, a
   * customer quote), a word mentioned as a word ("vague words like 'some'") or a template's filler
   * ("Lorem ipsum…"). Rules that judge the
   * brand's voice skip findings inside them and no fix is applied there (see lint.ts).
   */
  regions?: Region[];
}

export interface Region {
  /**
   * A placeholder is filler a template ships with ("Lorem ipsum dolor sit amet…"), not copy; a
   * sponsor's is the copy of a sponsors section (logos, slogans and links of other companies).
   */
  kind: 'quotation' | 'mention' | 'placeholder' | 'sponsor';
  /** Indices into Block.text, end exclusive. */
  start: number;
  end: number;
}

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table-cell'
  | 'blockquote'
  | 'link-text'
  | 'alt'
  | 'footnote'
  | 'front-matter'
  | 'text'
  | 'attribute';

export interface Mark {
  kind: 'link' | 'footnote' | 'code' | 'html' | 'url' | 'template';
  /** Index into Block.text. */
  at: number;
}

/** Written into Block.text where non-prose content was skipped. Not a letter, not whitespace. */
export const SEPARATOR = '\uFFFC';

/** A brandlint-disable / enable / disable-next-line comment, found by the parser. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Source offset of the comment's start, and its end. */
  start: number;
  end: number;
  reason?: string;
}

/** One post of a social draft (a thread has several). */
export interface Post {
  start: number;
  end: number;
  /** Platforms this post is written for (x, linkedin, …), from front matter, file name or channel. */
  platforms: string[];
}

export type Format = 'markdown' | 'mdx' | 'html' | 'social' | 'text';

export interface ProseDocument {
  path: string;
  format: Format;
  source: string;
  blocks: Block[];
  directives: Directive[];
  frontMatter?: Record<string, unknown>;
  /** Email: the subject line and preheader, when located. They are also in `blocks`. */
  subject?: Block;
  preheader?: Block;
  /** Social drafts: the posts, in order. */
  posts?: Post[];
  /** Parts of the file the parser could not read as its format (it read the rest): reported as notices. */
  notices?: ParseNotice[];
}

export interface ParseNotice {
  /** Source offsets, end exclusive. */
  start: number;
  end: number;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// The guideline, resolved (extends merged). Overrides are applied per file by guideFor().

export interface EntryCommon {
  level?: LevelSetting;
  because?: string;
  docs?: string;
  examples?: { bad?: string[]; good?: string[] };
  ref: SourceRef;
}

export interface TermEntry extends EntryCommon {
  use: string;
  not: string[];
  trademark?: string;
  /** `case-sensitive`: only `use` as written is the term; its other cases are plain English ("a home hub"). */
  match?: 'case-sensitive';
  /** `generic`: a plural is a common noun ("two home hubs"), never the term. */
  plural?: 'generic';
  /** `anywhere`: a mention inside a longer name or term (Acme in "Acme Cloud") is a first mention too. */
  mention?: 'anywhere';
}

export interface BannedEntry extends EntryCommon {
  phrases: string[];
  /** RE2-syntax pattern source (linear time); mutually exclusive with phrases in practice. */
  pattern?: string;
  use: string[];
  /** The part of speech the phrase is banned as; only that use is flagged. */
  as?: PartOfSpeech;
}

export type PartOfSpeech = 'verb' | 'noun' | 'adjective' | 'adverb';

export interface ClaimEntry extends EntryCommon {
  phrases: string[];
  pattern?: string;
  needs?: 'citation' | 'disclaimer';
  disclaimer?: string;
  /** Words one of which must be in the same paragraph for the phrase to be this claim ("proven to" is a health claim only near health words). */
  context?: string[];
}

/** Each tone check: a level and its options (max, prefer, en-US…). */
export interface ToneSetting {
  level: LevelSetting;
  options: Record<string, unknown>;
  ref?: SourceRef;
}

export interface ChannelConfig {
  files: string[];
  [key: string]: unknown;
}

export interface OverrideSection {
  files: string[];
  /** Base folder the globs are relative to (the folder of the guide that declared them). */
  base: string;
  terms?: TermEntry[] | 'off';
  banned?: BannedEntry[] | 'off';
  claims?: ClaimEntry[] | 'off';
  tone?: Record<string, ToneSetting> | 'off';
  channels?: Record<string, ChannelConfig> | 'off';
  allow?: string[];
  ref: SourceRef;
}

export interface Guide {
  /** Absolute path of the guide file that was loaded (the root of any extends chain). */
  path: string;
  /** Every file that went into it (itself and everything it extends), for watching. */
  files: string[];
  brand?: string;
  docs?: string;
  terms: TermEntry[];
  banned: BannedEntry[];
  claims: ClaimEntry[];
  tone: Record<string, ToneSetting>;
  channels: Record<string, ChannelConfig>;
  overrides: OverrideSection[];
  ignore: string[];
  allow: string[];
  /** Which rule families still lint quotations (`quotations: { lint: [...] }`): family names or rule ids. */
  quotations?: { lint: string[] };
  /** What the parsers read as copy besides the text itself (`copy:`). */
  copy?: CopySettings;
}

export interface CopySettings {
  /** Front-matter keys and dotted paths that hold rendered copy (replaces the default list). */
  frontMatter?: string[];
  /** JSX prop names that hold copy, besides the default ones. */
  props?: string[];
}

/** A problem in a guide file itself (rule id `guide`). */
export interface GuideProblem {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  level: Level;
}

export type GuideResult =
  | { ok: true; guide: Guide; problems: GuideProblem[] }
  | { ok: false; problems: GuideProblem[] };

// ---------------------------------------------------------------------------------------------
// Rules and findings.

export type RuleCategory = 'terms' | 'banned' | 'claims' | 'tone' | 'channel' | 'guide';

/** One option of a rule, JSON-schema-like: what brand.yaml may write for it. */
export interface RuleOptionSchema {
  type: 'number' | 'string';
  description: string;
  /** The values a string option takes (matched without regard to case). */
  enum?: readonly string[];
  minimum?: number;
  /** What the rule uses when the guide gives none (or one it cannot use). */
  default?: number | string;
}

/**
 * A rule's options, JSON-schema-like. `setIn` says where brand.yaml sets them: `tone.<id>` for a
 * tone check (a bare string there, `contractions: avoid`, is the option `value`), a channel's key
 * for a channel rule. The brand rules (term, banned, claim) take no options: their guide section
 * is their data.
 */
export interface RuleOptionsSchema {
  type: 'object';
  setIn?: string;
  properties: Record<string, RuleOptionSchema>;
  additionalProperties: false;
}

export interface RuleMeta {
  id: string;
  description: string;
  defaultLevel: LevelSetting;
  fixable: boolean;
  docs: string;
  category: RuleCategory;
  options: RuleOptionsSchema;
  /**
   * The rule's message templates by name: `{{name}}` stands for a value filled in per finding.
   * The guide entry's `because`, when it has one, follows the message.
   */
  messages: Record<string, string>;
  /**
   * 'block': the rule's reports for a block depend only on that block (its text, map, marks, kind
   * and the source around it) and the guide, so the language server may reuse them while the
   * block is unchanged. Anything else (the default) is re-run on the whole document every time.
   */
  scope?: 'block' | 'document';
}

export interface TextEdit {
  /** Source offsets, end exclusive. */
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** What a rule reports; positions are source offsets. */
export interface Report {
  start: number;
  end: number;
  message: string;
  level?: LevelSetting;
  because?: string;
  docs?: string;
  suggestions?: string[];
  fixes?: Fix[];
  /** The guide entry behind it, for hover/explain. */
  ref?: SourceRef;
}

export interface Finding {
  rule: string;
  level: Level;
  message: string;
  because?: string;
  docs?: string;
  start: number;
  end: number;
  /** 1-based; columns in UTF-16 code units; endColumn exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The exact source text flagged. */
  text: string;
  suggestions: string[];
  fixes: Fix[];
  ref?: SourceRef;
}

export interface RuleContext {
  doc: ProseDocument;
  /** The guide with this file's overrides applied. */
  guide: Guide;
  /** Level for this rule as configured (tone rules: from guide.tone; others: default). */
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /** For a block-scope rule that also reads one document-wide value (e.g. the apostrophe in use): that value, part of its cache key. */
  blockContext?(doc: ProseDocument, guide: Guide): string;
}
