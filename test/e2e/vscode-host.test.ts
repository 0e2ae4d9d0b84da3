// The extension-host test: code-server's `payload` runner loads the extension from this folder
// (extensionDevelopmentPath) and runs test/e2e/vscode/suite.cjs inside the Node extension host,
// as @vscode/test-electron would (which cannot download VS Code here; see npm run test:electron).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../lsp/client.js';
import { copyWorkspace, HAVE_CODE_SERVER, launchBrowser, SKIP_REASON, startCodeServer, type CodeServer } from './codeserver.js';

if (!HAVE_CODE_SERVER) console.warn(`test/e2e/vscode-host: skipped, ${SKIP_REASON}`);

describe.skipIf(!HAVE_CODE_SERVER)(`VS Code extension host (code-server payload runner)${HAVE_CODE_SERVER ? '' : ` — skipped: ${SKIP_REASON}`}`, () => {
  let cs: CodeServer;
  beforeAll(async () => {
    const b = spawnSync(process.execPath, ['client/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(b.stderr);
    cs = await startCodeServer();
  }, 120_000);
  afterAll(async () => {
    await cs?.stop();
  });

  it('diagnostics, status, commands, settings, code actions, fix all, create brand.yaml and a broken guide through the vscode API', async () => {
    const ws = copyWorkspace(path.join(ROOT, 'samples'));
    const remote = (p: string) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(ROOT, 'test/e2e/vscode/suite.cjs'))],
    ]);
    const browser = await launchBrowser(cs.run);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const out = path.join(ws, '.e2e-result.json');
    try {
      await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
      const end = Date.now() + 150_000;
      while (!fs.existsSync(out) && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
    } finally {
      await browser.close();
    }
    expect(fs.existsSync(out), `no verdict from the extension host; code-server log:\n${cs.log().slice(-3000)}`).toBe(true);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    const names = result.checks.map((c: string | { name: string }) => (typeof c === 'string' ? c : c.name));
    expect(names).toEqual(['activated', 'diagnostics', 'status', 'commands', 'settings', 'codeActions', 'fixAll', 'createGuide', 'brokenGuide']);
  }, 200_000);
});
