// The real language server over stdio, driven the way an editor drives it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { bundleIsCurrent } from '../../bin/bundle-current.js';
import { applyTextEdits, covered, editsFor, offsetAt, positionAt, ROOT, SERVER_BUILT, startStoppedAfterEach, workspace } from './client.js';

const GUIDE = `# Acme brand guide (test)
brand: Acme
docs: https://brand.acme.example/voice

terms:
  - use: GitHub
    not: [Git Hub]

banned:
  - phrase: utilize
    use: use
    because: Plain words read faster.
  - phrase: leverage
    use: [use, apply]

allow:
  - synergy   # keep me
`;

const start = startStoppedAfterEach();

const hasCode = (code: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === code);
const byCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe.skipIf(!SERVER_BUILT)(`brandlint-ls over stdio${SERVER_BUILT ? '' : ' — skipped: run npm run build first (dist/server)'}`, () => {
  const FORMATS: [string, string, string?][] = [
    ['copy/launch.md', '# Launch day\n\nWe utilize GitHub every day.\n'],
    ['copy/launch.mdx', "import Hero from './hero.js'\n\n# Launch day\n\n<Hero />\n\nWe utilize GitHub every day.\n"],
    ['emails/welcome.html', '<!doctype html>\n<html><body>\n  <p>We utilize GitHub every day.</p>\n</body></html>\n'],
    ['emails/welcome.hbs', '<p>Hi {{first_name}}, we utilize GitHub every day.</p>\n', 'handlebars'],
    ['social/launch.txt', 'Launch day! We utilize GitHub every day.\n', 'social-draft'],
  ];

  for (const [rel, text, lang] of FORMATS) {
    it(`publishes exact diagnostics for ${path.extname(rel)}`, async () => {
      const dir = workspace({ 'brand.yaml': GUIDE });
      const c = await start({ folders: [dir] });
      const uri = c.open(path.join(dir, rel), text, lang);
      const ds = await c.diagnosticsFor(uri, hasCode('banned'));
      const [d] = byCode(ds, 'banned');
      expect(d).toBeDefined();
      expect(covered(text, d!)).toBe('utilize');
      expect(offsetAt(text, d!.range.start)).toBe(text.indexOf('utilize'));
      expect(d!.source).toBe('brandlint');
      expect(d!.severity).toBe(2);
      expect(d!.message).toContain('Plain words read faster.');
      expect(d!.codeDescription?.href).toMatch(/^https?:\/\//);
      await c.until(() => c.statuses.get(uri)?.state === 'ok', 'status');
      expect(c.statuses.get(uri)).toMatchObject({ state: 'ok', brand: 'Acme' });
    });
  }

  it('ranges are UTF-16 exact after astral characters and CRLF', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = '# Hi 🎉\r\n\r\nWe 🚀🚀 utilize Git Hub.\r\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    const ds = await c.diagnosticsFor(uri, (d) => hasCode('banned')(d) && hasCode('term')(d));
    expect(covered(text, byCode(ds, 'banned')[0]!)).toBe('utilize');
    expect(byCode(ds, 'banned')[0]!.range.start).toEqual({ line: 2, character: 8 });
    expect(covered(text, byCode(ds, 'term')[0]!)).toBe('Git Hub');
  });

  it('offers one quick fix per suggestion, the first preferred, and the edit fixes the text', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = 'We leverage data.\n\nWe utilize GitHub.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    const ds = await c.diagnosticsFor(uri, (d) => byCode(d, 'banned').length === 2);
    const lev = ds.find((d) => covered(text, d) === 'leverage')!;
    const actions = await c.codeActions(uri, lev.range, [lev]);
    const fixes = actions.filter((a) => a.kind === 'quickfix' && /use|apply/.test(a.title) && !/Disable|Allow/.test(a.title));
    expect(fixes.map((a) => a.isPreferred)).toEqual([true, false]);
    const fixed = applyTextEdits(text, editsFor(fixes[0]!.edit, uri));
    expect(fixed).toBe('We use data.\n\nWe utilize GitHub.\n');
    expect(applyTextEdits(text, editsFor(fixes[1]!.edit, uri))).toBe('We apply data.\n\nWe utilize GitHub.\n');
    c.replace(uri, fixed);
    await c.diagnosticsFor(uri, (d) => byCode(d, 'banned').length === 1);
  });

  const DISABLE: [string, string, string, string?][] = [
    ['a.md', 'Intro.\n\nWe utilize GitHub.\n', 'Intro.\n\n<!-- brandlint-disable-next-line banned -->\nWe utilize GitHub.\n'],
    ['a.mdx', 'Intro.\n\nWe utilize GitHub.\n', 'Intro.\n\n{/* brandlint-disable-next-line banned */}\nWe utilize GitHub.\n'],
    ['e.html', '<html><body>\n  <p>We utilize GitHub.</p>\n</body></html>\n', '<html><body>\n  <!-- brandlint-disable-next-line banned -->\n  <p>We utilize GitHub.</p>\n</body></html>\n'],
    ['s.txt', 'Big news.\nWe utilize GitHub.\n', 'Big news.\n# brandlint-disable-next-line banned\nWe utilize GitHub.\n', 'social-draft'],
    // Email templates get their engine's own comment, which rendering drops (an HTML comment would reach customers).
    ['e.hbs', '<p>Hi {{name}},</p>\n<p>We utilize GitHub.</p>\n', '<p>Hi {{name}},</p>\n{{!-- brandlint-disable-next-line banned --}}\n<p>We utilize GitHub.</p>\n', 'handlebars'],
    ['e.mustache', '<p>We utilize GitHub.</p>\n', '{{!-- brandlint-disable-next-line banned --}}\n<p>We utilize GitHub.</p>\n', 'handlebars'],
    ['e.liquid', '<p>Hi {{ name }}</p>\n  <p>We utilize GitHub.</p>\n', '<p>Hi {{ name }}</p>\n  {% comment %} brandlint-disable-next-line banned {% endcomment %}\n  <p>We utilize GitHub.</p>\n', 'liquid'],
    ['e.twig', '<p>We utilize GitHub.</p>\n', '{# brandlint-disable-next-line banned #}\n<p>We utilize GitHub.</p>\n', 'twig'],
  ];
  for (const [name, text, want, lang] of DISABLE) {
    it(`"disable RULE for this line" writes the comment in ${path.extname(name)} syntax`, async () => {
      const dir = workspace({ 'brand.yaml': GUIDE });
      const c = await start({ folders: [dir] });
      const uri = c.open(path.join(dir, name), text, lang);
      const [d] = byCode(await c.diagnosticsFor(uri, hasCode('banned')), 'banned');
      const a = (await c.codeActions(uri, d!.range, [d!])).find((x) => x.title === 'Disable banned for this line');
      expect(a).toBeDefined();
      const out = applyTextEdits(text, editsFor(a!.edit, uri));
      expect(out).toBe(want);
      // The core honours the comment: the finding goes once the edit is in the buffer.
      c.replace(uri, out);
      await c.diagnosticsFor(uri, (ds) => !hasCode('banned')(ds) && c.text(uri) === out);
    });
  }

  it('offers "disable" in front matter only if the parser honours the comment there', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = '---\ntitle: We utilize GitHub\n---\n\nBody.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    const [d] = byCode(await c.diagnosticsFor(uri, hasCode('banned')), 'banned');
    const a = (await c.codeActions(uri, d!.range, [d!])).find((x) => x.title === 'Disable banned for this line');
    if (a) {
      c.replace(uri, applyTextEdits(text, editsFor(a.edit, uri)));
      await c.diagnosticsFor(uri, (ds) => !hasCode('banned')(ds));
    }
    // Not offered: the finding and its quick fix stay. Offered and applied: both are gone.
    expect((await c.codeActions(uri, d!.range, [d!])).some((x) => x.title === 'Replace with "use"')).toBe(!a);
  });

  it('a continuation line of a Markdown paragraph gets an end-of-line comment, so the paragraph stays whole', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = 'First line of copy\nand we utilize GitHub.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    const [d] = byCode(await c.diagnosticsFor(uri, hasCode('banned')), 'banned');
    const a = (await c.codeActions(uri, d!.range, [d!])).find((x) => x.title === 'Disable banned for this line')!;
    const out = applyTextEdits(text, editsFor(a.edit, uri));
    expect(out).toBe('First line of copy\nand we utilize GitHub. <!-- brandlint-disable-line banned -->\n');
    c.replace(uri, out);
    await c.diagnosticsFor(uri, (ds) => !hasCode('banned')(ds));
  });

  it('fix-all as source.fixAll.brandlint and as a command', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = '# Utilize Git Hub\n\nWe utilize it. They utilized it.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    await c.diagnosticsFor(uri, (d) => byCode(d, 'banned').length === 3);
    const whole = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
    const actions = await c.codeActions(uri, { start: whole.start, end: whole.start }, [], ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.brandlint']);
    const out = applyTextEdits(text, editsFor(actions[0]!.edit, uri));
    expect(out).toBe('# Use GitHub\n\nWe use it. They used it.\n');
    // Quick fixes are not returned when only source actions are asked for.
    expect(actions.some((a) => a.kind === 'quickfix')).toBe(false);
    // In the Ctrl+. menu of a finding (no `only`), fix-all is a quick fix beside the finding's own.
    const [d] = (await c.diagnosticsFor(uri)).filter((x) => x.code === 'banned' && x.range.start.line === 2);
    const menu = await c.codeActions(uri, d!.range, [d!]);
    const inMenu = menu.filter((a) => a.title === 'Fix all brandlint problems');
    expect(inMenu.map((a) => a.kind).sort()).toEqual(['quickfix', 'source.fixAll.brandlint']);
    expect(applyTextEdits(text, editsFor(inMenu[0]!.edit, uri))).toBe(out);

    await c.conn.sendRequest('workspace/executeCommand', { command: 'brandlint.server.fixAll', arguments: [uri] });
    await c.until(() => c.appliedEdits.length === 1, 'applyEdit');
    expect(applyTextEdits(text, editsFor(c.appliedEdits[0], uri))).toBe(out);
  });

  it('"allow" is offered only where it is safe: never on terms, trademarks, claims or error-level entries', async () => {
    const guide = `brand: Acme
terms:
  - use: Acme
    trademark: "®"
  - use: GitHub
    not: [Git Hub]
banned:
  - phrase: utilize
    use: use
  - phrase: leverage
    level: error
claims:
  - phrase: best in class
tone:
  weasel-words: warning
`;
    const dir = workspace({ 'brand.yaml': guide });
    const c = await start({ folders: [dir] });
    const text = 'Try acme and Git Hub. We utilize it and leverage it, the best in class. It is very good.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    const ds = await c.diagnosticsFor(uri, (d) => ['term', 'banned', 'claim', 'weasel-words'].every((code) => hasCode(code)(d)));
    const allowFor: Record<string, boolean> = {};
    for (const d of ds) {
      const titles = (await c.codeActions(uri, d.range, [d])).map((a) => a.title);
      allowFor[`${d.code} ${covered(text, d)}`] = titles.some((t) => t.startsWith(`Allow "${covered(text, d)}"`));
    }
    expect(allowFor).toMatchObject({ 'banned utilize': true, 'banned leverage': false, 'claim best in class': false, 'term Git Hub': false, 'weasel-words very': true });
    for (const [k, v] of Object.entries(allowFor)) if (/^(term|trademark|claim) /.test(k)) expect(v, k).toBe(false);
  });

  it('"allow this phrase" edits allow: in the governing brand.yaml, keeping its comments, and the finding goes', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = 'We utilize GitHub.\n';
    const uri = c.open(path.join(dir, 'copy', 'a.md'), text);
    const [d] = byCode(await c.diagnosticsFor(uri, hasCode('banned')), 'banned');
    const a = (await c.codeActions(uri, d!.range, [d!])).find((x) => x.title.startsWith('Allow'));
    expect(a?.title).toBe('Allow "utilize" in brand.yaml');
    const guideFile = path.join(dir, 'brand.yaml');
    const guideUri = pathToFileURL(guideFile).href;
    const edits = editsFor(a!.edit, guideUri);
    expect(edits.length).toBe(1);
    const updated = applyTextEdits(GUIDE, edits);
    expect(updated).toBe(GUIDE.replace('  - synergy   # keep me\n', '  - synergy   # keep me\n  - utilize\n'));
    fs.writeFileSync(guideFile, updated);
    c.fileChanged(guideFile);
    await c.diagnosticsFor(uri, (ds) => !hasCode('banned')(ds));
  });

  it('hover shows rule, suggestions and the docs link; message and reason are shown once, by the diagnostic', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = 'We utilize GitHub.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    const ds = await c.diagnosticsFor(uri, hasCode('banned'));
    const message = String(byCode(ds, 'banned')[0]!.message);
    expect(message.split('Plain words read faster.').length).toBe(2);
    const h = await c.hover(uri, 0, 5);
    const value = (h?.contents as { value: string }).value;
    expect(value).toContain('`banned`');
    expect(value).not.toContain('Plain words read faster.');
    expect(value).not.toContain(message.split(' — ')[0]!);
    expect(value).toContain('`use`');
    expect(value).toMatch(/\]\(https:\/\/brand\.acme\.example\/voice[^)]*\)/);
    expect(h?.range).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 10 } });
    expect(await c.hover(uri, 0, 1)).toBeNull();
  });

  it('re-lints open documents when brand.yaml changes on disk', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    await c.until(() => c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
    const text = 'We utilize GitHub daily.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    await c.diagnosticsFor(uri, hasCode('banned'));
    fs.writeFileSync(path.join(dir, 'brand.yaml'), GUIDE.replace('  - phrase: leverage', '  - phrase: daily\n    use: every day\n  - phrase: leverage'));
    c.fileChanged(path.join(dir, 'brand.yaml'));
    const ds = await c.diagnosticsFor(uri, (d) => byCode(d, 'banned').length === 2);
    expect(byCode(ds, 'banned').map((d) => covered(text, d))).toEqual(['utilize', 'daily']);
  });

  it('follows extends: a change in the extended file re-lints', async () => {
    const dir = workspace({
      'brand.yaml': 'brand: Team\nextends: ./org/core.yaml\n',
      'org/core.yaml': 'brand: Org\nbanned:\n  - phrase: utilize\n    use: use\n',
    });
    const c = await start({ folders: [dir] });
    const text = 'We utilize synergy.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    await c.diagnosticsFor(uri, hasCode('banned'));
    fs.writeFileSync(path.join(dir, 'org/core.yaml'), 'brand: Org\nbanned:\n  - phrase: synergy\n');
    c.fileChanged(path.join(dir, 'org/core.yaml'));
    const ds = await c.diagnosticsFor(uri, (d) => byCode(d, 'banned').length === 1 && covered(text, byCode(d, 'banned')[0]!) === 'synergy');
    expect(ds.length).toBeGreaterThan(0);
  });

  it('watches an extended file outside the workspace folder', async () => {
    // The repository holds an org guide; the editor has only the team's folder open.
    const repo = workspace({
      'org/core.yaml': 'brand: Org\nbanned:\n  - phrase: utilize\n',
      'team/brand.yaml': 'brand: Team\nextends: ../org/core.yaml\n',
    });
    const dir = path.join(repo, 'team');
    const org = path.join(repo, 'org');
    const c = await start({ folders: [dir] });
    const uri = c.open(path.join(dir, 'a.md'), 'We utilize synergy.\n');
    await c.diagnosticsFor(uri, hasCode('banned'));
    const orgDir = pathToFileURL(org).href;
    await c.until(
      () => c.registrations.some((r) => JSON.stringify(r.registerOptions).includes(orgDir) && JSON.stringify(r.registerOptions).includes('core.yaml')),
      'a watcher for the org guide',
    );
    fs.writeFileSync(path.join(org, 'core.yaml'), 'brand: Org\nbanned:\n  - phrase: synergy\n');
    c.fileChanged(path.join(org, 'core.yaml'));
    await c.diagnosticsFor(uri, (d) => byCode(d, 'banned').length === 1 && d[0]!.range.start.character === 11);
  });

  it('a folder opened inside a repository gets the guide at the repository root, as the CLI does', async () => {
    const repo = workspace({ 'brand.yaml': GUIDE, 'marketing/blog/a.md': '' });
    const c = await start({ folders: [path.join(repo, 'marketing')] });
    const uri = c.open(path.join(repo, 'marketing/blog/a.md'), 'We utilize GitHub.\n');
    await c.diagnosticsFor(uri, hasCode('banned'));
    // Its guide lies outside the workspace folder, so it gets a watcher of its own.
    await c.until(() => c.registrations.some((r) => JSON.stringify(r.registerOptions).includes('"pattern":"brand.yaml"')), 'guide watcher');
  });

  for (const pull of [false, true]) {
    it(`a guide loaded for the first diagnostics goes to the guide cache after them (${pull ? 'pull' : 'push'})`, async () => {
      const dir = workspace({ 'brand.yaml': GUIDE });
      const cache = path.join(dir, '.cache');
      const c = await start({ folders: [dir], pull, env: { BRANDLINT_CACHE_DIR: cache } });
      const text = 'We utilize GitHub.\n';
      const uri = c.open(path.join(dir, 'a.md'), text);
      if (pull) expect((await c.pullDiagnostics(uri)).items?.some((d) => d.code === 'banned')).toBe(true);
      else await c.diagnosticsFor(uri, hasCode('banned'));
      const entries = () => (fs.existsSync(path.join(cache, 'guides')) ? fs.readdirSync(path.join(cache, 'guides')).filter((n) => n.endsWith('.json')) : []);
      for (let i = 0; i < 200 && entries().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(entries()).toHaveLength(1);
      // A second server starts from that entry and gives the same diagnostics.
      const c2 = await start({ folders: [dir], pull, env: { BRANDLINT_CACHE_DIR: cache } });
      const uri2 = c2.open(path.join(dir, 'a.md'), text);
      const ds = pull ? ((await c2.pullDiagnostics(uri2)).items ?? []) : await c2.diagnosticsFor(uri2, hasCode('banned'));
      expect(byCode(ds, 'banned').map((d) => covered(text, d))).toEqual(['utilize']);
    });
  }

  // bin/brandlint-ls.js starts the bundle through dist/client/server-start.cjs (bin/code-cache.cjs).
  const bundled = fs.existsSync(path.join(ROOT, 'dist/client/server-start.cjs')) && bundleIsCurrent(new URL(`file://${path.join(ROOT, 'dist/client/server.cjs')}`), new URL(`file://${path.join(ROOT, 'dist/server/main.js')}`));
  it.skipIf(!bundled)('after its first diagnostics the server leaves a V8 code cache, which the next start accepts', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const cache = path.join(dir, '.cache');
    const code = path.join(cache, 'code');
    const caches = () => (fs.existsSync(code) ? fs.readdirSync(code).filter((n) => /^server-[0-9a-f]+\.bin$/.test(n)) : []);
    const text = 'We utilize GitHub.\n';
    const c = await start({ folders: [dir], env: { BRANDLINT_CACHE_DIR: cache } });
    await c.diagnosticsFor(c.open(path.join(dir, 'a.md'), text), hasCode('banned'));
    for (let i = 0; i < 200 && caches().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(caches()).toHaveLength(1);
    await c.stop();
    const file = path.join(code, caches()[0]!);
    const written = fs.statSync(file);
    // V8 rejects a cache made under other flags than the next start's (server/v8-flags.ts), and a
    // rejected cache is written again (a new file renamed over it): an accepted one stays as it was.
    const c2 = await start({ folders: [dir], env: { BRANDLINT_CACHE_DIR: cache } });
    const ds = await c2.diagnosticsFor(c2.open(path.join(dir, 'a.md'), text), hasCode('banned'));
    expect(byCode(ds, 'banned').map((d) => covered(text, d))).toEqual(['utilize']);
    await c2.stop();
    expect(caches()).toEqual([path.basename(file)]);
    expect(fs.statSync(file).ino).toBe(written.ino);
  });

  it('brandlint.guide names the guide instead of the nearest brand.yaml', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE, 'guides/strict.yaml': 'brand: Strict\nbanned:\n  - phrase: daily\n' });
    const c = await start({ folders: [dir], settings: { '': { guide: 'guides/strict.yaml' } } });
    const text = 'We utilize GitHub daily.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    const ds = await c.diagnosticsFor(uri, hasCode('banned'));
    expect(ds.map((d) => covered(text, d))).toEqual(['daily']);
    await c.until(() => c.statuses.get(uri)?.brand === 'Strict', 'status names the configured guide');
  });

  it('brandlint.guide cannot reach outside the workspace folder: an absolute path, ../, or a link out is an error, and nothing of the file is shown', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const outside = `${dir}-outside.yaml`;
    fs.writeFileSync(outside, 'brand: Outside\nbanned:\n  - phrase: secretword\n    because: the outside file was read\n');
    fs.symlinkSync(outside, path.join(dir, 'link.yaml'));
    for (const setting of ['/etc/passwd', `../${path.basename(outside)}`, outside, 'link.yaml']) {
      const c = await start({ folders: [dir], settings: { '': { guide: setting } } });
      const text = 'We utilize secretword.\n';
      const uri = c.open(path.join(dir, 'a.md'), text);
      await c.until(() => c.statuses.get(uri)?.state === 'error', `error status for ${setting}`);
      const status = c.statuses.get(uri)!;
      expect(status.message).toContain(`brandlint.guide ("${setting}") points outside the workspace folder`);
      expect(await c.diagnosticsFor(uri)).toEqual([]);
      await c.until(() => c.logs.some((l) => l.includes('points outside the workspace folder')), 'the error in the log');
      const seen = JSON.stringify([...c.diagnostics.entries(), ...c.statuses.values(), c.logs]);
      expect(seen).not.toMatch(/Outside|was read|root:x:0/);
      await c.stop();
    }
    // Inside the folder, a relative path and an absolute one both work.
    fs.writeFileSync(path.join(dir, 'inner.yaml'), 'brand: Inner\nbanned:\n  - phrase: secretword\n');
    for (const setting of ['inner.yaml', path.join(dir, 'inner.yaml')]) {
      const c = await start({ folders: [dir], settings: { '': { guide: setting } } });
      const uri = c.open(path.join(dir, 'a.md'), 'We utilize secretword.\n');
      await c.diagnosticsFor(uri, (d) => d.length === 1);
      await c.until(() => c.statuses.get(uri)?.brand === 'Inner', 'status names the inner guide');
      await c.stop();
    }
  });

  it('an unsaved (untitled) document is checked with the workspace guide by its language', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = 'We utilize GitHub.\n';
    const uri = c.open('untitled:Untitled-1', text, 'markdown');
    const ds = await c.diagnosticsFor(uri, hasCode('banned'));
    expect(covered(text, byCode(ds, 'banned')[0]!)).toBe('utilize');
  });

  it('a broken guide: problems on brand.yaml at their position, the last good guide stays, the status says so', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const text = 'We utilize GitHub.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    await c.diagnosticsFor(uri, hasCode('banned'));
    const guideFile = path.join(dir, 'brand.yaml');
    const guideUri = pathToFileURL(guideFile).href;
    // An unsaved edit in the brand.yaml buffer: a key the schema does not know, on line 3.
    const broken = GUIDE.replace('docs:', 'colour: red\ndocs:');
    c.open(guideFile, GUIDE, 'yaml');
    c.replace(guideUri, broken);
    const gds = await c.diagnosticsFor(guideUri, (d) => d.length > 0);
    expect(gds[0]!.code).toBe('guide');
    expect(gds[0]!.source).toBe('brandlint');
    expect(gds[0]!.range.start.line).toBe(2);
    expect(covered(broken, gds[0]!)).toMatch(/^colour/);
    await c.until(() => c.statuses.get(uri)?.state === 'stale', 'stale status');
    expect(c.statuses.get(uri)!.message).toMatch(/last good/);
    expect(byCode(c.diagnostics.get(uri)!, 'banned').length).toBe(1);
    expect(c.logs.some((l) => /last good version stays in force/.test(l))).toBe(true);
    // Repaired: the problems go and the status is ok again.
    c.replace(guideUri, GUIDE);
    await c.diagnosticsFor(guideUri, (d) => d.length === 0);
    await c.until(() => c.statuses.get(uri)?.state === 'ok', 'ok status');
  });

  it('multi-root: each folder uses its own guide', async () => {
    const a = workspace({ 'brand.yaml': 'brand: A\nbanned:\n  - phrase: utilize\n' });
    const b = workspace({ 'brand.yaml': 'brand: B\nbanned:\n  - phrase: leverage\n' });
    const c = await start({ folders: [a, b] });
    const text = 'We utilize and leverage it.\n';
    const ua = c.open(path.join(a, 'x.md'), text);
    const ub = c.open(path.join(b, 'x.md'), text);
    const da = await c.diagnosticsFor(ua, hasCode('banned'));
    const db = await c.diagnosticsFor(ub, hasCode('banned'));
    expect(da.map((d) => covered(text, d))).toEqual(['utilize']);
    expect(db.map((d) => covered(text, d))).toEqual(['leverage']);
    await c.until(() => c.statuses.get(ua)?.brand === 'A' && c.statuses.get(ub)?.brand === 'B', 'status per folder');
  });

  it('no guide: no diagnostics and no noise', async () => {
    const dir = workspace({});
    const c = await start({ folders: [dir] });
    const uri = c.open(path.join(dir, 'a.md'), 'We utilize GitHub.\n');
    await c.until(() => c.statuses.get(uri)?.state === 'none', 'status none');
    expect(c.diagnostics.get(uri) ?? []).toEqual([]);
  });

  it('an error in one document is logged and the others go on', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir], env: { BRANDLINT_LS_FAULT: 'KABOOM' } });
    const bad = c.open(path.join(dir, 'bad.md'), 'KABOOM: we utilize it.\n');
    const good = c.open(path.join(dir, 'good.md'), 'We utilize it.\n');
    await c.diagnosticsFor(good, hasCode('banned'));
    await c.until(() => c.logs.some((l) => l.includes('linting') && l.includes('bad.md') && l.includes('fault injected')), 'error log');
    expect(c.diagnostics.get(bad)).toBeUndefined();
    // Still serving.
    expect(await c.hover(good, 0, 5)).not.toBeNull();
  });

  it('settings per resource: minLevel, enable, run onSave; re-read on change', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE, 'quiet/x': '' });
    const quiet = pathToFileURL(path.join(dir, 'quiet')).href;
    const c = await start({ folders: [dir], settings: { [quiet]: { minLevel: 'error' } } });
    const text = 'We utilize GitHub.\n';
    const loud = c.open(path.join(dir, 'a.md'), text);
    const hushed = c.open(path.join(dir, 'quiet', 'a.md'), text);
    await c.diagnosticsFor(loud, hasCode('banned'));
    await c.diagnosticsFor(hushed, (d) => d.length === 0);
    c.settings[''] = { enable: false };
    c.configurationChanged();
    await c.diagnosticsFor(loud, (d) => d.length === 0);
    await c.until(() => c.statuses.get(loud)?.state === 'disabled', 'disabled status');
    c.settings[''] = { run: 'onSave' };
    c.configurationChanged();
    await c.diagnosticsFor(loud, hasCode('banned'));
    c.replace(loud, 'We leverage GitHub. We utilize it.\n');
    await new Promise((r) => setTimeout(r, 600));
    expect(byCode(c.diagnostics.get(loud)!, 'banned').length).toBe(1); // not re-linted while typing
    c.save(loud);
    await c.diagnosticsFor(loud, (d) => byCode(d, 'banned').length === 2);
  });

  it('debounces typing and publishes for the latest version only', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir] });
    const uri = c.open(path.join(dir, 'a.md'), '');
    await c.diagnosticsFor(uri);
    let publishes = 0;
    c.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[]; version?: number }) => {
      if (p.uri === uri) publishes++;
      c.diagnostics.set(p.uri, p.diagnostics);
      (c as unknown as { poke(): void }).poke();
    });
    const word = 'We utilize it. ';
    for (let i = 0; i < 20; i++) {
      const t = c.text(uri);
      c.edit(uri, [{ range: { start: positionAt(t, t.length), end: positionAt(t, t.length) }, newText: word }]);
    }
    const ds = await c.diagnosticsFor(uri, (d) => byCode(d, 'banned').length === 20);
    expect(ds.every((d) => covered(c.text(uri), d) === 'utilize')).toBe(true);
    expect(publishes).toBeLessThan(5);
  });

  it('pull diagnostics when the client supports them, and a refresh when the guide changes', async () => {
    const dir = workspace({ 'brand.yaml': GUIDE });
    const c = await start({ folders: [dir], pull: true });
    const text = 'We utilize GitHub.\n';
    const uri = c.open(path.join(dir, 'a.md'), text);
    const rep = await c.pullDiagnostics(uri);
    expect(rep.kind).toBe('full');
    expect(rep.items!.map((d) => covered(text, d))).toEqual(['utilize']);
    // Same version, same result: the client keeps what it has.
    const again = await c.pullDiagnostics(uri, rep.resultId);
    expect(again).toEqual({ kind: 'unchanged', resultId: rep.resultId });
    // The guide changes: a refresh, and the next pull (same document version) is a new full report.
    fs.writeFileSync(path.join(dir, 'brand.yaml'), 'brand: Acme\n');
    c.fileChanged(path.join(dir, 'brand.yaml'));
    await c.until(() => c.refreshes > 0, 'diagnostic refresh');
    const after = await c.pullDiagnostics(uri, rep.resultId);
    expect(after.kind).toBe('full');
    expect(after.items).toEqual([]);
    // Settings changes likewise.
    fs.writeFileSync(path.join(dir, 'brand.yaml'), GUIDE);
    c.fileChanged(path.join(dir, 'brand.yaml'));
    await c.until(() => c.refreshes > 1, 'second refresh');
    const back = await c.pullDiagnostics(uri, after.resultId);
    expect(back.items!.length).toBe(1);
    c.settings[''] = { minLevel: 'error' };
    c.configurationChanged();
    await c.until(() => c.refreshes > 2, 'refresh on settings change');
    expect((await c.pullDiagnostics(uri, back.resultId)).items).toEqual([]);
    expect(c.diagnostics.has(uri)).toBe(false); // nothing pushed for copy in pull mode
  });
});
