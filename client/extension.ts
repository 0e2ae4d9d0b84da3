// The VS Code extension: a thin client that starts the brandlint language server (the same
// module `brandlint-ls` runs) and adds the status bar, commands and the brand.yaml template.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { fillStarter } from '../cli/starter.js';
import { FIX_ALL_COMMAND, STATUS_NOTIFICATION, type Status } from '../server/protocol.js';

const LANGUAGES = ['markdown', 'mdx', 'html', 'handlebars', 'plaintext', 'social-draft'];
const GUIDE_PATTERN = '**/{brand,.brand}.{yaml,yml}';

let client: LanguageClient | undefined;
const statuses = new Map<string, Status>();

export async function activate(context: vscode.ExtensionContext): Promise<{ statusFor(uri: string): Status | undefined }> {
  const output = vscode.window.createOutputChannel('brandlint', { log: true });
  const bar = vscode.window.createStatusBarItem('brandlint.status', vscode.StatusBarAlignment.Right, 100);
  bar.name = 'brandlint';
  bar.command = 'brandlint.showOutput';
  context.subscriptions.push(bar);

  // The server bundle's starter next to this file (it loads server.cjs with a V8 code cache of an
  // earlier start); in a development checkout without a bundle, tsc's output.
  const bundled = context.asAbsolutePath(path.join('dist', 'client', 'server-start.cjs'));
  const module = fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('dist', 'server', 'main.js'));
  // The server opens no TLS connection, and Node reads NODE_EXTRA_CA_CERTS (often set on company
  // machines) before any code runs: ~0.1 s of every start for nothing. The client merges `env` into
  // the editor's environment, and an undefined value is left out of the child's.
  const env = { NODE_EXTRA_CA_CERTS: undefined };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'], env } },
  };
  const documentSelector = [
    ...LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    { scheme: 'file', pattern: GUIDE_PATTERN },
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: { configurationSection: 'brandlint' },
    // Pushed diagnostics (the guide's own problems) and pulled ones (copy) each need a collection,
    // and two collections of one name make VS Code log a warning: the pulled ones get their own.
    diagnosticCollectionProvider: {
      create: (name, source) => vscode.languages.createDiagnosticCollection(source === 'pull' ? `${name ?? 'brandlint'}-copy` : 'brandlint'),
      dispose: (collection) => collection.dispose(),
    },
    middleware: {
      // While the server restarts or the window reloads, VS Code still asks for code actions: answer
      // none instead of failing on a closed connection.
      provideCodeActions: async (document, range, context, token, next) => {
        if (!client?.isRunning()) return [];
        try {
          return await next(document, range, context, token);
        } catch (err) {
          if (!client?.isRunning() || token.isCancellationRequested) return [];
          throw err;
        }
      },
    },
  };

  const start = async () => {
    client = new LanguageClient('brandlint', 'brandlint', serverOptions, clientOptions);
    client.onNotification(STATUS_NOTIFICATION, (s: Status) => {
      statuses.set(s.uri, s);
      render();
    });
    await client.start();
  };

  const render = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const s = doc ? statuses.get(doc.uri.toString()) : undefined;
    if (!doc || !s || s.state === 'none') {
      bar.hide();
      return;
    }
    const guideName = s.guide ? vscode.workspace.asRelativePath(s.guide) : 'brand.yaml';
    switch (s.state) {
      case 'ok':
        bar.text = `$(check) ${s.brand ?? 'brandlint'}`;
        bar.tooltip = `brandlint: ${guideName}${s.findings !== undefined ? ` — ${s.findings} finding(s)` : ''}`;
        bar.backgroundColor = undefined;
        break;
      case 'stale':
        bar.text = `$(warning) ${s.brand ?? 'brandlint'}`;
        bar.tooltip = `brandlint: ${s.message} (${guideName})`;
        bar.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'error':
        bar.text = '$(error) brand.yaml';
        bar.tooltip = `brandlint: ${s.message} (${guideName})`;
        bar.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'loading':
        bar.text = '$(sync~spin) brandlint';
        bar.tooltip = `brandlint: ${s.message}`;
        bar.backgroundColor = undefined;
        break;
      default:
        bar.text = '$(circle-slash) brandlint';
        bar.tooltip = `brandlint: ${s.message}`;
        bar.backgroundColor = undefined;
    }
    bar.show();
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.delete(d.uri.toString())),
    vscode.commands.registerCommand('brandlint.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: FIX_ALL_COMMAND, arguments: [editor.document.uri.toString()] });
    }),
    vscode.commands.registerCommand('brandlint.restartServer', async () => {
      statuses.clear();
      if (client) await client.restart();
      output.appendLine('brandlint: server restarted');
    }),
    vscode.commands.registerCommand('brandlint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('brandlint.createGuide', (folder?: vscode.Uri) => createGuide(context, folder)),
    { dispose: () => void client?.stop() },
    // Last: the client logs to the channel while it stops (deactivate awaits that).
    output,
  );

  await start();
  return { statusFor: (uri: string) => statuses.get(uri) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Write a commented starter brand.yaml into a workspace folder (or open the one that is there). */
async function createGuide(context: vscode.ExtensionContext, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let folder = target && (await isDirectory(target)) ? target : undefined;
  if (!folder) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showErrorMessage('brandlint: open a folder first; brand.yaml goes at its root.');
      return undefined;
    }
    folder = folders.length === 1 ? folders[0]!.uri : (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for brand.yaml' }))?.uri;
  }
  if (!folder) return undefined;
  const file = vscode.Uri.joinPath(folder, 'brand.yaml');
  if (!(await exists(file))) {
    const brand = path.basename(folder.fsPath) || 'Acme';
    const template = fs.readFileSync(context.asAbsolutePath(path.join('samples', 'brand-starter.yaml')), 'utf8');
    await vscode.workspace.fs.writeFile(file, Buffer.from(fillStarter(template, brand, { term: false }), 'utf8'));
  }
  await vscode.window.showTextDocument(file);
  return file;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
