// The bundles the CLI and the language server run are plain ASCII: one character outside Latin-1 anywhere in a
// bundle (a regular expression literal keeps it as written) makes V8 hold the whole 3 MB source as two-byte text,
// 3 MB more memory in every process and slower to scan at start-up.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findRepoRoot } from '../../tools/repoRoot';

const dist = path.join(findRepoRoot(), 'dist');

describe('built bundles', () => {
  it('are ASCII only, so V8 keeps their source one byte per character', () => {
    const files = ['cli.js', 'cli-bundle.js', 'server.js', 'server-bundle.js'].map((f) => path.join(dist, f));
    if (!files.every(existsSync))
      spawnSync(process.execPath, ['esbuild.mjs'], { cwd: findRepoRoot(), stdio: 'inherit' });
    for (const file of files) {
      const bytes = readFileSync(file);
      const at = bytes.findIndex((b) => b > 0x7f);
      const context = at < 0 ? '' : bytes.subarray(Math.max(0, at - 40), at + 20).toString('utf8');
      assert.equal(at, -1, `${path.basename(file)}: a non-ASCII byte at ${at}: …${context}…`);
    }
  });
});
