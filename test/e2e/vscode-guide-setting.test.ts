// The brandlint.guide setting through the real client: a workspace's .vscode/settings.json points it
// outside the workspace folder, in a real VS Code extension host (code-server's payload runner, as in
// vscode-host.test.ts); test/e2e/vscode/guide-setting-suite.cjs checks it through the vscode API.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../lsp/client.js';
import { HAVE_CODE_SERVER, launchBrowser, SKIP_REASON, startCodeServer, type CodeServer } from './codeserver.js';

if (!HAVE_CODE_SERVER) console.warn(`test/e2e/vscode-guide-setting: skipped, ${SKIP_REASON}`);

/** <parent>/ws with brand.yaml and a .vscode/settings.json that says ../outside.yaml, beside <parent>/outside.yaml. */
function makeWorkspace(untrusted: boolean): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-guide-setting-'));
  const ws = path.join(parent, 'ws');
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.mkdirSync(path.join(ws, '.git'));
  fs.writeFileSync(path.join(parent, 'outside.yaml'), 'brand: Outside\nbanned:\n  - phrase: secretword\n    because: the outside file was read\n');
  fs.writeFileSync(path.join(ws, 'brand.yaml'), 'brand: Inside\nbanned:\n  - phrase: utilize\n    use: use\n');
  fs.writeFileSync(path.join(ws, 'a.md'), 'We utilize secretword.\n');
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'brandlint.guide': '../outside.yaml' }));
  if (untrusted) fs.writeFileSync(path.join(ws, '.e2e-untrusted'), '');
  return ws;
}

/** Run the suite in the extension host on `ws`; its checks, by name. */
async function runSuite(cs: CodeServer, ws: string): Promise<string[]> {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(path.join(ROOT, 'test/e2e/vscode/guide-setting-suite.cjs'))],
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
  return result.checks.map((c: string | { name: string }) => (typeof c === 'string' ? c : c.name));
}

for (const trust of [false, true]) {
  describe.skipIf(!HAVE_CODE_SERVER)(`brandlint.guide in a real VS Code${trust ? ', untrusted workspace' : ''}${HAVE_CODE_SERVER ? '' : ` — skipped: ${SKIP_REASON}`}`, () => {
    let cs: CodeServer;
    beforeAll(async () => {
      const b = spawnSync(process.execPath, ['client/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      if (b.status !== 0) throw new Error(b.stderr);
      cs = await startCodeServer({ trust });
    }, 120_000);
    afterAll(async () => {
      await cs?.stop();
    });

    if (!trust) {
      it('a workspace setting that points outside the folder is refused; one inside works; brand.yaml has a status', async () => {
        expect(await runSuite(cs, makeWorkspace(false))).toEqual(['activated', 'outsideRefused', 'guideStatus', 'insideGuide', 'restart']);
        // The extension host's log: no second collection of one name, no write to a closed channel.
        const logDir = path.join(cs.run, 'ud/logs');
        const logs = (fs.readdirSync(logDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.log')).map((f) => fs.readFileSync(path.join(logDir, f), 'utf8'));
        expect(logs.join('\n').length).toBeGreaterThan(0);
        for (const bad of ["DiagnosticCollection with name 'brandlint'", 'Channel has been closed']) expect(logs.filter((l) => l.includes(bad))).toEqual([]);
      }, 200_000);
    } else {
      it('an untrusted workspace cannot set brandlint.guide (a restricted configuration): the nearest brand.yaml is used', async () => {
        expect(await runSuite(cs, makeWorkspace(true))).toEqual(['untrusted', 'nearestGuide']);
      }, 200_000);
    }
  });
}
