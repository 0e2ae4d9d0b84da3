// Runs inside VS Code's extension host (code-server's `payload` runner, or @vscode/test-electron
// where it can download VS Code): the extension from its development folder, checked through the
// vscode API. Writes its verdict to <workspace>/.e2e-result.json for the driver.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(100);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'brandlint');
const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);

exports.run = async function run() {
  const ws = vscode.workspace.workspaceFolders[0].uri;
  const result = { ok: false, checks: [] };
  const check = (name, data) => result.checks.push(data === undefined ? name : { name, ...data });
  try {
    const uri = vscode.Uri.joinPath(ws, 'blog', 'launch.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension('brandlint.brandlint');
    assert(ext, 'extension brandlint.brandlint is installed');
    await until('extension active', () => ext.isActive);
    check('activated');

    const diags = await until('brandlint diagnostics', () => (ours(uri).length > 0 ? ours(uri) : undefined));
    const banned = diags.find((d) => codeOf(d) === 'banned' && doc.getText(d.range) === 'utilize');
    assert(banned, 'a banned diagnostic on "utilize"');
    assert(typeof banned.code === 'object' && /^https?:/.test(String(banned.code.target)), 'the code links to the docs');
    assert(banned.severity === vscode.DiagnosticSeverity.Warning, 'warning severity');
    check('diagnostics', { count: diags.length, message: banned.message });

    const status = await until('status', () => ext.exports.statusFor(uri.toString()));
    assert(status.state === 'ok' && status.brand === 'Acme', `status ok for Acme, got ${JSON.stringify(status)}`);
    check('status', status);

    const commands = await vscode.commands.getCommands(true);
    for (const c of ['brandlint.fixAll', 'brandlint.restartServer', 'brandlint.showOutput', 'brandlint.createGuide']) {
      assert(commands.includes(c), `command ${c} is contributed`);
    }
    check('commands');

    const cfg = vscode.workspace.getConfiguration('brandlint', uri);
    assert(cfg.get('enable') === true && cfg.get('run') === 'onType' && cfg.get('minLevel') === 'hint' && cfg.get('guide') === '', 'setting defaults');
    await cfg.update('minLevel', 'error', vscode.ConfigurationTarget.Workspace);
    const errorsOnly = await until('minLevel=error applied', () => {
      const ds = ours(uri);
      return ds.length > 0 && ds.length < diags.length && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Error) ? ds : undefined;
    });
    await cfg.update('minLevel', undefined, vscode.ConfigurationTarget.Workspace);
    await until('minLevel reset', () => ours(uri).length === diags.length);
    check('settings', { errorsOnly: errorsOnly.length, all: diags.length });

    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, banned.range);
    const preferred = actions.find((a) => a.isPreferred && a.title === 'Replace with "use"');
    assert(preferred, `a preferred "Replace with \\"use\\"" quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert(actions.some((a) => a.title === 'Disable banned for this line'), 'disable action');
    assert(actions.some((a) => a.title === 'Allow "utilize" in brand.yaml'), 'allow action');
    check('codeActions', { titles: actions.map((a) => a.title) });

    const before = doc.getText();
    await vscode.commands.executeCommand('brandlint.fixAll');
    await until('fix all applied', () => doc.getText() !== before);
    assert(!/utilize your/.test(doc.getText()) && /use your/.test(doc.getText()), 'utilize fixed');
    assert(/Cheaper/.test(doc.getText()), 'ambiguous fixes (two suggestions) are left alone');
    await until('fewer diagnostics after fix all', () => ours(uri).length < diags.length);
    check('fixAll', { after: ours(uri).length });

    const team = vscode.Uri.joinPath(ws, 'newteam');
    await vscode.workspace.fs.createDirectory(team);
    await vscode.commands.executeCommand('brandlint.createGuide', team);
    const created = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(team, 'brand.yaml'))).toString('utf8');
    assert(/^brand: newteam$/m.test(created) && /^#/.test(created), 'commented starter with the folder name as brand');
    // A copy file under the new guide is checked against it (starter bans "utilize").
    const teamDoc = vscode.Uri.joinPath(team, 'post.md');
    await vscode.workspace.fs.writeFile(teamDoc, Buffer.from('We utilize it.\n'));
    await vscode.window.showTextDocument(teamDoc);
    const teamStatus = await until('status under the new guide', () => {
      const s = ext.exports.statusFor(teamDoc.toString());
      return s && s.brand === 'newteam' ? s : undefined;
    });
    check('createGuide', { status: teamStatus.state });

    // An unsaved mistake in brand.yaml: a diagnostic on brand.yaml at the key, and the copy keeps
    // the last good guide (its diagnostics stay, the status says so).
    const guideUri = vscode.Uri.joinPath(ws, 'brand.yaml');
    const guideDoc = await vscode.workspace.openTextDocument(guideUri);
    await vscode.window.showTextDocument(guideDoc);
    const line = guideDoc.getText().split('\n').findIndex((l) => /^docs:/.test(l));
    const broken = new vscode.WorkspaceEdit();
    broken.insert(guideUri, new vscode.Position(line, 0), 'colour: red\n');
    assert(await vscode.workspace.applyEdit(broken), 'edit brand.yaml');
    const guideDiags = await until('diagnostics on brand.yaml', () => (ours(guideUri).length ? ours(guideUri) : undefined));
    assert(codeOf(guideDiags[0]) === 'guide' && guideDiags[0].range.start.line === line, `guide problem at line ${line + 1}: ${JSON.stringify(guideDiags[0])}`);
    await vscode.window.showTextDocument(uri);
    const stale = await until('stale status', () => {
      const st = ext.exports.statusFor(uri.toString());
      return st && st.state === 'stale' ? st : undefined;
    });
    assert(ours(uri).length > 0, 'the last good guide still checks the copy');
    check('brokenGuide', { problem: guideDiags[0].message, status: stale.message });

    result.ok = true;
  } catch (err) {
    result.error = String((err && err.stack) || err);
  }
  fs.writeFileSync(path.join(ws.fsPath, '.e2e-result.json'), JSON.stringify(result, null, 2));
  if (!result.ok) throw new Error(result.error);
};
