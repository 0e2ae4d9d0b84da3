// Reliability of the language server over stdio, driven by the test client an editor stands in for:
// hostile patterns and guides, malformed and unknown requests, 10,000 edits, odd documents.
// (test/lsp/server.test.ts covers an injected fault in one document and a guide with an unknown key.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { covered, offsetAt, positionAt, SERVER_BUILT, startStoppedAfterEach, TestClient, workspace } from '../lsp/client.js';
import { ensureBuilt } from '../helpers/hostile.js';

beforeAll(() => ensureBuilt(), 180_000);

const startClient = startStoppedAfterEach();
const start = (folder: string): Promise<TestClient> => startClient({ folders: [folder] });

const GUIDE = 'brand: Acme\nbanned:\n  - phrase: utilize\n    use: use\nterms:\n  - use: GitHub\n    not: [Git Hub]\n';
const banned = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'banned');

/** Resident set size of a process in bytes (Linux /proc; undefined elsewhere). */
function rss(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

describe.skipIf(!SERVER_BUILT)('brandlint-ls reliability', () => {
  it("'(a+)+$' over 50 KB of \"a\": diagnostics arrive, and the server keeps answering", async () => {
    const dir = workspace({ 'brand.yaml': "banned:\n  - pattern: '(a+)+$'\n" });
    const c = await start(dir);
    const text = `${'a'.repeat(50_000)}\n`;
    const t0 = performance.now();
    const uri = c.open(path.join(dir, 'a.md'), text);
    const ds = await c.diagnosticsFor(uri, (d) => d.length > 0, 60_000);
    const ms = performance.now() - t0;
    expect(ds.map((d) => covered(text, d).length)).toEqual([50_000]);
    expect(await c.hover(uri, 0, 10)).not.toBeNull();
    console.log(`(a+)+$ over 50 KB in the server: open to diagnostics ${ms.toFixed(0)} ms (debounce included)`);
  });

  it('unknown requests get MethodNotFound; malformed params get an error or nothing, never a crash', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start(dir);
    const uri = c.open(path.join(dir, 'a.md'), 'We utilize it.\n');
    await c.diagnosticsFor(uri, (d) => banned(d).length === 1);

    await expect(c.conn.sendRequest('brandlint/noSuchThing', { x: 1 })).rejects.toMatchObject({ code: -32601 });
    await expect(c.conn.sendRequest('textDocument/noSuchThing', {})).rejects.toMatchObject({ code: -32601 });
    // Params of the wrong shape, unknown documents, positions far outside the text.
    const odd: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 1e9, character: -5 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{}] } }],
      ['textDocument/diagnostic', { textDocument: { uri: 'not a uri' } }],
      ['workspace/executeCommand', { command: 'brandlint.fixAll', arguments: [42, null, { uri: 7 }] }],
      ['workspace/executeCommand', { command: 'brandlint.noSuchCommand' }],
      ['codeAction/resolve', { title: 'x', data: { garbage: true } }],
    ];
    for (const [method, params] of odd) {
      const outcome = await c.conn.sendRequest(method, params).then(
        () => 'answered',
        (e: { code?: number }) => (typeof e.code === 'number' ? 'error' : 'rejected'),
      );
      expect(['answered', 'error'], `${method} ${JSON.stringify(params)}`).toContain(outcome);
    }
    // Notifications with garbage are ignored.
    c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    c.conn.sendNotification('textDocument/didOpen', { textDocument: null });
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: 'nope' });
    c.conn.sendNotification('brandlint/unknownNotification', [1, 2, 3]);
    // Still alive and exact.
    c.replace(uri, 'We utilize GitHub and utilize it.\n');
    const ds = await c.diagnosticsFor(uri, (d) => banned(d).length === 2);
    expect(ds.length).toBe(2);
    expect(c.proc.exitCode).toBeNull();
  });

  it('bytes that are not JSON-RPC: the server answers the next valid request', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start(dir);
    const uri = c.open(path.join(dir, 'a.md'), 'We utilize it.\n');
    await c.diagnosticsFor(uri, (d) => banned(d).length === 1);
    // A well-framed message whose body is not JSON, then one that is JSON but not JSON-RPC.
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    c.proc.stdin.write(frame('{this is not json'));
    c.proc.stdin.write(frame('[1,2,3]'));
    c.proc.stdin.write(frame('{"jsonrpc":"2.0","id":"x","method":7}'));
    await new Promise((r) => setTimeout(r, 300));
    expect(c.proc.exitCode).toBeNull();
    expect(await c.hover(uri, 0, 4)).not.toBeNull();
  });

  it('10,000 edits to one document leave RSS within 20 MB of where it started', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start(dir);
    const para = 'We utilize GitHub to ship copy that reads well. The team writes every day.\n\n';
    const file = path.join(dir, 'long.md');
    const uri = c.open(file, para.repeat(50));
    await c.diagnosticsFor(uri, (d) => banned(d).length === 50, 30_000);
    // Warm up (JIT, caches), then measure.
    for (let i = 0; i < 200; i++) typeAt(c, uri, i);
    markEnd(c, uri, 1);
    await settle(c, uri);
    const before = rss(c.proc.pid!);
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      typeAt(c, uri, i);
      if (i % 500 === 499) await new Promise((r) => setTimeout(r, 20)); // let the server read, as typing would
    }
    markEnd(c, uri, 2);
    await settle(c, uri);
    await new Promise((r) => setTimeout(r, 1000));
    const after = rss(c.proc.pid!);
    const ds = c.diagnostics.get(uri)!;
    // The last version is linted exactly: every "utilize" in the final text, no more.
    const final = c.text(uri);
    expect(banned(ds).map((d) => covered(final, d))).toEqual(final.match(/utilize/g)!.map(() => 'utilize'));
    if (before === undefined || after === undefined) return; // no /proc: nothing to measure
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(`10,000 edits in ${((performance.now() - t0) / 1000).toFixed(1)} s: server RSS ${mb(before)} MB → ${mb(after)} MB (${after >= before ? '+' : ''}${mb(after - before)} MB)`);
    expect(after - before).toBeLessThan(20 * 1024 * 1024);
  }, 300_000);

  it('a guide that cannot load (alias bomb, extends outside the repository or naming a FIFO, a NUL byte, deep nesting) leaves the last good guide in force and says why', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    // A FIFO, as an unpacked archive can hold: reading it would block the guide loader forever.
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const c = await start(dir);
    const text = 'We utilize GitHub.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    await c.diagnosticsFor(uri, (d) => banned(d).length === 1);
    const guideFile = path.join(dir, 'brand.yaml');
    const guideUri = pathToFileURL(guideFile).href;
    const bad: [string, RegExp][] = [
      [`${fs.readFileSync(path.resolve(__dirname, '../fixtures/guides/alias-bomb.yaml'), 'utf8')}`, /alias/],
      [`${GUIDE}extends: ../../../../etc/hostname\n`, /outside the repository/],
      [`${GUIDE}extends: ./pipe.yaml\n`, /named pipe \(FIFO\), not a regular file/],
      [`${GUIDE}# a note\u0000\n`, /control character NUL/],
      [`${GUIDE}allow: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, /./],
    ];
    for (const [broken, why] of bad) {
      fs.writeFileSync(guideFile, broken);
      c.fileChanged(guideFile);
      await c.until(() => c.statuses.get(uri)?.state === 'stale', 'stale status', 20_000);
      expect(c.statuses.get(uri)!.message).toMatch(/last good/);
      // The problems are on brand.yaml, saying why.
      const gds = await c.diagnosticsFor(guideUri, (d) => d.some((x) => x.severity === 1 && why.test(typeof x.message === 'string' ? x.message : x.message.value)), 20_000);
      expect(gds[0]!.code).toBe('guide');
      // The copy is still checked with the last good guide.
      c.replace(uri, `${text}We utilize it again.\n`);
      await c.diagnosticsFor(uri, (d) => banned(d).length === 2);
      c.replace(uri, text);
      await c.diagnosticsFor(uri, (d) => banned(d).length === 1);
      fs.writeFileSync(guideFile, GUIDE);
      c.fileChanged(guideFile);
      await c.until(() => c.statuses.get(uri)?.state === 'ok', 'ok status', 20_000);
    }
    expect(c.proc.exitCode).toBeNull();
  }, 180_000);

  it('odd documents keep exact UTF-16 ranges in the editor (CRLF, lone CR, astral, combining, RTL, BOM)', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start(dir);
    const docs: [string, string][] = [
      ['crlf.md', 'Line one\r\nWe utilize\r\nGit Hub.\r\n'],
      ['cr.md', 'Line one\rWe utilize\rGit Hub.\r'],
      ['astral.md', '😀👩‍👩‍👧 We 𝕏 utilize 🎉 Git Hub.\n'],
      ['combining.html', '<p>Cafe\u0301 nai\u0308ve: we utilize Git Hub.</p>\n'],
      ['rtl.txt', 'שלום utilize مرحبا \u202Eutilize\u202C Git Hub.\n'],
      ['bom.md', '\uFEFFWe utilize Git Hub.\n'],
      ['tabs.mdx', '\tWe\tutilize\tGit Hub.\n'],
    ];
    for (const [name, text] of docs) {
      const uri = c.open(path.join(dir, name), text);
      const ds = await c.diagnosticsFor(uri, (d) => banned(d).length > 0, 20_000);
      for (const d of ds) {
        const t = covered(text, d);
        expect(['utilize', 'Git Hub'], `${name} ${JSON.stringify(d.range)}`).toContain(t);
        // The range round-trips through offsets.
        expect(positionAt(text, offsetAt(text, d.range.start))).toEqual(d.range.start);
      }
      expect(ds.filter((d) => covered(text, d) === 'Git Hub').length, name).toBe(1);
    }
  });

  it('a binary or oversize document does not stall the others', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start(dir);
    c.open(path.join(dir, 'binary.md'), 'We utilize\u0000\u0000 it.\n');
    c.open(path.join(dir, 'huge.md'), 'We utilize it. '.repeat(200_000)); // 3 MB
    const good = c.open(path.join(dir, 'good.md'), 'We utilize it.\n');
    await c.diagnosticsFor(good, (d) => banned(d).length === 1, 120_000);
    expect(await c.hover(good, 0, 4)).not.toBeNull();
  }, 180_000);

  // The CLI skips these with one notice (test/cli/hostile-input.test.ts); the server skips them too.
  it('a binary or oversize document is skipped with a status that says why', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start(dir);
    const bin = c.open(path.join(dir, 'binary.md'), 'We utilize\u0000\u0000 it.\n');
    const huge = c.open(path.join(dir, 'huge.md'), 'We utilize it. '.repeat(200_000));
    await c.until(() => c.statuses.get(bin)?.state === 'skipped' && c.statuses.get(huge)?.state === 'skipped', 'skipped statuses', 15_000);
    expect(c.statuses.get(bin)!.message).toMatch(/binary/);
    expect(c.statuses.get(huge)!.message).toMatch(/larger|size|limit/);
  }, 120_000);
});

/** Insert or delete one character near the start of paragraph `i % 50` (typing and backspace). */
function typeAt(c: TestClient, uri: string, i: number): void {
  const line = (Math.floor(i / 2) % 50) * 2;
  const pos = { line, character: 3 };
  if (i % 2 === 0) c.edit(uri, [{ range: { start: pos, end: pos }, newText: 'x' }]);
  else c.edit(uri, [{ range: { start: pos, end: { line, character: 4 } }, newText: '' }]);
}

/** One more edit that only the final version has (so its diagnostics tell it apart). */
function markEnd(c: TestClient, uri: string, n: number): void {
  const text = c.text(uri);
  const end = positionAt(text, text.length);
  c.edit(uri, [{ range: { start: end, end }, newText: `${'We utilize it. '.repeat(n)}\n` }]);
}

/** Wait until the server has published diagnostics for the document's current text. */
async function settle(c: TestClient, uri: string): Promise<void> {
  const want = c.text(uri);
  await c.until(() => {
    const ds = c.diagnostics.get(uri);
    return !!ds && banned(ds).length === (want.match(/utilize/g) ?? []).length && banned(ds).every((d) => covered(want, d) === 'utilize');
  }, 'diagnostics for the final text', 120_000);
}
