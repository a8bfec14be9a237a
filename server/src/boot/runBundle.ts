// Starts a bundle (dist/cli-bundle.js, dist/server-bundle.js) from V8's code cache when there is one for it: the
// bytecode of every function a first answer runs, made at build time by running the bundle once (esbuild.mjs,
// tools/code-cache.mjs). On a cold start V8 would otherwise parse and compile those functions one by one, a large
// part of the time to a first answer. Node 20 has no module.enableCompileCache() (22.1+), so this does it by hand.
//
// The cache file is the SHA-256 of the bundle it was made from, then V8's data. It is used only when the digest
// matches the bundle (V8 itself checks only the source's length) and V8 accepts it (same V8 version and flags, so
// not under another Node, or VS Code's Electron): otherwise the bundle is compiled as usual. Nothing is written at
// run time unless CILIUM_CODE_CACHE_OUT names a file (the build does that).
//
// The build writes each bundle's digest on its last line (`//# cilium-bundle-digest=…`, esbuild.mjs): the start
// reads it there instead of hashing 3 MB, and without loading node:crypto (~10 ms of a cold start together). A
// bundle without that line (made otherwise) is hashed.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

const DIGEST_BYTES = 32;

/**
 * What became of the code cache: `used`; `none` (no cache file); `stale` (made from another bundle);
 * `rejected` (V8 refused it: another V8 version or flags, or damaged).
 */
export type CodeCacheStatus = 'used' | 'none' | 'stale' | 'rejected';

/** The last line of a bundle built by esbuild.mjs: the SHA-256 (hex) of every byte before that line. */
const DIGEST_LINE = /\n\/\/# cilium-bundle-digest=([0-9a-f]{64})\n?$/;

/** The digest a bundle's last line states, or undefined without that line. */
export function statedDigest(bytes: Buffer): Buffer | undefined {
  const tail = bytes.subarray(Math.max(0, bytes.length - 100)).toString('latin1');
  const m = DIGEST_LINE.exec(tail);
  return m ? Buffer.from(m[1]!, 'hex') : undefined;
}

/** SHA-256 of the bundle: the one its last line states, else computed (node:crypto is then loaded). */
function digestOf(bytes: Buffer): Buffer {
  return (
    statedDigest(bytes) ??
    (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(bytes).digest()
  );
}

/** The V8 data of `cacheFile` when it was made from exactly `bytes`. */
function cachedDataFor(bytes: Buffer, cacheFile: string): Buffer | 'none' | 'stale' {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return 'none';
  }
  if (cache.length <= DIGEST_BYTES || !digestOf(bytes).equals(cache.subarray(0, DIGEST_BYTES))) return 'stale';
  return cache.subarray(DIGEST_BYTES);
}

/**
 * Writes the code cache of a bundle run by runBundle (after the run: then it holds every function compiled), through
 * a temporary file and a rename, so a reader never sees half a cache.
 */
export function writeCodeCache(run: { bytes: Buffer; script: Script }, cacheFile: string): void {
  const partial = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(partial, Buffer.concat([digestOf(run.bytes), run.script.createCachedData()]));
  renameSync(partial, cacheFile);
}

/**
 * Runs `file` as a CommonJS module compiled from `file.cache` when that is valid, and returns its exports. As the
 * program (`main`: the loader was started by `node loader.js`) it sees itself as the main module, as under
 * `node file`; as a library (the loader was require()d) it does not. With CILIUM_CODE_CACHE_OUT set, writes the
 * cache there when the process exits; with CILIUM_CODE_CACHE_REPORT set, says on stderr whether the cache was used.
 */
export function runBundle(
  file: string,
  main = true,
): { status: CodeCacheStatus; bytes: Buffer; script: Script; exports: unknown } {
  const bytes = readFileSync(file);
  const cached = cachedDataFor(bytes, `${file}.cache`);
  const cachedData = typeof cached === 'string' ? undefined : cached;
  // A shebang line is not JavaScript: blank it (same length, so offsets and source maps still line up).
  const source = bytes.toString('utf8').replace(/^#!.*/, (line) => ' '.repeat(line.length));
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const status: CodeCacheStatus = typeof cached === 'string' ? cached : script.cachedDataRejected ? 'rejected' : 'used';
  const mod = new Module(file, undefined);
  const run = { status, bytes, script, exports: mod.exports as unknown };
  if (process.env.CILIUM_CODE_CACHE_REPORT) process.stderr.write(`code cache: ${status}\n`);
  const out = process.env.CILIUM_CODE_CACHE_OUT;
  if (out) process.on('exit', () => writeCodeCache(run, out));
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const req = Module.createRequire(file);
  if (main) (req as { main?: Module }).main = mod;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeRequire,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  mod.loaded = true;
  run.exports = mod.exports;
  return run;
}
