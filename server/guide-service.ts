// The guides the open documents use: which guide governs a file, loading and reloading them when
// a file they were built from changes (on disk or in an unsaved buffer), watching files outside
// the workspace folders, and publishing each guide's own problems on the file they are in.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type Diagnostic } from 'vscode-languageserver/node';
import { findGuide, GUIDE_NAMES, type GuideProblem } from '../rules/index.js';
import { guideProblemRange, toSeverity } from './convert.js';
import { GuideCache, type GuideState } from './guides.js';
import { STATUS_NOTIFICATION, type Status } from './protocol.js';
import { resolveGuideSetting, type Settings } from './settings.js';
import { uriToPath, type ClientCaps, type Workspace } from './workspace.js';

/** The guide for a file: its path, or why the settings name none that may be used. */
export type GuideChoice = { path: string } | { error: string } | undefined;

export class GuideService {
  readonly cache: GuideCache;
  private publishedUris = new Set<string>();
  private readonly lastLog = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  // The `**/*.yaml` watcher only sees workspace folders; a guide may extend a file elsewhere
  // (a shared org guide next to the repo). Those files get watchers of their own.
  private outsideKey = '';
  private outsideWatch: Promise<{ dispose(): void } | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly ws: Workspace,
    private readonly caps: ClientCaps,
    /** Called when a guide changed: every open document is re-checked. */
    private readonly onChanged: () => void,
  ) {
    this.cache = new GuideCache(ws.readFile, undefined, { buffers: () => this.yamlBuffers(), loaded: (st) => this.loaded(st) });
  }

  /** Open YAML buffers by path: a guide loaded in a worker reads these instead of the disk. */
  private yamlBuffers(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.ws.documents.all()) {
      const p = uriToPath(d.uri);
      if (p && /\.ya?ml$/i.test(p)) out[p] = d.getText();
    }
    return out;
  }

  /** A guide read off the request path is ready: show its problems and re-check what it governs. */
  private loaded(st: GuideState): void {
    this.logGuide(st);
    this.publishProblems();
    this.watchOutsideFolders();
    this.onChanged();
  }

  /** A setting problem, said once in the output (the status bar shows it per document). */
  warnOnce(message: string): void {
    if (this.lastLog.get('') === message) return;
    this.lastLog.set('', message);
    this.ws.connection.console.warn(message);
  }

  /** brand.yaml (by name) or a file some loaded guide extends. */
  isGuideFile(file: string): boolean {
    return GUIDE_NAMES.includes(path.basename(file)) || this.cache.dependents(file).length > 0;
  }

  /** The open guide document at `uri`, when it is one. */
  guideDoc(uri: string): { doc: NonNullable<ReturnType<Workspace['documents']['get']>>; file: string } | undefined {
    const file = uriToPath(uri);
    const doc = this.ws.documents.get(uri);
    return file && doc && this.isGuideFile(file) ? { doc, file } : undefined;
  }

  choose(file: string, settings: Settings): GuideChoice {
    if (settings.guide) {
      const base = this.ws.folderOf(file) ?? this.ws.folders[0] ?? path.dirname(file);
      const r = resolveGuideSetting(settings.guide, base);
      return 'error' in r ? r : { path: r.file };
    }
    // Exactly as the CLI: up to the repository root, even past the workspace folder (a folder
    // opened inside a monorepo still gets the repository's guide).
    const found = findGuide(file);
    return found ? { path: found } : undefined;
  }

  /** The guide at `guidePath`, loaded on first use (its problems published, its files watched). */
  state(guidePath: string): GuideState {
    const known = this.cache.all().some((s) => s.path === path.resolve(guidePath));
    const st = this.cache.get(guidePath);
    if (!known) {
      this.publishProblems();
      this.logGuide(st);
      this.watchOutsideFolders();
    }
    return st;
  }

  /** Forget which outside files are watched (the folders changed) and watch again. */
  foldersChanged(): void {
    this.outsideKey = '';
    this.watchOutsideFolders();
  }

  private watchOutsideFolders(): void {
    if (!this.caps.relativeWatch) return;
    const outside = [...new Set(this.cache.all().flatMap((st) => st.files))].filter((f) => !this.ws.folderOf(f)).sort();
    const key = outside.join('\0');
    if (key === this.outsideKey) return;
    this.outsideKey = key;
    const previous = this.outsideWatch;
    this.outsideWatch = (async () => {
      (await previous)?.dispose();
      if (outside.length === 0) return undefined;
      const watchers = outside.map((f) => ({ globPattern: { baseUri: pathToFileURL(path.dirname(f)).href, pattern: path.basename(f) } }));
      return this.ws.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    })().catch((err) => {
      this.ws.logError('watching guide files outside the workspace failed', err);
      return undefined;
    });
  }

  private logGuide(st: GuideState): void {
    const errors = st.problems.filter((p) => p.level === 'error').length;
    const line = st.loading
      ? `guide ${st.path}: loading`
      : !st.guide
        ? `guide ${st.path}: ${errors} error(s), nothing is checked until it loads`
        : st.stale
          ? `guide ${st.path}: ${errors} error(s); the last good version stays in force`
          : `guide ${st.path}: loaded (${st.files.length} file(s))${st.problems.length ? `, ${st.problems.length} warning(s)` : ''}`;
    if (this.lastLog.get(st.path) !== line) {
      this.lastLog.set(st.path, line);
      if (!st.loading && (st.stale || !st.guide)) this.ws.connection.console.warn(line);
      else this.ws.log(line);
    }
  }

  /** Every guide's problems as diagnostics on the file they are in; clears files that are clean again. */
  publishProblems(): void {
    const byUri = new Map<string, Diagnostic[]>();
    const seen = new Set<string>();
    for (const st of this.cache.all()) {
      const all: Array<[GuideProblem, string]> = [...st.problems.map((p): [GuideProblem, string] => [p, 'guide']), ...st.examples.map((p): [GuideProblem, string] => [p, 'examples'])];
      for (const [p, code] of all) {
        const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const uri = this.ws.uriForPath(p.file);
        const list = byUri.get(uri) ?? [];
        list.push(this.diagnostic(p, code));
        byUri.set(uri, list);
      }
    }
    const conn = this.ws.connection;
    for (const [uri, diagnostics] of byUri) void conn.sendDiagnostics({ uri, diagnostics });
    for (const uri of this.publishedUris) if (!byUri.has(uri)) void conn.sendDiagnostics({ uri, diagnostics: [] });
    this.publishedUris = new Set(byUri.keys());
    this.sendStatuses();
  }

  /** The status bar shows the guide's own state while brand.yaml (or a file it extends) is open. */
  sendStatuses(): void {
    for (const doc of this.ws.documents.all()) {
      const file = uriToPath(doc.uri);
      if (!file || !this.isGuideFile(file)) continue;
      const st = this.cache.all().find((g) => g.files.includes(file) || g.path === file);
      if (st) void this.sendStatus(guideStatus(doc.uri, file, st));
    }
  }

  sendStatus(status: Status): Promise<void> {
    return this.ws.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  private diagnostic(p: GuideProblem, code = 'guide'): Diagnostic {
    let text = '';
    try {
      text = this.ws.readFile(p.file);
    } catch {
      // A missing extends target: the range still points at line/column 1.
    }
    return { range: guideProblemRange(text, p), severity: toSeverity(p.level), code, source: 'brandlint', message: p.message };
  }

  /** A guide file changed (on disk or in a buffer): reload what depends on it and re-lint. */
  changed(file: string): void {
    const reloaded = this.cache.invalidate(file);
    for (const st of reloaded) this.logGuide(st);
    if (GUIDE_NAMES.includes(path.basename(file)) && !this.cache.all().some((s) => s.path === path.resolve(file))) {
      // A brand.yaml nobody used yet (just created or opened): load it to show its problems.
      if (fs.existsSync(file) || this.ws.openDocByPath(file)) this.state(file);
    }
    this.publishProblems();
    this.watchOutsideFolders();
    this.onChanged();
  }

  /** changed(), once typing or a burst of file events settles. */
  schedule(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        try {
          this.changed(file);
        } catch (err) {
          this.ws.logError(`reloading ${file} failed`, err);
        }
      }, 100),
    );
  }

  /** A guide loaded for these diagnostics goes to the guide cache once they are written, not before. */
  persistAfter(sent: Promise<void>): void {
    const persist = () => void setImmediate(() => this.cache.persist());
    sent.then(persist, persist);
  }
}

/** The status of an open guide file: its errors, or the brand it defines. */
function guideStatus(uri: string, file: string, st: GuideState): Status {
  if (st.loading) return { uri, state: 'loading', guide: st.path, message: `reading ${path.basename(file)}…` };
  const errors = [...st.problems, ...st.examples].filter((p) => p.file === file && p.level === 'error').length;
  const brand = st.guide?.brand;
  return errors > 0
    ? { uri, state: 'error', guide: st.path, brand, message: `${errors} problem${errors === 1 ? '' : 's'} in ${path.basename(file)}` }
    : { uri, state: 'ok', guide: st.path, brand, message: brand ?? path.basename(file) };
}
