// The bundles carry the generated JSON data (catalog.json, configKeys.json, …) as modules made by
// tools/json-module.mjs: small files parsed whole at load, each big top-level entry parsed when first read. The
// data must read exactly as the JSON file, and a small Helm values file must leave the data it never needs unparsed
// (the cilium-config keys, the boolean-use table): that parse and its garbage-collector copying are cold-start time.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { findRepoRoot } from '../../tools/repoRoot';
// @ts-expect-error: a plain ES module of the build, without type declarations.
import { jsonModule } from '../../tools/json-module.mjs';

const root = findRepoRoot();
const knowledge = path.join(root, 'server/src/core/knowledge');

/** Evaluates the module text jsonModule gives and returns its default export. */
function load(text: string): Record<string, unknown> {
  const body = (jsonModule as (t: string) => string)(text).replace(/export default (\w+|JSON\.parse\()/, 'return $1');
  return (runInThisContext(`(function () {\n${body}\n})`) as () => Record<string, unknown>)();
}

/** True while `key` of `data` is still an unread lazy entry (a getter, not a value). */
function unread(data: object, key: string): boolean {
  return typeof Object.getOwnPropertyDescriptor(data, key)?.get === 'function';
}

describe('generated JSON in the bundles', () => {
  it('reads exactly as the JSON file: same keys in the same order, same values', () => {
    const files = readdirSync(knowledge).filter((f) => f.endsWith('.json'));
    assert.ok(files.includes('catalog.json') && files.includes('configKeys.json'));
    for (const f of files) {
      const text = readFileSync(path.join(knowledge, f), 'utf8');
      const data = load(text);
      assert.equal(JSON.stringify(data), JSON.stringify(JSON.parse(text)), f);
      // Read once more after every entry is parsed: the values stay in place.
      assert.equal(JSON.stringify(data), JSON.stringify(JSON.parse(text)), f);
    }
  });

  it('parses a big entry only when it is read, and keeps it as a plain value after', () => {
    const data = load(readFileSync(path.join(knowledge, 'configKeys.json'), 'utf8'));
    assert.ok(unread(data, 'keys'));
    assert.ok(!unread(data, 'versions'), 'a small entry is parsed with the file');
    assert.deepEqual(
      Object.keys(data),
      Object.keys(JSON.parse(readFileSync(path.join(knowledge, 'configKeys.json'), 'utf8'))),
    );
    const keys = data.keys;
    assert.ok(!unread(data, 'keys'));
    assert.equal(data.keys, keys, 'parsed once, then the same object');
    // A key "__proto__" is a key, not the object's prototype.
    const odd = load(`{"__proto__": 1, "big": "${'x'.repeat(5000)}"}`);
    assert.deepEqual(Object.keys(odd), ['__proto__', 'big']);
    assert.equal(Object.getPrototypeOf(odd), Object.prototype);
  });

  it('a small Helm values file leaves the cilium-config keys and the boolean-use table unparsed', async () => {
    // The core bundled as the CLI bundles it (same JSON modules), with the data objects exported to look at.
    const entry = [
      `export { analyze } from ${JSON.stringify(path.join(root, 'server/src/core/analyze.ts'))};`,
      `export { default as configKeys } from ${JSON.stringify(path.join(knowledge, 'configKeys.json'))};`,
      `export { default as booleanUses } from ${JSON.stringify(path.join(knowledge, 'booleanUses.json'))};`,
    ].join('\n');
    const out = await build({
      stdin: { contents: entry, resolveDir: root, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'json-module',
          setup(b) {
            b.onLoad({ filter: /\.json$/ }, (args) => ({
              contents: (jsonModule as (t: string) => string)(readFileSync(args.path, 'utf8')),
              loader: 'js',
            }));
          },
        },
      ],
    });
    const mod = { exports: {} as Record<string, unknown> };
    const wrapper = runInThisContext(`(function (module, exports, require) {\n${out.outputFiles[0]!.text}\n})`) as (
      m: typeof mod,
      e: object,
      r: NodeRequire,
    ) => void;
    wrapper(mod, mod.exports, require);
    const { analyze, configKeys, booleanUses } = mod.exports as {
      analyze: (text: string) => { documents: unknown[] };
      configKeys: object;
      booleanUses: object;
    };
    const values = readFileSync(path.join(root, 'examples/fast-path-1.16-values.yaml'), 'utf8');
    assert.equal(analyze(values).documents.length, 1);
    assert.ok(unread(configKeys, 'keys'), 'a values file needs no cilium-config keys');
    assert.ok(unread(booleanUses, 'values'), 'nor the boolean-use table without a quoted boolean');
    // A ConfigMap does read the cilium-config keys: the check above is not true of every file.
    assert.equal(analyze(readFileSync(path.join(root, 'examples/cilium-config.yaml'), 'utf8')).documents.length, 1);
    assert.ok(!unread(configKeys, 'keys'));
  });
});
