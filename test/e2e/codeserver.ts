// code-server (VS Code 1.100 in a browser, with a real Node extension host) driven by Debian's
// chromium through playwright-core, both from e2e-editor/ (see its install.sh). Every run gets
// its own user-data, extensions and XDG folders and a copy of the workspace.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from '../lsp/client.js';

export const E2E_DIR = path.join(ROOT, 'e2e-editor');
export const CODE_SERVER = path.join(E2E_DIR, 'node_modules/.bin/code-server');
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const HAVE_PLAYWRIGHT = fs.existsSync(path.join(E2E_DIR, 'node_modules/playwright-core/package.json'));
export const HAVE_CODE_SERVER = fs.existsSync(CODE_SERVER) && !!CHROMIUM && HAVE_PLAYWRIGHT;
export const SKIP_REASON = !fs.existsSync(CODE_SERVER)
  ? 'code-server is not installed (run e2e-editor/install.sh)'
  : !CHROMIUM
    ? 'chromium is not installed (apt-get install chromium)'
    : 'playwright-core is not installed (run e2e-editor/install.sh)';
export const OUTPUT = path.join(ROOT, 'test-output');

export type Playwright = typeof import('playwright-core');
export function playwright(): Playwright {
  return createRequire(path.join(E2E_DIR, 'package.json'))('playwright-core') as Playwright;
}

/** Build the bundles and the .vsix the way `npm run package` does, into test-output/. */
export function buildVsix(): string {
  const vsix = path.join(OUTPUT, 'brandlint-e2e.vsix');
  fs.mkdirSync(OUTPUT, { recursive: true });
  const b = spawnSync(process.execPath, ['client/build.mjs', '--production'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`client build failed: ${b.stderr}`);
  const p = spawnSync(process.execPath, ['client/package.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, VSIX_OUT: vsix } });
  if (p.status !== 0) throw new Error(`vsce package failed: ${p.stdout}\n${p.stderr}`);
  return vsix;
}

/** A fresh copy of `from` (plus extra files) in a temp folder. */
export function copyWorkspace(from: string, extra: Record<string, string> = {}): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-ws-'));
  fs.cpSync(from, ws, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), text);
  }
  return ws;
}

export interface CodeServer {
  url: string;
  port: number;
  run: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** `trust`: workspace trust on, every folder untrusted and opened in restricted mode without asking. */
export async function startCodeServer(opts: { vsix?: string; settings?: Record<string, unknown>; trust?: boolean } = {}): Promise<CodeServer> {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-cs-'));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(run, 'xdg-config'),
    XDG_DATA_HOME: path.join(run, 'xdg-data'),
    XDG_CACHE_HOME: path.join(run, 'xdg-cache'),
    HOME: path.join(run, 'home'),
  };
  fs.mkdirSync(env.HOME, { recursive: true });
  const userDir = path.join(run, 'ud/User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': !!opts.trust,
        ...(opts.trust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {}),
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
        'editor.hover.delay': 100,
        ...opts.settings,
      },
      null,
      2,
    ),
  );
  const common = ['--extensions-dir', path.join(run, 'exts'), '--user-data-dir', path.join(run, 'ud')];
  if (opts.vsix) {
    const inst = spawnSync(CODE_SERVER, [...common, '--install-extension', opts.vsix], { env, encoding: 'utf8', timeout: 60_000 });
    if (inst.status !== 0) throw new Error(`installing the vsix failed: ${inst.stdout}\n${inst.stderr}`);
  }
  let out = '';
  const proc: ChildProcess = spawn(
    CODE_SERVER,
    [
      ...common,
      '--bind-addr',
      '127.0.0.1:0',
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(opts.trust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`code-server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    proc.stderr!.on('data', check);
    proc.on('exit', (code) => reject(new Error(`code-server exited (${code}):\n${out}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    run,
    log: () => out,
    stop: async () => {
      // code-server and its extension host share the process group we created.
      try {
        process.kill(-proc.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

export async function launchBrowser(run: string) {
  const { chromium } = playwright();
  // A persistent context, because playwright refuses --user-data-dir for launch().
  return chromium.launchPersistentContext(path.join(run, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
