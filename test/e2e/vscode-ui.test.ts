// VS Code end to end: the packaged .vsix in code-server, driven in headless chromium like a user:
// open samples/, open a Markdown file, see the squiggle and the Problems entry with the brand's
// message, apply the quick fix with the keyboard, see the text change and the diagnostic go.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../lsp/client.js';
import { buildVsix, copyWorkspace, HAVE_CODE_SERVER, launchBrowser, OUTPUT, SKIP_REASON, startCodeServer, type CodeServer } from './codeserver.js';

if (!HAVE_CODE_SERVER) console.warn(`test/e2e/vscode-ui: skipped, ${SKIP_REASON}`);

describe.skipIf(!HAVE_CODE_SERVER)(`VS Code (code-server + chromium) with the packaged extension${HAVE_CODE_SERVER ? '' : ` — skipped: ${SKIP_REASON}`}`, () => {
  let cs: CodeServer;
  let ws: string;
  beforeAll(async () => {
    const vsix = buildVsix();
    ws = copyWorkspace(path.join(ROOT, 'samples'));
    cs = await startCodeServer({ vsix });
  }, 180_000);
  afterAll(async () => {
    await cs?.stop();
  });

  it('squiggle, Problems entry, keyboard quick fix, text changes and the diagnostic goes', async () => {
    // What the core says about the file (in a plain Node process, as the server runs it): the test
    // follows the product, not a copy of its output.
    const file = path.join(ws, 'blog/launch.md');
    const source = fs.readFileSync(file, 'utf8');
    const script = `const c = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/rules/index.js')).href)});
      const g = c.loadGuide(${JSON.stringify(path.join(ws, 'brand.yaml'))});
      if (!g.ok) throw new Error(JSON.stringify(g.problems));
      const src = ${JSON.stringify(source)};
      const r = c.lintText(${JSON.stringify(file)}, src, g.guide, {});
      process.stdout.write(JSON.stringify(r.findings));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const findings = JSON.parse(run.stdout) as {
      rule: string;
      message: string;
      line: number;
      column: number;
      start: number;
      end: number;
      fixes: { title: string; edits: { start: number; end: number; text: string }[] }[];
    }[];
    const target = findings.find(
      (f) => f.rule === 'banned' && f.fixes.length === 1 && !findings.some((o) => o !== f && o.start < f.end && f.start < o.end),
    )!;
    expect(target).toBeDefined();
    const edit = target.fixes[0]!.edits[0]!;
    expect(target.fixes[0]!.edits.length).toBe(1);
    const fixed = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
    const fixedLine = fixed.split('\n')[target.line - 1]!;
    const sameMessage = findings.filter((f) => f.message === target.message).length;

    const browser = await launchBrowser(cs.run);
    const page = browser.pages()[0] ?? (await browser.newPage());
    try {
      await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      const row = (name: string) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${name}$`) });
      await row('blog').first().click({ timeout: 30_000 });
      await row('launch.md').first().dblclick({ timeout: 30_000 });
      await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error', { timeout: 60_000 });

      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel .monaco-list-row', { hasText: target.message });
      await problems.first().waitFor({ timeout: 30_000 });
      expect(await problems.count()).toBe(sameMessage);
      expect(await page.locator('.markers-panel .monaco-list-row', { hasText: 'brandlint' }).count()).toBeGreaterThan(3);
      fs.mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'vscode-problems.png') });

      // Keyboard only: go to the finding, open the quick fixes, take the preferred one.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.keyboard.type(`${target.line}:${target.column + 1}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      const widget = page.locator('.action-widget');
      await widget.locator('.monaco-list-row', { hasText: target.fixes[0]!.title }).first().waitFor({ timeout: 20_000 });
      await page.keyboard.press('Enter');

      const lineText = async () =>
        (await page.locator('.monaco-editor .view-line').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
      await expect.poll(lineText, { timeout: 20_000 }).toContain(fixedLine);
      await expect.poll(() => problems.count(), { timeout: 20_000 }).toBe(sameMessage - 1);
      await page.screenshot({ path: path.join(OUTPUT, 'vscode-quickfix.png') });
    } catch (err) {
      await page.screenshot({ path: path.join(OUTPUT, 'vscode-ui-failure.png') }).catch(() => undefined);
      throw new Error(`${err instanceof Error ? err.message : String(err)}\ncode-server log:\n${cs.log().slice(-3000)}`);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
