// .vscode/launch.json: "Run Extension" starts this folder as a development extension after building, and
// "Attach to Server" attaches to the port the client opens on the server in debug mode.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SERVER_DEBUG_PORT, serverDebugExecArgv } from '../../client/src/debugPort';
import { findRepoRoot } from '../../tools/repoRoot';

const root = findRepoRoot();
const read = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8'));

type Config = {
  name: string;
  type: string;
  request: string;
  port?: number;
  args?: string[];
  preLaunchTask?: string;
  outFiles?: string[];
};

describe('.vscode/launch.json', () => {
  const configs = read('.vscode/launch.json').configurations as Config[];
  const byName = (n: string) => configs.find((c) => c.name === n) ?? assert.fail(`no "${n}" configuration`);

  it('attaches to the port the client gives the server in debug mode', () => {
    const attach = byName('Attach to Server');
    assert.equal(attach.type, 'node');
    assert.equal(attach.request, 'attach');
    assert.equal(attach.port, SERVER_DEBUG_PORT);
    assert.ok(serverDebugExecArgv().includes(`--inspect=${attach.port}`));
    // The client really uses these options for its debug server.
    assert.match(
      readFileSync(path.join(root, 'client/src/extension.ts'), 'utf8'),
      /debug: \{[^}]*execArgv: serverDebugExecArgv\(\)/,
    );
  });

  it('runs this folder as the extension, built first, with source maps into dist', () => {
    const run = byName('Run Extension');
    assert.equal(run.type, 'extensionHost');
    assert.ok(run.args?.includes('--extensionDevelopmentPath=${workspaceFolder}'));
    assert.deepEqual(run.outFiles, ['${workspaceFolder}/dist/**/*.js']);
    const tasks = read('.vscode/tasks.json').tasks as { label: string; type: string; script: string }[];
    const build = tasks.find((t) => t.label === run.preLaunchTask) ?? assert.fail(`no task "${run.preLaunchTask}"`);
    assert.equal(build.type, 'npm');
    assert.ok(read('package.json').scripts[build.script], `package.json has no "${build.script}" script`);
  });
});
