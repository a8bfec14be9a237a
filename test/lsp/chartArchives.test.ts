// Hostile chart sources: Helm-cache archives that expand far beyond their size, archives that are FIFOs or
// links to /dev/zero, oversized or linked-away files in workspace charts, and where Helm keeps its cache on each
// platform. Byte counts and logs are asserted, never time.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ChartDescriptions, findCachedCharts, findWorkspaceCharts, helmCacheDir } from '../../server/src/lsp/chartDocs';
import { fileFromTgz, fileFromTgzBuffer } from '../../server/src/io/tgz';
import { readGuarded } from '../../server/src/io/guardedRead';
import { tgz } from './tgz';

const VALUES = '# -- Masquerade in eBPF (our test chart)\nbpf:\n  # -- Enable the thing\n  masquerade: false\n';

/** A ustar header for one file of `size` bytes (its data is written by the caller). */
function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('0', 156);
  h.write('ustar\0', 257);
  return h;
}

const MiB = 1 << 20;
/** One MiB of comment lines, gzipped once (about 1 KB): repeated as gzip members it makes a bomb in no time
 * (gunzip reads concatenated members as one stream, as the gzip format allows). */
const LINES = Buffer.alloc(MiB, '# padding\n');
const LINES_GZ = gzipSync(LINES, { level: 9 });
const ZEROS_GZ = gzipSync(Buffer.alloc(MiB), { level: 9 });

/** A .tgz whose file `name` has `mib` MiB of comment lines (tiny compressed, huge unpacked), then `after`. */
function bombArchive(name: string, mib: number, after: Buffer[] = []): Buffer {
  return Buffer.concat([
    gzipSync(header(name, mib * MiB)),
    ...Array<Buffer>(mib).fill(LINES_GZ),
    ...after,
    gzipSync(Buffer.alloc(1024)),
  ]);
}

function cacheDir(): string {
  return mkdtempSync(join(tmpdir(), 'helm-cache-hostile-'));
}

describe('Helm-cache archives under abuse', () => {
  it('refuses a values.yaml that expands to 400 MB without unpacking it (the cap is on the file, before reading it)', async () => {
    const dir = cacheDir();
    const archive = bombArchive('cilium/values.yaml', 400);
    assert.ok(archive.length < 1 * MiB, `${archive.length} bytes compressed`);
    writeFileSync(join(dir, 'cilium-1.16.1.tgz'), archive);
    const r = await fileFromTgz(join(dir, 'cilium-1.16.1.tgz'), (f) => f === 'cilium/values.yaml');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /more than/);
    const logs: string[] = [];
    const [chart] = findCachedCharts(dir, (m) => logs.push(m));
    assert.equal((await chart.descriptions()).size, 0);
    assert.ok(
      logs.some((l) => /cannot read .*cilium-1\.16\.1\.tgz/.test(l)),
      logs.join('\n'),
    );
  });

  it('stops a gzip bomb at the decompression cap (many files, none wanted)', async () => {
    const dir = cacheDir();
    // 20 templates of 4 MiB each (80 MiB unpacked, more than the cap), and no values.yaml at all.
    const parts: Buffer[] = [];
    for (let i = 0; i < 20; i++)
      parts.push(gzipSync(header(`cilium/templates/f${i}.yaml`, 4 * MiB)), ...Array<Buffer>(4).fill(ZEROS_GZ));
    const archive = Buffer.concat([...parts, gzipSync(Buffer.alloc(1024))]);
    writeFileSync(join(dir, 'cilium-1.17.0.tgz'), archive);
    const r = await fileFromTgz(join(dir, 'cilium-1.17.0.tgz'), (f) => f === 'cilium/values.yaml');
    assert.deepEqual(r.ok ? 'read' : r.message.replace(/[\d.]+ MiB/, 'N'), 'decompresses to more than N');
    const mem = fileFromTgzBuffer(archive, (f) => f === 'cilium/values.yaml');
    assert.equal(mem.ok, false, 'the in-memory path is capped too (gunzipSync with maxOutputLength)');
  });

  it('stops reading once the wanted file is found (the rest of the archive is never decompressed)', async () => {
    const dir = cacheDir();
    // values.yaml first, then 200 MiB of templates: more than the cap, so only stopping early can succeed.
    const first = gzipSync(
      Buffer.concat([
        header('cilium/values.yaml', VALUES.length),
        Buffer.from(VALUES),
        Buffer.alloc(512 - VALUES.length),
      ]),
    );
    writeFileSync(
      join(dir, 'cilium-1.18.2.tgz'),
      Buffer.concat([first, bombArchive('cilium/templates/big.yaml', 200)]),
    );
    const r = await fileFromTgz(join(dir, 'cilium-1.18.2.tgz'), (f) => f === 'cilium/values.yaml');
    assert.ok(r.ok, !r.ok ? r.message : '');
    assert.equal(r.data?.toString(), VALUES);
  });

  it('refuses an archive that is a FIFO or a link to /dev/zero, without blocking', async () => {
    const dir = cacheDir();
    execFileSync('mkfifo', [join(dir, 'cilium-1.16.2.tgz')]);
    symlinkSync('/dev/zero', join(dir, 'cilium-1.15.3.tgz'));
    const fifo = await fileFromTgz(join(dir, 'cilium-1.16.2.tgz'), () => true);
    assert.match(!fifo.ok ? fifo.message : 'read', /FIFO/);
    const zero = await fileFromTgz(join(dir, 'cilium-1.15.3.tgz'), () => true);
    assert.match(!zero.ok ? zero.message : 'read', /character device/);
  });

  it('opens only the archive of the version a hover needs', async () => {
    const dir = cacheDir();
    for (const v of ['1.14.3', '1.15.1', '1.16.4'])
      writeFileSync(join(dir, `cilium-${v}.tgz`), tgz({ 'cilium/values.yaml': VALUES }));
    const logs: string[] = [];
    const charts = new ChartDescriptions(
      (m) => logs.push(m),
      () => dir,
    );
    const lookup = await charts.lookup(true, ['1.15']);
    assert.equal(lookup('1.15', 'bpf.masquerade'), 'Enable the thing');
    const opened = logs.filter((l) => l.startsWith('chart descriptions:'));
    assert.deepEqual(opened, [`chart descriptions: 2 keys from ${join(dir, 'cilium-1.15.1.tgz')}`]);
  });
});

describe('Helm cache location (helm pkg/helmpath)', () => {
  it('HELM_CACHE_HOME wins, then XDG_CACHE_HOME, then the platform default', () => {
    assert.equal(helmCacheDir({ HELM_CACHE_HOME: '/hc', XDG_CACHE_HOME: '/x' }, 'linux', '/home/u'), '/hc/repository');
    assert.equal(helmCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u'), '/x/helm/repository');
    assert.equal(helmCacheDir({}, 'linux', '/home/u'), '/home/u/.cache/helm/repository');
    assert.equal(helmCacheDir({}, 'darwin', '/Users/u'), '/Users/u/Library/Caches/helm/repository');
    assert.equal(
      helmCacheDir({ TEMP: 'C:\\Users\\u\\AppData\\Local\\Temp' }, 'win32', 'C:\\Users\\u'),
      'C:\\Users\\u\\AppData\\Local\\Temp\\helm\\repository',
    );
    assert.equal(helmCacheDir({ HELM_CACHE_HOME: 'D:\\helm' }, 'win32', 'C:\\Users\\u'), 'D:\\helm\\repository');
  });

  it('the server reads archives from $HELM_CACHE_HOME/repository', async () => {
    const home = cacheDir();
    mkdirSync(join(home, 'repository'));
    writeFileSync(join(home, 'repository/cilium-1.16.1.tgz'), tgz({ 'cilium/values.yaml': VALUES }));
    const saved = process.env.HELM_CACHE_HOME;
    process.env.HELM_CACHE_HOME = home;
    try {
      const lookup = await new ChartDescriptions().lookup(true, ['1.16']);
      assert.equal(lookup('1.16', 'bpf.masquerade'), 'Enable the thing');
    } finally {
      if (saved === undefined) delete process.env.HELM_CACHE_HOME;
      else process.env.HELM_CACHE_HOME = saved;
    }
  });
});

describe('workspace charts under abuse', () => {
  function chartDir(): { ws: string; chart: string } {
    const ws = mkdtempSync(join(tmpdir(), 'cilium-ws-hostile-'));
    const chart = join(ws, 'charts/cilium');
    mkdirSync(chart, { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: cilium\nversion: 1.16.5\n');
    return { ws, chart };
  }

  it('never shows a file outside the workspace that values.yaml links to', async () => {
    const { ws, chart } = chartDir();
    const outside = mkdtempSync(join(tmpdir(), 'cilium-secret-'));
    writeFileSync(join(outside, 'secret.env'), '# -- TOKEN=hunter2\nbpf:\n  masquerade: true\n');
    symlinkSync(join(outside, 'secret.env'), join(chart, 'values.yaml'));
    const logs: string[] = [];
    const [c] = findWorkspaceCharts([ws], (m) => logs.push(m));
    assert.equal((await c.descriptions()).size, 0);
    assert.ok(
      logs.some((l) => /outside the workspace/.test(l)),
      logs.join('\n'),
    );
  });

  it('follows a link that stays inside the workspace', async () => {
    const { ws, chart } = chartDir();
    writeFileSync(join(ws, 'shared-values.yaml'), VALUES);
    symlinkSync('../../shared-values.yaml', join(chart, 'values.yaml'));
    const [c] = findWorkspaceCharts([ws]);
    assert.equal((await c.descriptions()).get('bpf.masquerade'), 'Enable the thing');
  });

  it('refuses values.yaml linked to /dev/zero, a FIFO values.yaml, and one larger than the cap, without reading them', async () => {
    for (const make of [
      (p: string) => symlinkSync('/dev/zero', p),
      (p: string) => execFileSync('mkfifo', [p]),
      (p: string) => {
        writeFileSync(p, '');
        truncateSync(p, 3 * 2 ** 30); // a sparse 3 GiB file
      },
    ]) {
      const { ws, chart } = chartDir();
      make(join(chart, 'values.yaml'));
      const logs: string[] = [];
      const found = findWorkspaceCharts([ws], (m) => logs.push(m));
      const sizes = await Promise.all(found.map(async (c) => (await c.descriptions()).size));
      assert.deepEqual(
        sizes.filter((s) => s > 0),
        [],
      );
      assert.ok(found.length === 0 || logs.some((l) => /cannot read/.test(l)), logs.join('\n'));
    }
  });

  it('the guarded reader opens a FIFO without blocking and refuses it by type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guarded-'));
    execFileSync('mkfifo', [join(dir, 'p')]);
    const r = readGuarded(join(dir, 'p'), { maxBytes: 10 });
    assert.deepEqual(r.ok ? 'read' : r.failure, 'not-regular');
  });
});
