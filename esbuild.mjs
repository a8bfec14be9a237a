// Bundles each entry point into one self-contained CommonJS file under dist/, so the CLI, the language
// server and the VS Code client run without node_modules next to them.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { makeCodeCaches } from './tools/code-cache.mjs';

/**
 * Generated JSON data (catalog.json, configKeys.json, …) as `JSON.parse('…')` instead of an object literal: V8
 * parses JSON several times faster than it compiles the same data as JavaScript, which is most of the
 * start-up of the CLI and the server. The data is validated by the tests, not at run time.
 */
const jsonAsParse = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      // Parsed here once: a broken file fails the build, and the string is the compact form.
      return {
        contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`,
        loader: 'js',
      };
    });
  },
};

const entries = [
  // The CLI and the language server are each a bundle started by a small loader that compiles it from V8's code
  // cache when one made by this build fits (server/src/boot/runBundle.ts, tools/code-cache.mjs).
  { in: 'server/src/cli/main.ts', out: 'dist/cli-bundle.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server-bundle.js' },
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
}

if (process.env.CILIUM_NO_CODE_CACHE !== '1') await makeCodeCaches('dist', process.cwd());
