// Linting the open copy documents: when (typing, saving, a guide or settings change), the result
// per document version, and how it reaches the client (pushed, or pulled by the client).
import path from 'node:path';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Format, Guide } from '../rules/index.js';
import { skipReason } from '../rules/limits.js';
import { findingToDiagnostic } from './convert.js';
import type { EntryCost } from './guide-editor.js';
import type { GuideService } from './guide-service.js';
import { DocumentLinter } from './incremental.js';
import type { Status } from './protocol.js';
import { atLeast, type SettingsStore } from './settings.js';
import { uriToPath, type ClientCaps, type Workspace } from './workspace.js';

/** One document version's lint. */
export interface Linted {
  version: number;
  findings: Finding[];
  diagnostics: Diagnostic[];
  status: Status;
  guide?: Guide;
  guidePath?: string;
  file: string;
  format?: Format;
  /** The guide and settings generation it was computed in (Diagnostics.relintAll starts a new one). */
  gen: number;
}

export interface LintOptions {
  /** Fault injection for tests: linting a document that contains this text throws. */
  fault?: string;
  /** Called after a document's diagnostics are sent (server/main.ts: memory upkeep). */
  afterLint?: () => void;
}

export class Diagnostics {
  private readonly results = new Map<string, Linted>();
  // Per open document: its chunks and per-block reports, so a keystroke re-lints one paragraph.
  private readonly linters = new Map<string, DocumentLinter>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly tickets = new Map<string, number>();
  private readonly savedVersion = new Map<string, number>();
  private resultSeq = 0;
  private gen = 0;
  private readonly resultIds = new WeakMap<Linted, string>();

  constructor(
    private readonly ws: Workspace,
    private readonly caps: ClientCaps,
    private readonly settings: SettingsStore,
    private readonly guides: GuideService,
    private readonly options: LintOptions = {},
  ) {}

  isCopyDoc(doc: TextDocument): boolean {
    const p = uriToPath(doc.uri);
    return !(p && this.guides.isGuideFile(p));
  }

  async compute(doc: TextDocument): Promise<Linted> {
    const settings = await this.settings.get(doc.uri);
    const file = this.ws.docPath(doc);
    const uri = doc.uri;
    const base = { version: doc.version, gen: this.gen, file, findings: [] as Finding[], diagnostics: [] as Diagnostic[] };
    if (!settings.enable) return { ...base, status: { uri, state: 'disabled', message: 'brandlint is disabled for this file' } };
    const choice = this.guides.choose(file, settings);
    if (!choice) return { ...base, status: { uri, state: 'none', message: 'no brand.yaml governs this file' } };
    if ('error' in choice) {
      this.guides.warnOnce(choice.error);
      return { ...base, status: { uri, state: 'error', message: choice.error } };
    }
    const guidePath = choice.path;
    const st = this.guides.state(guidePath);
    const rel = path.basename(guidePath);
    if (!st.guide) {
      if (st.loading) return { ...base, guidePath, status: { uri, state: 'loading', guide: guidePath, message: `reading ${rel}…` } };
      return { ...base, guidePath, status: { uri, state: 'error', guide: guidePath, message: `${rel} has errors; nothing is checked until it loads` } };
    }
    const text = doc.getText();
    if (this.options.fault && text.includes(this.options.fault)) throw new Error(`fault injected for ${uri}`);
    // Binary and oversize documents are skipped as the CLI skips them: a 3 MB paste must not stall the others.
    const skip = skipReason(text);
    if (skip) return { ...base, guidePath, status: { uri, state: 'skipped', guide: guidePath, message: `not checked: ${skip}` } };
    let linter = this.linters.get(uri);
    if (!linter) this.linters.set(uri, (linter = new DocumentLinter()));
    const res = linter.lint(file, text, st.guide, { languageId: doc.languageId });
    const findings = res.findings.filter((f) => atLeast(f.level, settings.minLevel));
    const diagnostics = findings.map((f) => findingToDiagnostic(f, doc));
    const brand = st.guide.brand;
    const status: Status = res.skipped
      ? { uri, state: 'skipped', guide: guidePath, brand, message: res.skipped }
      : st.stale
        ? { uri, state: 'stale', guide: guidePath, brand, message: `${rel} has errors; using its last good version`, findings: findings.length }
        : { uri, state: 'ok', guide: guidePath, brand, message: `${brand ?? rel}`, findings: findings.length };
    return { ...base, findings, diagnostics, status, guide: st.guide, guidePath, format: res.doc?.format };
  }

  /** The lint of the document's current text (cached per version), so edits never land on stale offsets. */
  async current(uri: string): Promise<{ doc: TextDocument; r: Linted } | undefined> {
    const doc = this.ws.documents.get(uri);
    if (!doc || !this.isCopyDoc(doc)) return undefined;
    const cached = this.fresh(uri);
    if (cached && cached.version === doc.version) return { doc, r: cached };
    return { doc, r: await this.compute(doc) };
  }

  /** Push mode: lint now unless a newer version arrives meanwhile. */
  private async validate(uri: string): Promise<void> {
    const doc = this.ws.documents.get(uri);
    if (!doc) return;
    const ticket = (this.tickets.get(uri) ?? 0) + 1;
    this.tickets.set(uri, ticket);
    const version = doc.version;
    try {
      const r = await this.compute(doc);
      // A newer edit or a newer run supersedes this one: drop the result instead of flickering.
      if (this.tickets.get(uri) !== ticket || this.ws.documents.get(uri)?.version !== version) return;
      this.results.set(uri, r);
      this.guides.persistAfter(this.ws.connection.sendDiagnostics({ uri, version, diagnostics: r.diagnostics }));
      void this.guides.sendStatus(r.status);
      if (this.options.afterLint) setImmediate(this.options.afterLint);
    } catch (err) {
      this.ws.logError(`linting ${uri} failed`, err);
      void this.guides.sendStatus({ uri, state: 'skipped', message: 'brandlint failed on this file; see the output' });
    }
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    // Bump the ticket so a run already awaiting settings drops its result.
    this.bump(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  /** An older run's result is stale now. */
  private bump(uri: string): void {
    this.tickets.set(uri, (this.tickets.get(uri) ?? 0) + 1);
  }

  /** The document's last result, unless a guide or settings change made it stale. */
  private fresh(uri: string): Linted | undefined {
    const r = this.results.get(uri);
    return r && r.gen === this.gen ? r : undefined;
  }

  relintAll(): void {
    // Results cached for a document version are stale once the guide or settings change; they stay
    // in `results` until replaced, so a guide entry's cost (entryCost) counts every open document
    // meanwhile.
    this.gen++;
    if (this.caps.pull) {
      this.ws.connection.languages.diagnostics.refresh().catch((err) => this.ws.logError('diagnostic refresh failed', err));
      return;
    }
    for (const doc of this.ws.documents.all()) if (this.isCopyDoc(doc)) this.schedule(doc.uri, 0);
  }

  opened(doc: TextDocument): void {
    this.savedVersion.set(doc.uri, doc.version);
    if (!this.caps.pull) this.schedule(doc.uri, 0);
  }

  /** A guide document's buffer changed since it was last saved (its unsaved text is the guide now). */
  isUnsaved(doc: TextDocument): boolean {
    return doc.version !== this.savedVersion.get(doc.uri);
  }

  changed(doc: TextDocument): void {
    if (this.caps.pull) return;
    void this.settings.get(doc.uri).then((s) => {
      if (s.run === 'onType') this.schedule(doc.uri, s.debounce);
      else this.bump(doc.uri);
    });
  }

  saved(doc: TextDocument, copy: boolean): void {
    this.savedVersion.set(doc.uri, doc.version);
    if (!copy) return;
    void this.settings.get(doc.uri).then((s) => {
      if (s.run !== 'onSave') return;
      if (this.caps.pull) this.relintAll();
      else this.schedule(doc.uri, 0);
    });
  }

  closed(uri: string, copy: boolean): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.tickets.delete(uri);
    this.results.delete(uri);
    this.linters.delete(uri);
    this.savedVersion.delete(uri);
    this.settings.forget(uri);
    if (copy && !this.caps.pull) void this.ws.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Pull mode: the client asks; a short wait debounces typing, and a cancelled request gives up. */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const doc = this.ws.documents.get(uri);
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (!doc || !this.isCopyDoc(doc)) return empty;
    try {
      const settings = await this.settings.get(uri);
      const prev = this.fresh(uri);
      const unchanged = prev && params.previousResultId === this.resultId(prev);
      if (unchanged && settings.run === 'onSave' && doc.version !== this.savedVersion.get(uri)) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: this.resultId(prev) };
      }
      if (unchanged && prev.version === doc.version) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: this.resultId(prev) };
      await new Promise((r) => setTimeout(r, settings.run === 'onType' ? Math.min(settings.debounce, 100) : 0));
      if (token.isCancellationRequested) return prev ? { kind: DocumentDiagnosticReportKind.Full, resultId: this.resultId(prev), items: prev.diagnostics } : empty;
      const current = this.ws.documents.get(uri);
      if (!current) return empty;
      const r = await this.compute(current);
      this.results.set(uri, r);
      // The report goes out right after this status (the connection writes one message per turn).
      this.guides.persistAfter(this.guides.sendStatus(r.status));
      if (this.options.afterLint) setImmediate(this.options.afterLint);
      return { kind: DocumentDiagnosticReportKind.Full, resultId: this.resultId(r), items: r.diagnostics };
    } catch (err) {
      this.ws.logError(`linting ${uri} failed`, err);
      return empty;
    }
  }

  private resultId(r: Linted): string {
    let id = this.resultIds.get(r);
    if (!id) {
      id = `r${++this.resultSeq}`;
      this.resultIds.set(r, id);
    }
    return id;
  }

  /** What a guide entry costs: its findings in the open documents (their last lint, even if a re-lint is under way). */
  readonly entryCost: EntryCost = (guideFile, line, column) => {
    let findings = 0;
    let docs = 0;
    let checked = 0;
    for (const r of this.results.values()) {
      checked++;
      const n = r.findings.filter((f) => f.ref && f.ref.file === guideFile && f.ref.line === line && f.ref.column === column).length;
      findings += n;
      if (n) docs++;
    }
    return { findings, documents: docs, checked };
  };
}
