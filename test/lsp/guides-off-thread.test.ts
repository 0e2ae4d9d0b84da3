// Large guides are read off the request path: while a huge brand.yaml loads, the other documents
// still get diagnostics and hover, and shutdown is answered. Over real stdio LSP. No timings are
// asserted, only what arrives and in which order; the limits are generous.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { covered, SERVER_BUILT, startStoppedAfterEach, TestClient, workspace } from './client.js';

const start = startStoppedAfterEach();
const SMALL = 'brand: Small\nbanned:\n  - phrase: utilize\n    use: use\n';

/** A generated guide of `n` terms; `unknownKey` adds a key the schema does not know to every entry. */
function bigGuide(n: number, unknownKey: boolean): string {
  const out = ['brand: Big', 'terms:'];
  for (let i = 0; i < n; i++) out.push(`  - use: Termname${i}`, unknownKey ? `    bogus: x` : `    not: [term name${i}]`);
  return out.join('\n') + '\n';
}

const banned = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'banned');

describe.skipIf(!SERVER_BUILT)('guides read off the request path', () => {
  it('a 60,000-entry guide with an unknown key in every entry: other documents get diagnostics and hover, shutdown answers', async () => {
    const dir = workspace({ 'big/brand.yaml': bigGuide(60_000, true), 'small/brand.yaml': SMALL });
    const c = await start({ folders: [dir] });
    const events: string[] = [];
    const bigUri = c.open(path.join(dir, 'big/a.md'), 'Termname1 and term name2.\n');
    await c.until(() => c.statuses.get(bigUri)?.state === 'loading', 'the big guide is loading', 60_000);
    const text = 'We utilize it.\n';
    const smallUri = c.open(path.join(dir, 'small/b.md'), text);
    const ds = await c.diagnosticsFor(smallUri, (d) => banned(d).length === 1, 60_000);
    events.push(`small diagnostics while big is ${c.statuses.get(bigUri)?.state}`);
    expect(ds.map((d) => covered(text, d))).toEqual(['utilize']);
    const h = await c.hover(smallUri, 0, 4);
    expect(JSON.stringify(h?.contents)).toContain('`banned`');
    // A document whose guide is still loading answers at once, with nothing.
    expect(await c.hover(bigUri, 0, 2)).toBeNull();
    events.push(`hover answered while big is ${c.statuses.get(bigUri)?.state}`);
    expect(events).toEqual(['small diagnostics while big is loading', 'hover answered while big is loading']);
    // Shutdown is answered while the worker is still reading the guide, and the process exits.
    const shut = await Promise.race([c.conn.sendRequest('shutdown').then(() => 'answered'), new Promise((r) => setTimeout(() => r('no answer in 20 s'), 20_000))]);
    expect(shut).toBe('answered');
    c.conn.sendNotification('exit');
    const code = await new Promise((r) => (c.proc.exitCode !== null ? r(c.proc.exitCode) : c.proc.once('exit', r)));
    expect(code).toBe(0);
  }, 120_000);

  it('a large guide loads in the worker: its problems at their place, then, once repaired, its findings', async () => {
    const good = bigGuide(15_000, false).replace('brand: Big\n', 'brand: Big\nbanned:\n  - phrase: utilize\n    use: use\n');
    const dir = workspace({ 'brand.yaml': good.replace('    use: use\n', '    use: use\n    becaus: typo\n') });
    const c: TestClient = await start({ folders: [dir] });
    const text = 'We utilize Termname7 and term name12.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    await c.until(() => c.statuses.get(uri)?.state === 'loading', 'the guide is loading', 60_000);
    // The guide's own problem (an unknown key) is on brand.yaml, at its place.
    const guideFile = path.join(dir, 'brand.yaml');
    const guideUri = pathToFileURL(guideFile).href;
    const gd = await c.diagnosticsFor(guideUri, (d) => d.length > 0, 120_000);
    expect(gd.map((d) => [d.range.start.line, d.code])).toEqual([[4, 'guide']]);
    await c.until(() => c.statuses.get(uri)?.state === 'error', 'status error', 60_000);
    fs.writeFileSync(guideFile, good);
    c.fileChanged(guideFile);
    const ds = await c.diagnosticsFor(uri, (d) => d.length >= 2, 120_000);
    expect(ds.map((d) => covered(text, d)).sort()).toEqual(['term name12', 'utilize']);
    await c.until(() => c.statuses.get(uri)?.state === 'ok', 'status ok');
    await c.diagnosticsFor(guideUri, (d) => d.length === 0);
  }, 300_000);
});
