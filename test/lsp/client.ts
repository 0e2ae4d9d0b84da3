// A small LSP client over stdio for the tests: it starts the real `bin/brandlint-ls.js --stdio`,
// answers the requests a real editor answers (configuration, registration, applyEdit) and
// records what the server publishes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';
import { STATUS_NOTIFICATION, type Status } from '../../server/protocol.js';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// BRANDLINT_LS_SERVER runs the same tests against another build (e.g. the bundle the extension ships).
export const SERVER = process.env.BRANDLINT_LS_SERVER ? path.resolve(process.env.BRANDLINT_LS_SERVER) : path.join(ROOT, 'bin/brandlint-ls.js');
export const SERVER_BUILT = fs.existsSync(path.join(ROOT, 'dist/server/main.js'));

export interface ClientOptions {
  folders: string[];
  /** `brandlint.*` settings per folder (scopeUri prefix) or for everything (key ''). */
  settings?: Record<string, Record<string, unknown>>;
  pull?: boolean;
  documentChanges?: boolean;
  env?: Record<string, string>;
}

export type { Status } from '../../server/protocol.js';

type Waiter = { check: () => boolean; resolve: () => void };

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly statuses = new Map<string, Status>();
  readonly logs: string[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  settings: Record<string, Record<string, unknown>>;

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: ProtocolConnection,
    readonly opts: ClientOptions,
  ) {
    this.settings = opts.settings ?? {};
  }

  static async start(opts: ClientOptions): Promise<TestClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...process.env, ...opts.env }, stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const c = new TestClient(proc, conn, opts);
    proc.stderr.on('data', (d) => c.logs.push(`stderr: ${d}`));
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      c.diagnostics.set(p.uri, p.diagnostics);
      c.poke();
    });
    conn.onNotification(STATUS_NOTIFICATION, (s: Status) => {
      c.statuses.set(s.uri, s);
      c.poke();
    });
    conn.onNotification('window/logMessage', (m: { message: string }) => {
      c.logs.push(m.message);
      c.poke();
    });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map((it) => c.settingsFor(it.scopeUri)),
    );
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      c.registrations.push(...p.registrations);
      c.poke();
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      c.refreshes++;
      c.poke();
      return null;
    });
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      c.appliedEdits.push(p.edit);
      c.poke();
      return { applied: true };
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        workspaceFolders: true,
        workspaceEdit: { documentChanges: !!opts.documentChanges },
        ...(opts.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { didSave: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    // Fail with the server's stderr, not a hang, if it dies or stalls before answering.
    const died = new Promise<never>((_, reject) => {
      proc.once('exit', (code) => reject(new Error(`brandlint-ls exited (${code}) before initialize:\n${c.logs.join('')}`)));
    });
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`brandlint-ls did not answer initialize in 30 s:\n${c.logs.join('')}`)), 30_000);
    });
    const initialized = conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(opts.folders[0]!).href,
      workspaceFolders: opts.folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      capabilities,
      initializationOptions: {},
    });
    died.catch(() => undefined);
    stalled.catch(() => undefined);
    try {
      await Promise.race([initialized, died, stalled]);
    } finally {
      clearTimeout(timer);
    }
    conn.sendNotification('initialized', {});
    return c;
  }

  refreshes = 0;

  private settingsFor(scopeUri: string | undefined): Record<string, unknown> {
    let best = this.settings[''] ?? {};
    let bestLen = -1;
    for (const [prefix, s] of Object.entries(this.settings)) {
      if (prefix && scopeUri?.startsWith(prefix) && prefix.length > bestLen) {
        best = { ...(this.settings[''] ?? {}), ...s };
        bestLen = prefix.length;
      }
    }
    return best;
  }

  private poke(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Resolve when `check` holds (re-checked on every message from the server). */
  until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w: Waiter = { check, resolve: () => (clearTimeout(t), resolve()) };
      const t = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`timed out waiting for ${what}; logs:\n${this.logs.join('\n')}`));
      }, timeout);
      this.waiters.push(w);
    });
  }

  /** Wait for diagnostics on `uri` that satisfy `pred` (by default: any publish at all). */
  async diagnosticsFor(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, timeout?: number): Promise<Diagnostic[]> {
    await this.until(() => this.diagnostics.has(uri) && pred(this.diagnostics.get(uri)!), `diagnostics on ${uri}`, timeout);
    return this.diagnostics.get(uri)!;
  }

  open(file: string, text: string, languageId = languageOf(file)): string {
    const uri = file.startsWith('untitled:') ? file : pathToFileURL(file).href;
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    this.diagnostics.delete(uri);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  text(uri: string): string {
    return this.texts.get(uri)!;
  }

  /** Send incremental edits (LSP ranges against the current text) and keep our copy in step. */
  edit(uri: string, edits: TextEdit[]): void {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    let text = this.texts.get(uri)!;
    // Each content change applies to the result of the previous one, as in the protocol.
    for (const e of edits) text = applyTextEdits(text, [e]);
    this.texts.set(uri, text);
    this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  /** Replace the whole text, expressed as one incremental change. */
  replace(uri: string, text: string): void {
    const old = this.texts.get(uri)!;
    this.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: positionAt(old, old.length) }, newText: text }]);
  }

  save(uri: string): void {
    this.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  fileChanged(file: string, type: 1 | 2 | 3 = 2): void {
    this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });
  }

  configurationChanged(): void {
    this.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  codeActions(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<
      CodeAction[]
    >;
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;
  }

  pullDiagnostics(uri: string, previousResultId?: string): Promise<{ kind: string; items?: Diagnostic[]; resultId?: string }> {
    return this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<{
      kind: string;
      items?: Diagnostic[];
      resultId?: string;
    }>;
  }

  private stopped = false;

  /** Shutdown and exit; once only, and not to a server that has exited already. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      if (this.proc.exitCode === null) {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification('exit');
      }
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 50));
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

export function languageOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.mdx') return 'mdx';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.hbs' || ext === '.handlebars') return 'handlebars';
  if (ext === '.txt') return 'social-draft';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return 'plaintext';
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

export function offsetAt(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text[i++];
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
  }
  return Math.min(i + pos.character, text.length);
}

/** Apply LSP edits (all against the same original text), as an editor would. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits
    .map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** The edits a WorkspaceEdit makes to one document, in either shape. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  return out;
}

/** The text a diagnostic covers. */
export function covered(text: string, d: Diagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

/** A fresh temp folder with the given files (a workspace for one test). */
export function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-ls-'));
  // A .git marker makes the folder a repository root, so the guide search stops here.
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}

/** A `start` for one test file: each client it starts is stopped after the test that started it. */
export function startStoppedAfterEach(): (opts: Parameters<typeof TestClient.start>[0]) => Promise<TestClient> {
  const clients: TestClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });
  return async (opts) => {
    const c = await TestClient.start(opts);
    clients.push(c);
    return c;
  };
}
