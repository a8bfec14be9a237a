// Bundles each entry point into one self-contained CommonJS file under dist/, so the CLI, the language
// server and the VS Code client run without node_modules next to them.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  // The extension runs inside VS Code, which provides the `vscode` module.
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: true, // the .vsix budget is 1 MB; stack traces still map back through the source maps
    external: entry.external ?? [],
    banner: entry.banner ? { js: entry.banner } : undefined,
    logLevel: 'warning',
  });
  if (entry.banner) chmodSync(entry.out, 0o755);
}
