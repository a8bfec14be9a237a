// What the cold start must not load: zod is for validating user settings only (the language server's
// settings.ts); the generated data (catalog.json, keyDocs.json, configKeys.json) is validated by the tests, not
// on every start. Checked on the bundles esbuild makes of the CLI and the server.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';

async function bundleMeta(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

async function importersOf(entry: string, wanted: RegExp, meta?: Metafile): Promise<string[]> {
  const m = meta ?? (await bundleMeta(entry));
  const out: string[] = [];
  for (const [file, input] of Object.entries(m.inputs)) {
    if (wanted.test(file)) continue;
    if (input.imports.some((i) => wanted.test(i.path))) out.push(file);
  }
  return out.sort();
}

/** How each file of the bundle brings in `file`: esbuild runs a `require-call` only when the call is made. */
function importKinds(meta: Metafile, file: string): string[] {
  const kinds = new Set<string>();
  for (const input of Object.values(meta.inputs)) for (const i of input.imports) if (i.path === file) kinds.add(i.kind);
  return [...kinds].sort();
}

describe('cold start: what the bundles load', () => {
  // zod checks what users write: the editor settings and .cilium-lint.yaml (core/lintConfigSchema.ts), nothing
  // else; and the schema of .cilium-lint.yaml is loaded lazily (a require call made when such a file is read).
  it('cilium-lint loads zod only when it reads a .cilium-lint.yaml', async () => {
    const meta = await bundleMeta('server/src/cli/main.ts');
    assert.deepEqual(await importersOf('server/src/cli/main.ts', /node_modules\/zod\//, meta), [
      'server/src/core/lintConfigSchema.ts',
    ]);
    assert.deepEqual(importKinds(meta, 'server/src/core/lintConfigSchema.ts'), ['require-call']);
  });

  it('the language server loads zod only to validate settings and .cilium-lint.yaml', async () => {
    const meta = await bundleMeta('server/src/lsp/main.ts');
    assert.deepEqual(await importersOf('server/src/lsp/main.ts', /node_modules\/zod\//, meta), [
      'server/src/core/lintConfigSchema.ts',
      'server/src/lsp/settings.ts',
    ]);
    assert.deepEqual(importKinds(meta, 'server/src/core/lintConfigSchema.ts'), ['require-call']);
  });
});
