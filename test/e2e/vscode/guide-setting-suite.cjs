// Runs inside VS Code's extension host (see suite.cjs): the workspace's .vscode/settings.json sets
// brandlint.guide to a file outside the workspace folder. The extension must not use it (an error
// status naming the setting, no diagnostics from that file); a guide inside the folder works; and
// the status is there while brand.yaml itself is open. Writes <workspace>/.e2e-result.json.
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

exports.run = async function run() {
  const ws = vscode.workspace.workspaceFolders[0].uri;
  const result = { ok: false, checks: [] };
  const check = (name, data) => result.checks.push(data === undefined ? name : { name, ...data });
  try {
    const uri = vscode.Uri.joinPath(ws, 'a.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ext = vscode.extensions.getExtension('brandlint.brandlint');
    assert(ext, 'extension brandlint.brandlint is installed');
    await until('extension active', () => ext.isActive);
    const setting = vscode.workspace.getConfiguration('brandlint', uri).get('guide');
    if (fs.existsSync(path.join(ws.fsPath, '.e2e-untrusted'))) {
      // Restricted mode: VS Code withholds the workspace's value of a restricted setting.
      assert(vscode.workspace.isTrusted === false, 'the workspace is untrusted');
      assert(setting === '', `brandlint.guide from an untrusted workspace is ignored (got ${JSON.stringify(setting)})`);
      check('untrusted');
      const status = await until('status ok with the folder guide', () => {
        const s = ext.exports.statusFor(uri.toString());
        return s && s.state === 'ok' ? s : undefined;
      });
      assert(status.brand === 'Inside', `the nearest brand.yaml is used: ${JSON.stringify(status)}`);
      const diags = await until('diagnostics', () => (ours(uri).length ? ours(uri) : undefined));
      assert(diags.every((d) => !/secretword|outside file/i.test(d.message)), 'nothing from the outside file');
      check('nearestGuide', { count: diags.length });
      result.ok = true;
      fs.writeFileSync(path.join(ws.fsPath, '.e2e-result.json'), JSON.stringify(result, null, 2));
      return;
    }
    assert(setting === '../outside.yaml', `the workspace sets brandlint.guide (got ${JSON.stringify(setting)})`);
    check('activated');

    const status = await until('error status', () => {
      const s = ext.exports.statusFor(uri.toString());
      return s && s.state === 'error' ? s : undefined;
    });
    assert(/brandlint\.guide \("\.\.\/outside\.yaml"\) points outside the workspace folder/.test(status.message), `status names the setting: ${status.message}`);
    await sleep(1000);
    const leaked = vscode.languages.getDiagnostics().filter(([u, ds]) => /outside/.test(u.path) || ds.some((d) => /secretword|outside file/i.test(d.message)));
    assert(leaked.length === 0 && ours(uri).length === 0, `nothing from the outside file: ${JSON.stringify(leaked)}`);
    check('outsideRefused', { message: status.message });

    const guideUri = vscode.Uri.joinPath(ws, 'brand.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(guideUri));
    const guideStatus = await until('status while brand.yaml is open', () => {
      const s = ext.exports.statusFor(guideUri.toString());
      return s && s.state === 'ok' ? s : undefined;
    });
    assert(guideStatus.brand === 'Inside', `brand.yaml's status names its brand: ${JSON.stringify(guideStatus)}`);
    check('guideStatus', { brand: guideStatus.brand });

    await vscode.workspace.getConfiguration('brandlint', uri).update('guide', 'brand.yaml', vscode.ConfigurationTarget.Workspace);
    await vscode.window.showTextDocument(uri);
    const diags = await until('diagnostics from the inside guide', () => (ours(uri).length ? ours(uri) : undefined));
    assert(diags.every((d) => !/secretword/.test(d.message)) && diags.some((d) => /utilize/.test(d.message) || d.code), 'the inside guide checks the copy');
    check('insideGuide', { count: diags.length });

    // A guide error is pushed on brand.yaml while the copy's diagnostics are pulled (two
    // collections), then the server restarts while code actions are being asked for: the driver
    // reads the extension host's log for the warnings this used to cause.
    const broken = new vscode.WorkspaceEdit();
    broken.insert(guideUri, new vscode.Position(0, 0), 'colour: red\n');
    assert(await vscode.workspace.applyEdit(broken), 'edit brand.yaml');
    await until('the guide problem on brand.yaml', () => ours(guideUri).length > 0);
    const asks = [];
    const restart = vscode.commands.executeCommand('brandlint.restartServer');
    for (let i = 0; i < 20; i++) {
      asks.push(vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diags[0].range));
      await sleep(25);
    }
    await restart;
    await Promise.allSettled(asks);
    // The new server reads the unsaved, broken brand.yaml and has no last good version of it.
    await until("the copy's status from the new server", () => ext.exports.statusFor(uri.toString())?.state === 'error');
    await until('the guide problem from the new server', () => ours(guideUri).length > 0);
    check('restart');
    result.ok = true;
  } catch (err) {
    result.error = String((err && err.stack) || err);
  }
  fs.writeFileSync(path.join(ws.fsPath, '.e2e-result.json'), JSON.stringify(result, null, 2));
  if (!result.ok) throw new Error(result.error);
};
