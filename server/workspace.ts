// The open documents and workspace folders, and the mapping between URIs and file paths.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocuments, type Connection, type InitializeParams, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readGuideText } from '../rules/guide/load.js';

/** What the client said it supports (set once, at initialize). */
export interface ClientCaps {
  configuration: boolean;
  watch: boolean;
  relativeWatch: boolean;
  pull: boolean;
  pullRefresh: boolean;
  documentChanges: boolean;
  folders: boolean;
}

export function readCaps(params: InitializeParams): ClientCaps {
  const c = params.capabilities;
  const init = (params.initializationOptions ?? {}) as { diagnosticMode?: string };
  const watch = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  const pullRefresh = !!c.workspace?.diagnostics?.refreshSupport;
  return {
    configuration: !!c.workspace?.configuration,
    watch,
    relativeWatch: watch && !!c.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    pullRefresh,
    // Pull only with refresh: without it a guide change could never reach the client's diagnostics.
    pull: init.diagnosticMode === 'push' ? false : init.diagnosticMode === 'pull' || (!!c.textDocument?.diagnostic && pullRefresh),
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    folders: !!c.workspace?.workspaceFolders,
  };
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export class Workspace {
  readonly documents = new TextDocuments(TextDocument);
  readonly folders: string[] = [];

  constructor(readonly connection: Connection) {}

  setFolders(params: InitializeParams): void {
    for (const f of params.workspaceFolders ?? []) {
      const p = uriToPath(f.uri);
      if (p) this.folders.push(p);
    }
    if (this.folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) this.folders.push(p);
    }
  }

  changeFolders(e: WorkspaceFoldersChangeEvent): void {
    for (const r of e.removed) {
      const p = uriToPath(r.uri);
      const i = p ? this.folders.indexOf(p) : -1;
      if (i >= 0) this.folders.splice(i, 1);
    }
    for (const a of e.added) {
      const p = uriToPath(a.uri);
      if (p && !this.folders.includes(p)) this.folders.push(p);
    }
  }

  /** Guides read unsaved brand.yaml buffers first, so the editor reacts before the file is saved. */
  readonly readFile = (file: string): string => {
    const open = this.openDocByPath(file);
    return open ? open.getText() : readGuideText(file);
  };

  openDocByPath(file: string): TextDocument | undefined {
    const want = path.resolve(file);
    for (const d of this.documents.all()) if (uriToPath(d.uri) === want) return d;
    return undefined;
  }

  /** A file path for any document; unsaved ones are placed in the first workspace folder. */
  docPath(doc: TextDocument): string {
    const p = uriToPath(doc.uri);
    if (p) return p;
    const name = decodeURIComponent(doc.uri.replace(/^[^:]*:/, '').split('/').pop() || 'untitled');
    return path.join(this.folders[0] ?? process.cwd(), name);
  }

  /** The innermost workspace folder holding `file`. */
  folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      if ((file === f || file.startsWith(f + path.sep)) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  /** The URI an editor knows the file by (an open buffer's own URI wins). */
  uriForPath(file: string): string {
    const open = this.openDocByPath(file);
    return open ? open.uri : pathToFileURL(path.resolve(file)).href;
  }

  readonly log = (msg: string): void => this.connection.console.log(msg);
  readonly logError = (msg: string, err: unknown): void =>
    this.connection.console.error(`${msg}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
}
