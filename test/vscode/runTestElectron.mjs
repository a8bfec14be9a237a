// `npm run test:vscode`: the same extension-host suite under @vscode/test-electron, for machines that can
// download VS Code. Offline it fails fast with a clear message instead of hanging.
import { resolve } from 'node:path';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve('.');
const ws = mkdtempSync(join(tmpdir(), 'cilium-vscode-ws-'));
cpSync(resolve('test/e2e/vscode/workspace'), ws, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve('test/vscode/suite/index.js'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
    timeout: 60000,
  });
} catch (err) {
  console.error(`test:vscode could not run the suite under @vscode/test-electron: ${err.message}`);
  console.error(
    'On machines without access to update.code.visualstudio.com use `npm run test:e2e`, which runs the same suite in the VS Code server from code-server.',
  );
  process.exit(1);
}
