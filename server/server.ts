// The language server: wires the LSP connection to the modules that hold its state — the open
// documents (workspace.ts), settings (settings.ts), guides (guide-service.ts), diagnostics
// (diagnostics.ts), code actions (code-actions.ts), hover (hover.ts) and the guide editor's help
// (guide-editor.ts).
import fs from 'node:fs';
import path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { GUIDE_NAMES } from '../rules/index.js';
import { CodeActions } from './code-actions.js';
import { Diagnostics, type LintOptions } from './diagnostics.js';
import { guideCompletion } from './guide-editor.js';
import { GuideService } from './guide-service.js';
import { hover } from './hover.js';
import { FIX_ALL_COMMAND, FIX_ALL_KIND } from './protocol.js';
import { SettingsStore } from './settings.js';
import { readCaps, uriToPath, Workspace, type ClientCaps } from './workspace.js';

export { FIX_ALL_COMMAND, FIX_ALL_KIND, STATUS_NOTIFICATION, type Status } from './protocol.js';
export type ServerOptions = LintOptions;

interface Server {
  connection: Connection;
  ws: Workspace;
  caps: ClientCaps;
  settings: SettingsStore;
  guides: GuideService;
  lint: Diagnostics;
  actions: CodeActions;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const ws = new Workspace(connection);
  const caps: ClientCaps = { configuration: false, watch: false, relativeWatch: false, pull: false, pullRefresh: false, documentChanges: false, folders: false };
  const settings = new SettingsStore(connection, caps);
  // The guide service re-lints through `lint`, which needs the guide service: bound after both exist.
  let lint: Diagnostics | undefined;
  const guides = new GuideService(ws, caps, () => lint?.relintAll());
  lint = new Diagnostics(ws, caps, settings, guides, options);
  const s: Server = { connection, ws, caps, settings, guides, lint, actions: new CodeActions(ws, caps, guides, lint) };
  onLifecycle(s);
  onDocuments(s);
  onRequests(s);
  ws.documents.listen(connection);
  connection.listen();
}

function onLifecycle(s: Server): void {
  const { connection, ws, caps } = s;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    Object.assign(caps, readCaps(params));
    s.settings.setGlobal((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    ws.setFolders(params);
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
    ws.log(`brandlint-ls ${serverVersion()} started (${caps.pull ? 'pull' : 'push'} diagnostics; folders: ${ws.folders.join(', ') || 'none'})`);
    if (caps.watch) {
      // Every YAML file: brand.yaml may appear anywhere, and `extends` can name any .yaml file.
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    if (caps.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'brandlint' });
    if (caps.folders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        ws.changeFolders(e);
        s.guides.foldersChanged();
        s.lint.relintAll();
      });
    }
  });

  // A guide still loading in a worker must not hold up the exit.
  connection.onShutdown(() => s.guides.cache.dispose());

  connection.onDidChangeConfiguration((params) => {
    const raw = (params.settings as { brandlint?: unknown } | null)?.brandlint;
    if (raw !== undefined) s.settings.setGlobal(raw);
    s.settings.clear();
    ws.log('settings changed; re-checking open documents');
    s.lint.relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const ch of params.changes) {
      const file = uriToPath(ch.uri);
      if (!file) continue;
      if (!GUIDE_NAMES.includes(path.basename(file)) && s.guides.cache.dependents(file).length === 0) continue;
      if (ws.openDocByPath(file) && ch.type === FileChangeType.Changed) continue; // the buffer is the truth while open
      s.guides.schedule(file);
    }
  });
}

/** Open, edit, save, close: a guide document reloads its guide; a copy document is linted. */
function onDocuments(s: Server): void {
  const { ws, guides, lint } = s;
  const guideFile = (uri: string) => {
    const p = uriToPath(uri);
    return p && guides.isGuideFile(p) ? p : undefined;
  };
  ws.documents.onDidOpen(({ document: doc }) => {
    const g = guideFile(doc.uri);
    lint.saved(doc, false);
    if (g) guides.schedule(g);
    else lint.opened(doc);
  });
  ws.documents.onDidChangeContent(({ document: doc }) => {
    const g = guideFile(doc.uri);
    if (!g) lint.changed(doc);
    else if (lint.isUnsaved(doc)) guides.schedule(g);
  });
  ws.documents.onDidSave(({ document: doc }) => lint.saved(doc, !guideFile(doc.uri)));
  ws.documents.onDidClose(({ document: doc }) => {
    const g = guideFile(doc.uri);
    lint.closed(doc.uri, !g);
    // Unsaved edits are gone with the buffer: the disk version is the guide again.
    if (g) guides.schedule(g);
  });
}

function onRequests(s: Server): void {
  const { connection, ws, guides, lint, actions } = s;
  /** A request handler that logs its failure and answers `fallback`, never an error the editor shows. */
  const guarded =
    <P extends { textDocument?: { uri: string } }, R>(what: string, fallback: R, run: (p: P) => R | Promise<R>) =>
    async (p: P): Promise<R> => {
      try {
        return await run(p);
      } catch (err) {
        ws.logError(`${what} for ${p.textDocument?.uri} failed`, err);
        return fallback;
      }
    };
  connection.languages.diagnostics.on((params, token) => lint.pull(params, token));
  connection.onCodeAction(guarded('code actions', [], (p) => actions.actions(p)));
  connection.onHover(guarded('hover', null, (p) => hover(p, guides, lint)));
  connection.onCompletion(
    guarded('completion', [], (p) => {
      const g = guides.guideDoc(p.textDocument.uri);
      return g ? guideCompletion(g.doc, p.position) : [];
    }),
  );
  connection.onExecuteCommand(async (params) => {
    if (params.command !== FIX_ALL_COMMAND) return;
    const uri = String(params.arguments?.[0] ?? '');
    try {
      const e = await actions.fixAllEdit(uri);
      if (e) await connection.workspace.applyEdit({ label: 'Fix all brandlint problems', edit: e });
    } catch (err) {
      ws.logError(`fix all for ${uri} failed`, err);
    }
  });
}

function serverVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
