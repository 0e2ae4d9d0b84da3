// Every sample file through the server gives exactly the core's findings (rule and range), with
// the sample guide's tone rules on. Run it against the shipped bundle too:
// BRANDLINT_LS_SERVER=dist/client/server.cjs npx vitest run test/lsp
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageOf, positionAt, ROOT, SERVER_BUILT, TestClient } from './client.js';

const SAMPLES = path.join(ROOT, 'samples');
const files = fs.existsSync(SAMPLES)
  ? fs
      .readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(md|mdx|html|hbs|mjml|txt)$/.test(f))
      .sort()
  : [];

function coreFindings(ws: string, rel: string): { rule: string; start: number; end: number; message: string }[] {
  const script = `const c = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/rules/index.js')).href)});
    const fs = await import('node:fs');
    const g = c.loadGuide(${JSON.stringify(path.join(ws, 'brand.yaml'))});
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    const file = ${JSON.stringify(path.join(ws, rel))};
    const r = c.lintText(file, fs.readFileSync(file, 'utf8'), g.guide, { languageId: ${JSON.stringify(languageOf(rel))} });
    process.stdout.write(JSON.stringify(r.findings));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe.skipIf(!SERVER_BUILT || files.length === 0)('sample copy through brandlint-ls', () => {
  let ws: string;
  let c: TestClient;
  beforeAll(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-samples-'));
    fs.cpSync(SAMPLES, ws, { recursive: true });
    fs.mkdirSync(path.join(ws, '.git'));
    c = await TestClient.start({ folders: [ws] });
  });
  afterAll(async () => {
    await c?.stop();
  });

  for (const rel of files) {
    it(`${rel}: the server's diagnostics are the core's findings`, async () => {
      const text = fs.readFileSync(path.join(ws, rel), 'utf8');
      const expected = coreFindings(ws, rel).map((f) => {
        const s = positionAt(text, f.start);
        const e = positionAt(text, f.end);
        return `${f.rule}@${s.line}:${s.character}-${e.line}:${e.character}`;
      });
      const uri = c.open(path.join(ws, rel), text);
      await c.until(() => c.statuses.has(uri) && c.diagnostics.has(uri), `diagnostics and status for ${rel}`, 20_000);
      const got = c.diagnostics.get(uri)!.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
      expect(got).toEqual(expected);
      c.close(uri);
    });
  }
});
