// Guide examples as diagnostics on brand.yaml, and typing into a long document through
// the real server (the incremental lint path), both over stdio.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lintText, loadGuide } from '../../rules/index.js';
import { covered, SERVER_BUILT, startStoppedAfterEach, workspace } from './client.js';

const GUIDE = `brand: Acme
banned:
  # bad "We utilize it." passes through: the entry does not catch it
  - phrase: utilise
    use: use
    examples:
      bad: ["We utilize it."]
      good: ["We use it."]
  - phrase: leverage
    examples:
      bad: [We leverage data.]
      good:
        - Our leverage ratio is low.
terms:
  - use: GitHub
    examples: { bad: [We love Github.], good: [We love GitHub.] }
`;

const start = startStoppedAfterEach();

const ofCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe.skipIf(!SERVER_BUILT)(`brandlint-ls${SERVER_BUILT ? '' : ' — skipped: run npm run build first (dist/server)'}`, () => {
  it('failing guide examples are diagnostics on the example in brand.yaml; fixing them clears them', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const guideFile = path.join(dir, 'brand.yaml');
    const guideUri = pathToFileURL(guideFile).href;
    c.open(path.join(dir, 'a.md'), 'We utilise it.\n');
    const ds = await c.diagnosticsFor(guideUri, (d) => ofCode(d, 'examples').length === 2);
    const ex = ofCode(ds, 'examples').sort((a, b) => a.range.start.line - b.range.start.line);
    // The utilise entry's bad example does not trigger it; the leverage entry's good one does.
    expect(covered(GUIDE, ex[0]!)).toBe('"We utilize it."');
    expect(ex[0]!.range.start.line).toBe(6);
    expect(ex[0]!.message).toMatch(/bad example "We utilize it\." does not trigger banned "utilise"/);
    expect(covered(GUIDE, ex[1]!)).toBe('Our leverage ratio is low.');
    expect(ex[1]!.message).toMatch(/good example "Our leverage ratio is low\." triggers banned "leverage"/);
    expect(ex.every((d) => d.source === 'brandlint' && d.severity === 1)).toBe(true);
    // The passing term examples say nothing.
    expect(ds.some((d) => /GitHub/.test(String(d.message)))).toBe(false);

    // Repair both in the (unsaved) buffer: the diagnostics go.
    const fixed = GUIDE.replace('bad: ["We utilize it."]', 'bad: ["We utilise it."]').replace('- Our leverage ratio is low.', '- We use data.');
    c.open(guideFile, GUIDE, 'yaml');
    c.replace(guideUri, fixed);
    await c.diagnosticsFor(guideUri, (d) => ofCode(d, 'examples').length === 0);
  });

  it('typing into a long document: every keystroke gets the full lint result', async () => {
    const guide = 'brand: Acme\nbanned:\n  - phrase: utilize\n    use: use\ntone:\n  passive-voice: warning\n  exclamations: { max: 1 }\n  reading-grade: { max: 9 }\n';
    const dir = workspace({ 'brand.yaml': guide });
    const c = await start({ folders: [dir], settings: { '': { debounce: 0 } } });
    const file = path.join(dir, 'long.md');
    const paras = Array.from({ length: 200 }, (_, i) => `Paragraph ${i}: it was decided that we utilize the tools!`);
    let text = `# Long\n\n${paras.join('\n\n')}\n`;
    const uri = c.open(file, text);
    await c.diagnosticsFor(uri, (d) => d.length > 0);
    const loaded = loadGuide(path.join(dir, 'brand.yaml'));
    if (!loaded.ok) throw new Error('guide');
    const typed = ' We utilize it! ```\n\n<!-- brandlint-disable -->\n';
    let at = text.indexOf('Paragraph 100:') + 'Paragraph 100:'.length;
    for (const ch of typed) {
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      c.replace(uri, text);
      // The server's diagnostics must come to equal a full lint of this very text (or time out).
      const want = lintText(file, text, loaded.guide).findings.map((f) => `${f.rule}@${f.start}-${f.end}:${f.message}`).sort().join('\n');
      const key = (ds: Diagnostic[]) =>
        ds.map((d) => `${d.code}@${(d.data as { start: number }).start}-${(d.data as { end: number }).end}:${d.message}`).sort().join('\n');
      const got = await c.diagnosticsFor(uri, (ds) => key(ds) === want);
      expect(key(got)).toBe(want);
    }
  });
});
