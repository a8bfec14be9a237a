// What the cold start must not load: zod is for validating user settings only (the language server's
// settings.ts); the generated data (catalog.json, keyDocs.json, configKeys.json) is validated by the tests, not
// on every start. Checked on the bundles esbuild makes of the CLI and the server.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';

async function importersOf(entry: string, wanted: RegExp): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, logLevel: 'silent' });
  const meta = result.metafile as Metafile;
  const out: string[] = [];
  for (const [file, input] of Object.entries(meta.inputs)) {
    if (wanted.test(file)) continue;
    if (input.imports.some((i) => wanted.test(i.path))) out.push(file);
  }
  return out.sort();
}

describe('cold start: what the bundles load', () => {
  // zod checks what users write: the editor settings and .cilium-lint.yaml (core/lintConfig.ts), nothing else.
  it('cilium-lint loads zod only to validate a .cilium-lint.yaml', async () => {
    assert.deepEqual(await importersOf('server/src/cli/main.ts', /node_modules\/zod\//), ['server/src/core/lintConfig.ts']);
  });

  it('the language server loads zod only to validate settings and .cilium-lint.yaml', async () => {
    assert.deepEqual((await importersOf('server/src/lsp/main.ts', /node_modules\/zod\//)).sort(), ['server/src/core/lintConfig.ts', 'server/src/lsp/settings.ts']);
  });
});
