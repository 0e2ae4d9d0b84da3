import { skipReason } from '../rules/limits.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findGuide, fixText, GUIDE_NAMES, lintText, type Finding, type Format, type Guide, type GuideProblem } from '../rules/index.js';
import { GuideCache, type GuideState } from './guides.js';
import { atLeast, normalizeSettings, type Settings } from './settings.js';
import { addAllowedPhrase } from './allow.js';
import { findingToDiagnostic, guideProblemRange, hoverMarkdown, toSeverity } from './convert.js';
import { disableLineEdit, type CommentStyle } from './comments.js';
import { DocumentLinter } from './incremental.js';
import { guideCodeActions, guideCompletion, guideHover, type EntryCost } from './guide-editor.js';

export const FIX_ALL_KIND = 'source.fixAll.brandlint';
export const FIX_ALL_COMMAND = 'brandlint.server.fixAll';
export const STATUS_NOTIFICATION = 'brandlint/status';

/** What the status bar shows for one document. */
export interface Status {
  uri: string;
  state: 'ok' | 'stale' | 'error' | 'none' | 'disabled' | 'skipped';
  guide?: string;
  brand?: string;
  message: string;
  findings?: number;
}

interface Linted {
  version: number;
  findings: Finding[];
  diagnostics: Diagnostic[];
  status: Status;
  guide?: Guide;
  guidePath?: string;
  file: string;
  format?: Format;
}

export interface ServerOptions {
  /** Fault injection for tests: linting a document that contains this text throws. */
  fault?: string;
  /** Called after a document's diagnostics are sent (server/main.ts: memory upkeep). */
  afterLint?: () => void;
}

/** Rules whose finding text is a whole sentence or post: "allow this phrase" makes no sense there. */
const NOT_ALLOWABLE = new Set(['guide', 'length', 'sentence-length', 'reading-grade', 'exclamations', 'hashtags', 'mentions']);

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const folders: string[] = [];
  let globalSettings: unknown = {};
  const settingsCache = new Map<string, Promise<Settings>>();
  const results = new Map<string, Linted>();
  // Per open document: its chunks and per-block reports, so a keystroke re-lints one paragraph.
  const linters = new Map<string, DocumentLinter>();
  const timers = new Map<string, NodeJS.Timeout>();
  const tickets = new Map<string, number>();
  const savedVersion = new Map<string, number>();
  const guideTimers = new Map<string, NodeJS.Timeout>();
  let publishedGuideUris = new Set<string>();
  const lastGuideLog = new Map<string, string>();
  const caps = { configuration: false, watch: false, relativeWatch: false, pull: false, pullRefresh: false, documentChanges: false, folders: false };

  // Guides read unsaved brand.yaml buffers first, so the editor reacts before the file is saved.
  const readFile = (file: string): string => {
    const open = openDocByPath(file);
    return open ? open.getText() : fs.readFileSync(file, 'utf8');
  };
  const guides = new GuideCache(readFile);

  function openDocByPath(file: string): TextDocument | undefined {
    const want = path.resolve(file);
    for (const d of documents.all()) if (uriToPath(d.uri) === want) return d;
    return undefined;
  }

  function uriToPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return path.resolve(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  /** A file path for any document; unsaved ones are placed in the first workspace folder. */
  function docPath(doc: TextDocument): string {
    const p = uriToPath(doc.uri);
    if (p) return p;
    const name = decodeURIComponent(doc.uri.replace(/^[^:]*:/, '').split('/').pop() || 'untitled');
    return path.join(folders[0] ?? process.cwd(), name);
  }

  function folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const f of folders) {
      if ((file === f || file.startsWith(f + path.sep)) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  function isGuideFile(file: string): boolean {
    return GUIDE_NAMES.includes(path.basename(file)) || guides.dependents(file).length > 0;
  }

  const log = (msg: string) => connection.console.log(msg);
  const logError = (msg: string, err: unknown) =>
    connection.console.error(`${msg}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);

  // ---------------------------------------------------------------------------------------------
  // Settings

  function getSettings(uri: string): Promise<Settings> {
    if (!caps.configuration) return Promise.resolve(normalizeSettings(globalSettings));
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'brandlint' }).then(
        (s) => normalizeSettings(s ?? globalSettings),
        () => normalizeSettings(globalSettings),
      );
      settingsCache.set(uri, p);
    }
    return p;
  }

  // ---------------------------------------------------------------------------------------------
  // Guides

  function guidePathFor(file: string, settings: Settings): string | undefined {
    if (settings.guide) {
      const base = folderOf(file) ?? folders[0] ?? path.dirname(file);
      return path.resolve(base, settings.guide);
    }
    // Exactly as the CLI: up to the repository root, even past the workspace folder (a folder
    // opened inside a monorepo still gets the repository's guide).
    return findGuide(file);
  }

  function guideState(guidePath: string): GuideState {
    const known = guides.all().some((s) => s.path === path.resolve(guidePath));
    const st = guides.get(guidePath);
    if (!known) {
      publishGuideProblems();
      logGuide(st);
      watchOutsideFolders();
    }
    return st;
  }

  // The `**/*.yaml` watcher only sees workspace folders; a guide may extend a file elsewhere
  // (a shared org guide next to the repo). Those files get watchers of their own.
  let outsideKey = '';
  let outsideWatch: Promise<{ dispose(): void } | undefined> = Promise.resolve(undefined);
  function watchOutsideFolders(): void {
    if (!caps.relativeWatch) return;
    const outside = [...new Set(guides.all().flatMap((st) => st.files))].filter((f) => !folderOf(f)).sort();
    const key = outside.join('\0');
    if (key === outsideKey) return;
    outsideKey = key;
    const previous = outsideWatch;
    outsideWatch = (async () => {
      (await previous)?.dispose();
      if (outside.length === 0) return undefined;
      const watchers = outside.map((f) => ({ globPattern: { baseUri: pathToFileURL(path.dirname(f)).href, pattern: path.basename(f) } }));
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    })().catch((err) => {
      logError('watching guide files outside the workspace failed', err);
      return undefined;
    });
  }

  function logGuide(st: GuideState): void {
    const errors = st.problems.filter((p) => p.level === 'error').length;
    const line = !st.guide
      ? `guide ${st.path}: ${errors} error(s), nothing is checked until it loads`
      : st.stale
        ? `guide ${st.path}: ${errors} error(s); the last good version stays in force`
        : `guide ${st.path}: loaded (${st.files.length} file(s))${st.problems.length ? `, ${st.problems.length} warning(s)` : ''}`;
    if (lastGuideLog.get(st.path) !== line) {
      lastGuideLog.set(st.path, line);
      if (st.stale || !st.guide) connection.console.warn(line);
      else log(line);
    }
  }

  /** Every guide's problems as diagnostics on the file they are in; clears files that are clean again. */
  function publishGuideProblems(): void {
    const byUri = new Map<string, Diagnostic[]>();
    const seen = new Set<string>();
    for (const st of guides.all()) {
      const all: Array<[GuideProblem, string]> = [...st.problems.map((p): [GuideProblem, string] => [p, 'guide']), ...st.examples.map((p): [GuideProblem, string] => [p, 'examples'])];
      for (const [p, code] of all) {
        const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const uri = uriForPath(p.file);
        const list = byUri.get(uri) ?? [];
        list.push(guideDiagnostic(p, code));
        byUri.set(uri, list);
      }
    }
    for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
    for (const uri of publishedGuideUris) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishedGuideUris = new Set(byUri.keys());
    sendGuideStatuses();
  }

  /** The status bar shows the guide's own state while brand.yaml (or a file it extends) is open. */
  function sendGuideStatuses(): void {
    for (const doc of documents.all()) {
      const file = uriToPath(doc.uri);
      if (!file || !isGuideFile(file)) continue;
      const abs = path.resolve(file);
      const st = guides.all().find((g) => g.files.includes(abs) || g.path === abs);
      if (!st) continue;
      const errors = [...st.problems, ...st.examples].filter((p) => p.file === abs && p.level === 'error').length;
      const brand = st.guide?.brand;
      void sendStatus(
        errors > 0
          ? { uri: doc.uri, state: 'error', guide: st.path, brand, message: `${errors} problem${errors === 1 ? '' : 's'} in ${path.basename(abs)}` }
          : { uri: doc.uri, state: 'ok', guide: st.path, brand, message: brand ?? path.basename(abs) },
      );
    }
  }

  function uriForPath(file: string): string {
    const open = openDocByPath(file);
    return open ? open.uri : pathToFileURL(path.resolve(file)).href;
  }

  function guideDiagnostic(p: GuideProblem, code = 'guide'): Diagnostic {
    let text = '';
    try {
      text = readFile(p.file);
    } catch {
      // A missing extends target: the range still points at line/column 1.
    }
    return {
      range: guideProblemRange(text, p),
      severity: toSeverity(p.level),
      code,
      source: 'brandlint',
      message: p.message,
    };
  }

  /** A guide file changed (on disk or in a buffer): reload what depends on it and re-lint. */
  function guideChanged(file: string): void {
    const reloaded = guides.invalidate(file);
    for (const st of reloaded) logGuide(st);
    if (GUIDE_NAMES.includes(path.basename(file)) && !guides.all().some((s) => s.path === path.resolve(file))) {
      // A brand.yaml nobody used yet (just created or opened): load it to show its problems.
      if (fs.existsSync(file) || openDocByPath(file)) guideState(file);
    }
    publishGuideProblems();
    watchOutsideFolders();
    relintAll();
  }

  function scheduleGuideChange(file: string): void {
    clearTimeout(guideTimers.get(file));
    guideTimers.set(
      file,
      setTimeout(() => {
        guideTimers.delete(file);
        try {
          guideChanged(file);
        } catch (err) {
          logError(`reloading ${file} failed`, err);
        }
      }, 100),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Linting

  async function compute(doc: TextDocument): Promise<Linted> {
    const settings = await getSettings(doc.uri);
    const file = docPath(doc);
    const base = { version: doc.version, file, findings: [] as Finding[], diagnostics: [] as Diagnostic[] };
    if (!settings.enable) return { ...base, status: { uri: doc.uri, state: 'disabled', message: 'brandlint is disabled for this file' } };
    const guidePath = guidePathFor(file, settings);
    if (!guidePath) return { ...base, status: { uri: doc.uri, state: 'none', message: 'no brand.yaml governs this file' } };
    const st = guideState(guidePath);
    const rel = path.basename(guidePath);
    if (!st.guide) {
      return {
        ...base,
        guidePath,
        status: { uri: doc.uri, state: 'error', guide: guidePath, message: `${rel} has errors; nothing is checked until it loads` },
      };
    }
    const text = doc.getText();
    if (options.fault && text.includes(options.fault)) throw new Error(`fault injected for ${doc.uri}`);
    // Binary and oversize documents are skipped as the CLI skips them: a 3 MB paste must not stall the others.
    const skip = skipReason(text);
    if (skip) return { ...base, guidePath, status: { uri: doc.uri, state: 'skipped', guide: guidePath, message: `not checked: ${skip}` } };
    let linter = linters.get(doc.uri);
    if (!linter) linters.set(doc.uri, (linter = new DocumentLinter()));
    const res = linter.lint(file, text, st.guide, { languageId: doc.languageId });
    const findings = res.findings.filter((f) => atLeast(f.level, settings.minLevel));
    const diagnostics = findings.map((f) => findingToDiagnostic(f, doc));
    const brand = st.guide.brand;
    const status: Status = res.skipped
      ? { uri: doc.uri, state: 'skipped', guide: guidePath, brand, message: res.skipped }
      : st.stale
        ? { uri: doc.uri, state: 'stale', guide: guidePath, brand, message: `${rel} has errors; using its last good version`, findings: findings.length }
        : { uri: doc.uri, state: 'ok', guide: guidePath, brand, message: `${brand ?? rel}`, findings: findings.length };
    return { ...base, findings, diagnostics, status, guide: st.guide, guidePath, format: res.doc?.format };
  }

  function sendStatus(status: Status): Promise<void> {
    return connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** A guide loaded for these diagnostics goes to the guide cache once they are written, not before. */
  function persistAfter(sent: Promise<void>): void {
    const persist = () => void setImmediate(() => guides.persist());
    sent.then(persist, persist);
  }

  /** Push mode: lint now unless a newer version arrives meanwhile. */
  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const ticket = (tickets.get(uri) ?? 0) + 1;
    tickets.set(uri, ticket);
    const version = doc.version;
    try {
      const r = await compute(doc);
      // A newer edit or a newer run supersedes this one: drop the result instead of flickering.
      if (tickets.get(uri) !== ticket || documents.get(uri)?.version !== version) return;
      results.set(uri, r);
      persistAfter(connection.sendDiagnostics({ uri, version, diagnostics: r.diagnostics }));
      void sendStatus(r.status);
      if (options.afterLint) setImmediate(options.afterLint);
    } catch (err) {
      logError(`linting ${uri} failed`, err);
      void sendStatus({ uri, state: 'skipped', message: 'brandlint failed on this file; see the output' });
    }
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    // Bump the ticket so a run already awaiting settings drops its result.
    tickets.set(uri, (tickets.get(uri) ?? 0) + 1);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  function isCopyDoc(doc: TextDocument): boolean {
    const p = uriToPath(doc.uri);
    return !(p && isGuideFile(p));
  }

  function relintAll(): void {
    // Results cached for a document version are stale once the guide or settings change.
    results.clear();
    if (caps.pull) {
      connection.languages.diagnostics.refresh().catch((err) => logError('diagnostic refresh failed', err));
      return;
    }
    for (const doc of documents.all()) if (isCopyDoc(doc)) schedule(doc.uri, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const c = params.capabilities;
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; diagnosticMode?: string };
    globalSettings = init.settings ?? {};
    caps.configuration = !!c.workspace?.configuration;
    caps.watch = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    caps.relativeWatch = caps.watch && !!c.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    caps.pullRefresh = !!c.workspace?.diagnostics?.refreshSupport;
    // Pull only with refresh: without it a guide change could never reach the client's diagnostics.
    caps.pull = init.diagnosticMode === 'push' ? false : init.diagnosticMode === 'pull' || (!!c.textDocument?.diagnostic && caps.pullRefresh);
    caps.documentChanges = !!c.workspace?.workspaceEdit?.documentChanges;
    caps.folders = !!c.workspace?.workspaceFolders;
    for (const f of params.workspaceFolders ?? []) {
      const p = uriToPath(f.uri);
      if (p) folders.push(p);
    }
    if (folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders.push(p);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '] },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        ...(caps.pull ? { diagnosticProvider: { identifier: 'brandlint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'brandlint-ls', version: serverVersion() },
    };
  });

  connection.onInitialized(() => {
    log(`brandlint-ls ${serverVersion()} started (${caps.pull ? 'pull' : 'push'} diagnostics; folders: ${folders.join(', ') || 'none'})`);
    if (caps.watch) {
      // Every YAML file: brand.yaml may appear anywhere, and `extends` can name any .yaml file.
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    if (caps.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'brandlint' });
    if (caps.folders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const r of e.removed) {
          const p = uriToPath(r.uri);
          const i = p ? folders.indexOf(p) : -1;
          if (i >= 0) folders.splice(i, 1);
        }
        for (const a of e.added) {
          const p = uriToPath(a.uri);
          if (p && !folders.includes(p)) folders.push(p);
        }
        outsideKey = '';
        watchOutsideFolders();
        relintAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const s = (params.settings as { brandlint?: unknown } | null)?.brandlint;
    if (s !== undefined) globalSettings = s;
    settingsCache.clear();
    log('settings changed; re-checking open documents');
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const ch of params.changes) {
      const file = uriToPath(ch.uri);
      if (!file) continue;
      const named = GUIDE_NAMES.includes(path.basename(file));
      if (!named && guides.dependents(file).length === 0) continue;
      if (openDocByPath(file) && ch.type === FileChangeType.Changed) continue; // the buffer is the truth while open
      scheduleGuideChange(file);
    }
  });

  documents.onDidOpen((e) => {
    savedVersion.set(e.document.uri, e.document.version);
    const p = uriToPath(e.document.uri);
    if (p && isGuideFile(p)) {
      scheduleGuideChange(p);
      return;
    }
    if (!caps.pull) schedule(e.document.uri, 0);
  });

  documents.onDidChangeContent((e) => {
    const doc = e.document;
    const p = uriToPath(doc.uri);
    if (p && isGuideFile(p)) {
      if (doc.version !== savedVersion.get(doc.uri)) scheduleGuideChange(p);
      return;
    }
    if (caps.pull) return;
    void getSettings(doc.uri).then((s) => {
      if (s.run === 'onType') schedule(doc.uri, s.debounce);
      else tickets.set(doc.uri, (tickets.get(doc.uri) ?? 0) + 1); // an older run's result is stale now
    });
  });

  documents.onDidSave((e) => {
    const doc = e.document;
    savedVersion.set(doc.uri, doc.version);
    const p = uriToPath(doc.uri);
    if (p && isGuideFile(p)) return;
    void getSettings(doc.uri).then((s) => {
      if (s.run !== 'onSave') return;
      if (caps.pull) relintAll();
      else schedule(doc.uri, 0);
    });
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    tickets.delete(uri);
    results.delete(uri);
    linters.delete(uri);
    savedVersion.delete(uri);
    settingsCache.delete(uri);
    const p = uriToPath(uri);
    if (p && isGuideFile(p)) {
      // Unsaved edits are gone with the buffer: the disk version is the guide again.
      scheduleGuideChange(p);
      return;
    }
    if (!caps.pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // Pull mode: the client asks; a short wait debounces typing, and a cancelled request gives up.
  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (!doc || !isCopyDoc(doc)) return empty;
    try {
      const settings = await getSettings(uri);
      const prev = results.get(uri);
      if (settings.run === 'onSave' && prev && doc.version !== savedVersion.get(uri) && params.previousResultId === resultId(prev)) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: resultId(prev) };
      }
      if (prev && prev.version === doc.version && params.previousResultId === resultId(prev)) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: resultId(prev) };
      }
      await new Promise((r) => setTimeout(r, settings.run === 'onType' ? Math.min(settings.debounce, 100) : 0));
      if (token.isCancellationRequested) return prev ? { kind: DocumentDiagnosticReportKind.Full, resultId: resultId(prev), items: prev.diagnostics } : empty;
      const current = documents.get(uri);
      if (!current) return empty;
      const r = await compute(current);
      results.set(uri, r);
      // The report goes out right after this status (the connection writes one message per turn).
      persistAfter(sendStatus(r.status));
      if (options.afterLint) setImmediate(options.afterLint);
      return { kind: DocumentDiagnosticReportKind.Full, resultId: resultId(r), items: r.diagnostics };
    } catch (err) {
      logError(`linting ${uri} failed`, err);
      return empty;
    }
  });

  let resultSeq = 0;
  const resultIds = new WeakMap<Linted, string>();
  function resultId(r: Linted): string {
    let id = resultIds.get(r);
    if (!id) {
      id = `r${++resultSeq}`;
      resultIds.set(r, id);
    }
    return id;
  }

  // ---------------------------------------------------------------------------------------------
  // Fresh lint for actions and hover: always on the current text, so edits never land on stale offsets.

  async function current(uri: string): Promise<{ doc: TextDocument; r: Linted } | undefined> {
    const doc = documents.get(uri);
    if (!doc || !isCopyDoc(doc)) return undefined;
    const cached = results.get(uri);
    if (cached && cached.version === doc.version) return { doc, r: cached };
    return { doc, r: await compute(doc) };
  }

  function edit(uri: string, version: number | null, edits: LspTextEdit[]): WorkspaceEdit {
    if (caps.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
    return { changes: { [uri]: edits } };
  }

  async function fixAllEdit(uri: string): Promise<WorkspaceEdit | undefined> {
    const cur = await current(uri);
    const guide = cur?.r.guide;
    if (!cur || !guide) return undefined;
    const { doc, r } = cur;
    const text = doc.getText();
    const { output, fixed } = fixText(r.file, text, guide, { languageId: doc.languageId });
    if (fixed === 0 || output === text) return undefined;
    // One minimal edit: the span between the common prefix and suffix.
    let a = 0;
    while (a < text.length && a < output.length && text[a] === output[a]) a++;
    let b = 0;
    while (b < text.length - a && b < output.length - a && text[text.length - 1 - b] === output[output.length - 1 - b]) b++;
    const range = { start: doc.positionAt(a), end: doc.positionAt(text.length - b) };
    return edit(uri, doc.version, [{ range, newText: output.slice(a, output.length - b) }]);
  }

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    try {
      return await codeActions(params);
    } catch (err) {
      logError(`code actions for ${params.textDocument.uri} failed`, err);
      return [];
    }
  });

  async function codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const g = guideDoc(uri);
    if (g) return params.context.only && !params.context.only.includes(CodeActionKind.QuickFix) ? [] : guideCodeActions(g.doc, params.context.diagnostics);
    const cur = await current(uri);
    if (!cur) return [];
    const { doc, r } = cur;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
    const out: CodeAction[] = [];
    const from = doc.offsetAt(params.range.start);
    const to = doc.offsetAt(params.range.end);
    const here = r.findings.filter((f) => f.start <= to && f.end >= from);

    if (wants(CodeActionKind.QuickFix)) {
      for (const f of here) {
        const diag = findingToDiagnostic(f, doc);
        f.fixes.forEach((fix, i) => {
          out.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diag],
            isPreferred: i === 0,
            edit: edit(
              uri,
              doc.version,
              fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text })),
            ),
          });
        });
      }
      const disabled = new Set<string>();
      for (const f of here) {
        const line = doc.positionAt(f.start).line;
        const key = `${f.rule}:${line}`;
        if (disabled.has(key)) continue;
        disabled.add(key);
        const ins = disableLineEdit(doc.getText(), f.start, f.rule, commentStyle(r.format));
        if (ins.frontMatter && !silences(doc, r, f, ins)) continue;
        out.push({
          title: `Disable ${f.rule} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [findingToDiagnostic(f, doc)],
          edit: edit(uri, doc.version, [{ range: { start: doc.positionAt(ins.at), end: doc.positionAt(ins.at) }, newText: ins.text }]),
        });
      }
      const allowed = new Set<string>();
      for (const f of here) {
        const a = allowAction(f, r, doc);
        if (a && !allowed.has(a.title)) {
          allowed.add(a.title);
          out.push(a);
        }
      }
    }
    if (wants(FIX_ALL_KIND) && r.findings.some((f) => f.fixes.length === 1)) {
      const e = await fixAllEdit(uri);
      if (e) out.push({ title: 'Fix all brandlint problems', kind: FIX_ALL_KIND, edit: e });
    }
    return out;
  }

  /** Whether inserting the comment really drops the finding (front matter comments are not read everywhere). */
  function silences(doc: TextDocument, r: Linted, f: Finding, ins: { at: number; text: string }): boolean {
    if (!r.guide) return false;
    const text = doc.getText();
    const edited = text.slice(0, ins.at) + ins.text + text.slice(ins.at);
    const shift = ins.text.length;
    const after = lintText(r.file, edited, r.guide, { languageId: doc.languageId }).findings;
    return !after.some((g) => g.rule === f.rule && g.start === f.start + shift);
  }

  function commentStyle(format: Format | undefined): CommentStyle {
    if (format === 'social' || format === 'text') return 'hash';
    if (format === 'mdx' || format === 'html') return format;
    return 'markdown';
  }

  function allowAction(f: Finding, r: Linted, doc: TextDocument): CodeAction | undefined {
    if (!r.guidePath || NOT_ALLOWABLE.has(f.rule)) return undefined;
    const phrase = f.text.replace(/\s+/g, ' ').trim();
    if (!phrase || phrase.length > 80) return undefined;
    const guideDoc = openDocByPath(r.guidePath);
    let source: string;
    try {
      source = guideDoc ? guideDoc.getText() : fs.readFileSync(r.guidePath, 'utf8');
    } catch {
      return undefined;
    }
    const res = addAllowedPhrase(source, phrase);
    if (!('edit' in res)) return undefined;
    const gl = TextDocument.create('file:///guide', 'yaml', 0, source);
    const range = { start: gl.positionAt(res.edit.start), end: gl.positionAt(res.edit.end) };
    const guideUri = guideDoc?.uri ?? pathToFileURL(r.guidePath).href;
    return {
      title: `Allow "${phrase}" in ${path.basename(r.guidePath)}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [findingToDiagnostic(f, doc)],
      edit: edit(guideUri, guideDoc ? guideDoc.version : null, [{ range, newText: res.edit.text }]),
    };
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command !== FIX_ALL_COMMAND) return;
    const uri = String(params.arguments?.[0] ?? '');
    try {
      const e = await fixAllEdit(uri);
      if (e) await connection.workspace.applyEdit({ label: 'Fix all brandlint problems', edit: e });
    } catch (err) {
      logError(`fix all for ${uri} failed`, err);
    }
  });

  /** What a guide entry costs: its findings in the open documents (their last lint). */
  const entryCost: EntryCost = (guideFile, line, column) => {
    let findings = 0;
    let docs = 0;
    let checked = 0;
    for (const r of results.values()) {
      checked++;
      const n = r.findings.filter((f) => f.ref && f.ref.file === guideFile && f.ref.line === line && f.ref.column === column).length;
      findings += n;
      if (n) docs++;
    }
    return { findings, documents: docs, checked };
  };

  /** The open guide document at `uri`, when it is one (brand.yaml or a file a guide extends). */
  function guideDoc(uri: string): { doc: TextDocument; file: string } | undefined {
    const file = uriToPath(uri);
    const doc = documents.get(uri);
    return file && doc && isGuideFile(file) ? { doc, file } : undefined;
  }

  connection.onCompletion((params) => {
    try {
      const g = guideDoc(params.textDocument.uri);
      return g ? guideCompletion(g.doc, params.position) : [];
    } catch (err) {
      logError(`completion for ${params.textDocument.uri} failed`, err);
      return [];
    }
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    try {
      const g = guideDoc(params.textDocument.uri);
      if (g) return guideHover(g.doc, params.position, g.file, entryCost);
      const cur = await current(params.textDocument.uri);
      if (!cur) return null;
      const { doc, r } = cur;
      const at = doc.offsetAt(params.position);
      const hits = r.findings.filter((f) => f.start <= at && at <= f.end);
      if (!hits.length) return null;
      const first = hits[0]!;
      const last = hits.reduce((m, f) => Math.max(m, f.end), first.end);
      return {
        contents: { kind: 'markdown', value: hits.map(hoverMarkdown).join('\n\n---\n\n') },
        range: { start: doc.positionAt(Math.min(...hits.map((f) => f.start))), end: doc.positionAt(last) },
      };
    } catch (err) {
      logError(`hover for ${params.textDocument.uri} failed`, err);
      return null;
    }
  });

  documents.listen(connection);
  connection.listen();
}

function serverVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
