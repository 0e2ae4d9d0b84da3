// `npm run test:electron`: the extension-host suite (test/e2e/vscode/suite.cjs) in a desktop VS Code
// downloaded by @vscode/test-electron, for machines with internet access. Offline (as in CI) VS Code
// cannot be downloaded; CI runs the same suite through code-server (test/e2e/vscode-host.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('test:electron needs @vscode/test-electron 2.x (the last for Node 20): npm install --no-save @vscode/test-electron@2');
  process.exit(2);
}
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-electron-'));
fs.cpSync(path.join(root, 'samples'), ws, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/e2e/vscode/suite.cjs'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
  });
  console.log(fs.readFileSync(path.join(ws, '.e2e-result.json'), 'utf8'));
} catch (err) {
  console.error(`test:electron failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
