// The CLI and the language server start from V8's code cache made at build time (server/src/boot/runBundle.ts,
// tools/code-cache.mjs): used only when made from the very bundle and accepted by this V8, the bundle compiled as
// usual otherwise, and in every case it runs as the main module. Each run is a fresh process (V8 keeps compiled
// scripts per process, so a second run in one process would not read the cache at all).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { findRepoRoot } from '../../tools/repoRoot';

const root = findRepoRoot();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A bundle that prints which code ran and whether it saw itself as the main module. */
function bundle(name: string, tag: string): string {
  const file = path.join(tmp, name);
  writeFileSync(
    file,
    `#!/usr/bin/env node\nprocess.stdout.write(${JSON.stringify(tag)} + ':' + (require.main === module) + ':' + typeof require('node:path').join);\n`,
  );
  return file;
}

/** The same bundle with the digest line the build appends; `stated` replaces the true digest. */
function withDigestLine(file: string, stated?: string): void {
  const body = readFileSync(file);
  const digest = stated ?? createHash('sha256').update(body).digest('hex');
  writeFileSync(file, Buffer.concat([body, Buffer.from(`\n//# cilium-bundle-digest=${digest}\n`)]));
}

/** Runs `file` through runBundle in a new process; `write` makes it write the cache beside the bundle on exit. */
function start(file: string, write = false): { out: string; status: string } {
  const loader = path.join(root, 'server/src/boot/runBundle.ts');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', `require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(file)})`],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        CILIUM_CODE_CACHE_REPORT: '1',
        ...(write ? { CILIUM_CODE_CACHE_OUT: `${file}.cache` } : {}),
      },
    },
  );
  assert.equal(r.status, 0, r.stderr);
  return { out: r.stdout, status: /code cache: (\w+)/.exec(r.stderr)?.[1] ?? r.stderr };
}

describe('starting a bundle from its code cache', () => {
  it('compiles as usual without a cache, then uses the cache made from that bundle', () => {
    const file = bundle('a.js', 'A');
    assert.deepEqual(start(file, true), { out: 'A:true:function', status: 'none' });
    assert.ok(existsSync(`${file}.cache`));
    assert.deepEqual(start(file), { out: 'A:true:function', status: 'used' });
  });

  it('ignores a cache made from another bundle of the same length (V8 alone would not notice)', () => {
    const file = bundle('b.js', 'B');
    start(file, true);
    bundle('b.js', 'C');
    assert.deepEqual(start(file), { out: 'C:true:function', status: 'stale' });
  });

  it('matches the cache by the digest line of a built bundle, without hashing the bundle', () => {
    const file = bundle('e.js', 'E');
    // A stated digest that is not the bundle's hash: still used, so the start did not hash the bundle.
    withDigestLine(file, 'ab'.repeat(32));
    start(file, true);
    assert.deepEqual(start(file), { out: 'E:true:function', status: 'used' });
    // Another build of the same length states another digest: its cache is not this one.
    bundle('e.js', 'F');
    withDigestLine(file, 'cd'.repeat(32));
    assert.deepEqual(start(file), { out: 'F:true:function', status: 'stale' });
  });

  it('the digest line of each built bundle is the SHA-256 of everything before it', () => {
    for (const name of ['cli-bundle.js', 'server-bundle.js']) {
      const bytes = readFileSync(path.join(root, 'dist', name));
      const m = /\n\/\/# cilium-bundle-digest=([0-9a-f]{64})\n$/.exec(
        bytes.subarray(bytes.length - 100).toString('latin1'),
      );
      assert.ok(m, `${name} has no digest line: npm run build writes it`);
      const body = bytes.subarray(0, bytes.length - m[0].length);
      assert.equal(createHash('sha256').update(body).digest('hex'), m[1], name);
    }
  });

  it('runs the bundle when V8 refuses its cache (cut short here)', () => {
    const file = bundle('d.js', 'D');
    start(file, true);
    const cache = readFileSync(`${file}.cache`);
    writeFileSync(`${file}.cache`, cache.subarray(0, cache.length - 16));
    assert.deepEqual(start(file), { out: 'D:true:function', status: 'rejected' });
  });

  it('the build made caches that this Node accepts, and cilium-lint answers the same from them', () => {
    const dist = path.join(root, 'dist');
    for (const f of ['cli-bundle.js.cache', 'server-bundle.js.cache'])
      assert.ok(existsSync(path.join(dist, f)), `${f} missing: npm run build makes it`);
    const file = path.join(root, 'examples', 'fast-path-1.16-values.yaml');
    const cached = spawnSync(process.execPath, [path.join(dist, 'cli.js'), '--format', 'json', file], {
      encoding: 'utf8',
      env: { ...process.env, CILIUM_CODE_CACHE_REPORT: '1' },
    });
    assert.match(cached.stderr, /code cache: used/);
    // The same bundle run by Node itself, without the loader or a cache (a copy, so no cache file is beside it).
    const copy = path.join(tmp, 'cli-bundle.js');
    writeFileSync(copy, readFileSync(path.join(dist, 'cli-bundle.js')));
    const direct = spawnSync(process.execPath, [copy, '--format', 'json', file], { encoding: 'utf8' });
    assert.equal(cached.status, direct.status);
    assert.equal(cached.stdout, direct.stdout);
  });
});
