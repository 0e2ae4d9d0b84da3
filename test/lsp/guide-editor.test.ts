// Help while editing brand.yaml, from the language server alone, over real LSP stdio.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, MarkupContent } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, SERVER_BUILT, startStoppedAfterEach, workspace } from './client.js';

const start = startStoppedAfterEach();
const GUIDE = 'brand: Acme\nterms:\n  - use: GitHub\n    not: [Git Hub]\nbanned:\n  - phrase: utilize\n    use: use\n  - phrase: synergy\n';

async function complete(c: Awaited<ReturnType<typeof start>>, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const r = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[] | CompletionList | null;
  return Array.isArray(r) ? r : (r?.items ?? []);
}

describe.skipIf(!SERVER_BUILT)('brand.yaml in the editor', () => {
  it('completes keys with their documentation, and enum values', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = 'brand: Acme\nterms:\n  - use: GitHub\n    \ntone:\n  passive-voice: \n';
    const uri = c.open(path.join(dir, 'brand.yaml'), text, 'yaml');
    const keys = await complete(c, uri, 3, 4);
    expect(keys.map((k) => k.label)).toEqual(expect.arrayContaining(['not', 'trademark', 'level', 'because']));
    expect(keys.map((k) => k.label)).not.toContain('use');
    expect((keys.find((k) => k.label === 'trademark')!.documentation as MarkupContent).value).toMatch(/first mention/);
    const values = await complete(c, uri, 5, 17);
    expect(values.map((v) => v.label)).toEqual(expect.arrayContaining(['error', 'warning', 'info', 'hint', 'off']));
    // Copy files get no guide completion.
    const md = c.open(path.join(dir, 'a.md'), 'Hello\n');
    expect(await complete(c, md, 0, 2)).toEqual([]);
  });

  it("hovers a key with its documentation, and an entry with what it finds in the open documents", async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const a = c.open(path.join(dir, 'a.md'), 'We utilize it. We utilize Git Hub.\n');
    const b = c.open(path.join(dir, 'b.md'), 'We utilize it.\n');
    const quiet = c.open(path.join(dir, 'c.md'), 'Nothing to see.\n');
    await c.diagnosticsFor(a, (d) => d.length === 3);
    await c.diagnosticsFor(quiet);
    await c.diagnosticsFor(b, (d) => d.length === 1);
    const uri = c.open(path.join(dir, 'brand.yaml'), GUIDE, 'yaml');
    const key = await c.hover(uri, 3, 6);
    expect((key!.contents as MarkupContent).value).toMatch(/\*\*not\*\*/);
    const banned = await c.hover(uri, 5, 15);
    expect((banned!.contents as MarkupContent).value).toMatch(/This banned entry: \*\*3 findings\*\* in 2 of the 3 open documents/);
    const term = await c.hover(uri, 2, 10);
    expect((term!.contents as MarkupContent).value).toMatch(/This term: \*\*1 finding\*\* in 1 of the 3/);
    const unused = await c.hover(uri, 7, 15);
    expect((unused!.contents as MarkupContent).value).toMatch(/\*\*0 findings\*\*/);
  });

  it('quick-fixes a misspelt key and a repeated key', async () => {
    const bad = 'brand: Acme\nbanned:\n  - phrase: utilize\n    becuase: Plain words.\n    use: use\n';
    const dir = workspace({ 'brand.yaml': bad });
    const c = await start({ folders: [dir] });
    const uri = c.open(path.join(dir, 'brand.yaml'), bad, 'yaml');
    const ds = await c.diagnosticsFor(uri, (d) => d.some((x) => /becuase/.test(x.message)));
    const d = ds.find((x) => /becuase/.test(x.message))!;
    const actions = await c.codeActions(uri, d.range, [d]);
    expect(actions[0]!.title).toBe('Change to "because"');
    expect(applyTextEdits(bad, editsFor(actions[0]!.edit, uri))).toBe(bad.replace('becuase', 'because'));

    const dup = 'brand: Acme\nbanned:\n  - phrase: foo\n    use: bar\n    use:\n      - baz\n      - qux\n    because: x\n';
    c.replace(uri, dup);
    const ds2 = await c.diagnosticsFor(uri, (x) => x.some((y) => /duplicate key/.test(y.message)));
    const d2 = ds2.find((x) => /duplicate key/.test(x.message))!;
    const a2 = await c.codeActions(uri, d2.range, [d2]);
    expect(a2[0]!.title).toBe('Remove the repeated key');
    expect(applyTextEdits(dup, editsFor(a2[0]!.edit, uri))).toBe('brand: Acme\nbanned:\n  - phrase: foo\n    use: bar\n    because: x\n');
  });

  it('says "indentation" and squiggles the whole line of a mis-indented key', async () => {
    const bad = 'brand: Acme\nbanned:\n  - phrase: utilize\n   use: use\n';
    const dir = workspace({ 'brand.yaml': 'brand: Acme\n' });
    const c = await start({ folders: [dir] });
    const uri = c.open(path.join(dir, 'brand.yaml'), bad, 'yaml');
    const ds = await c.diagnosticsFor(uri, (d) => d.length > 0);
    expect(ds[0]!.message).toMatch(/^indentation: "use" is indented 3 spaces/);
    expect(ds[0]!.range).toEqual({ start: { line: 3, character: 3 }, end: { line: 3, character: 11 } });
  });
});

describe.skipIf(!SERVER_BUILT)('the status of brand.yaml itself', () => {
  it('is sent for the open guide: ok with the brand, error while it is broken', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const uri = c.open(path.join(dir, 'brand.yaml'), GUIDE, 'yaml');
    await c.until(() => c.statuses.get(uri)?.state === 'ok', 'ok status on brand.yaml');
    expect(c.statuses.get(uri)).toMatchObject({ state: 'ok', brand: 'Acme' });
    c.replace(uri, 'brand: Acme\nterms:\n  - usee: X\n');
    await c.until(() => c.statuses.get(uri)?.state === 'error', 'error status on brand.yaml');
    expect(c.statuses.get(uri)!.message).toMatch(/^\d+ problems? in brand\.yaml$/);
  });
});
