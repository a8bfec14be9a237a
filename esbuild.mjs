// Bundles each entry point into one self-contained CommonJS file under dist/, so the CLI, the language
// server and the VS Code client run without node_modules next to them.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, readFileSync } from 'node:fs';
import { makeCodeCaches } from './tools/code-cache.mjs';
import { jsonModule } from './tools/json-module.mjs';

// Generated JSON data as a module (tools/json-module.mjs): parsed with JSON.parse, big entries when first read.
const jsonAsParse = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => {
      // Parsed here once: a broken file fails the build, and the strings are the compact form.
      return { contents: jsonModule(readFileSync(args.path, 'utf8')), loader: 'js' };
    });
  },
};

const entries = [
  // The CLI and the language server are each a bundle started by a small loader that compiles it from V8's code
  // cache when one made by this build fits (server/src/boot/runBundle.ts, tools/code-cache.mjs).
  { in: 'server/src/cli/main.ts', out: 'dist/cli-bundle.js', digest: true },
  { in: 'server/src/lsp/main.ts', out: 'dist/server-bundle.js', digest: true },
  { in: 'server/src/boot/cli.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/boot/server.ts', out: 'dist/server.js' },
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
    plugins: [jsonAsParse],
  });
  if (entry.banner) chmodSync(entry.out, 0o755);
  // The loader matches a code cache to its bundle by this line instead of hashing the bundle at every start.
  if (entry.digest) {
    const digest = createHash('sha256').update(readFileSync(entry.out)).digest('hex');
    appendFileSync(entry.out, `\n//# cilium-bundle-digest=${digest}\n`);
  }
}

if (process.env.CILIUM_NO_CODE_CACHE !== '1') await makeCodeCaches('dist', process.cwd());
