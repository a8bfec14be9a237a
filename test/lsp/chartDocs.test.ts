// The user's own chart copy as a source of key descriptions: a chart folder in the workspace, or a chart
// archive in the Helm cache.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parseChartDescriptions } from '../../server/src/core/chartDescriptions';
import {
  ChartDescriptions,
  chartDescriptionLookup,
  findCachedCharts,
  findWorkspaceCharts,
} from '../../server/src/lsp/chartDocs';
import { fileFromTgzBuffer } from '../../server/src/io/tgz';

/** The wanted file of an in-memory archive as text (undefined when absent or unreadable). */
const readFromTgz = (archive: Buffer, wanted: (name: string) => boolean) => {
  const r = fileFromTgzBuffer(archive, wanted);
  return r.ok ? r.data?.toString('utf8') : undefined;
};
import { tgz } from './tgz';

const VALUES =
  '# -- Masquerade in eBPF (our test chart)\n# @default -- false\nbpf:\n  # -- Enable the thing\n  masquerade: false\n';

describe('chart descriptions', () => {
  it('reads the comment above each key of a real upstream values.yaml', () => {
    const m = parseChartDescriptions(readFileSync('../shared/cilium-charts/v1.16/values.yaml', 'utf8'));
    assert.ok(m.size > 500, `${m.size} descriptions`);
    assert.match(m.get('bpf.masquerade') ?? '', /masquerade/i);
  });

  it('finds a cilium chart in the workspace', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'cilium-ws-'));
    mkdirSync(join(ws, 'charts/cilium'), { recursive: true });
    writeFileSync(join(ws, 'charts/cilium/Chart.yaml'), 'apiVersion: v2\nname: cilium\nversion: 1.16.5\n');
    writeFileSync(join(ws, 'charts/cilium/values.yaml'), VALUES);
    mkdirSync(join(ws, 'charts/other'), { recursive: true });
    writeFileSync(join(ws, 'charts/other/Chart.yaml'), 'name: other\nversion: 1.0.0\n');
    writeFileSync(join(ws, 'charts/other/values.yaml'), 'x: 1\n');
    const charts = findWorkspaceCharts([ws]);
    assert.equal(charts.length, 1);
    assert.equal(charts[0].version, '1.16');
    const lookup = await chartDescriptionLookup(charts, ['1.16']);
    assert.equal(lookup('1.16', 'bpf.masquerade'), 'Enable the thing');
    assert.equal(lookup('1.16', 'bpf'), 'Masquerade in eBPF (our test chart)');
  });

  it('reads values.yaml out of a cached chart archive, the newest patch of the wanted minor version', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'helm-cache-'));
    writeFileSync(
      join(cache, 'cilium-1.17.2.tgz'),
      tgz({ 'cilium/Chart.yaml': 'name: cilium\n', 'cilium/values.yaml': VALUES }),
    );
    writeFileSync(
      join(cache, 'cilium-1.17.10.tgz'),
      tgz({ 'cilium/values.yaml': VALUES.replace('Enable the thing', 'Enable the thing (1.17.10)') }),
    );
    writeFileSync(join(cache, 'cilium-1.18.0.tgz'), 'not a gzip file');
    writeFileSync(join(cache, 'cilium-index.yaml'), 'apiVersion: v1\n');
    assert.equal(
      readFromTgz(tgz({ 'a/b.txt': 'hello' }), (n) => n === 'a/b.txt'),
      'hello',
    );
    const charts = findCachedCharts(cache);
    assert.deepEqual(charts.map((c) => c.version).sort(), ['1.17', '1.17', '1.18']);
    const lookup = await chartDescriptionLookup(charts, ['1.17', '1.16', '1.18']);
    assert.equal(lookup('1.17', 'bpf.masquerade'), 'Enable the thing (1.17.10)');
    assert.equal(lookup('1.16', 'bpf.masquerade'), undefined);
    assert.equal(lookup('1.18', 'bpf.masquerade'), undefined, 'a broken archive gives nothing, and no exception');
  });

  it('reads long names from PAX headers', () => {
    const body = Buffer.from('27 path=cilium/values.yaml\n');
    const pax = Buffer.alloc(512);
    pax.write('PaxHeaders/x', 0);
    pax.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
    pax.write('x', 156);
    const file = Buffer.alloc(512);
    file.write('truncated-name', 0);
    file.write('5'.padStart(11, '0') + '\0', 124);
    file.write('0', 156);
    const tar = Buffer.concat([
      pax,
      body,
      Buffer.alloc(512 - body.length),
      file,
      Buffer.from('a: 1\n'),
      Buffer.alloc(512 - 5),
      Buffer.alloc(1024),
    ]);
    assert.equal(
      readFromTgz(gzipSync(tar), (n) => n === 'cilium/values.yaml'),
      'a: 1\n',
    );
  });

  it('does not follow symbolic links out of the workspace', () => {
    const outside = mkdtempSync(join(tmpdir(), 'cilium-outside-'));
    writeFileSync(join(outside, 'Chart.yaml'), 'name: cilium\nversion: 1.16.0\n');
    writeFileSync(join(outside, 'values.yaml'), VALUES);
    const ws = mkdtempSync(join(tmpdir(), 'cilium-ws-link-'));
    symlinkSync(outside, join(ws, 'linked-chart'));
    assert.deepEqual(findWorkspaceCharts([ws]), []);
  });

  it('never looks in the Helm cache when reading it is not allowed', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'xdg-'));
    mkdirSync(join(cache, 'helm/repository'), { recursive: true });
    writeFileSync(join(cache, 'helm/repository/cilium-1.16.1.tgz'), tgz({ 'cilium/values.yaml': VALUES }));
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache;
    try {
      const logs: string[] = [];
      const charts = new ChartDescriptions((m) => logs.push(m));
      charts.setRoots([]);
      assert.equal((await charts.lookup(false, ['1.16']))('1.16', 'bpf.masquerade'), undefined);
      assert.equal(logs.length, 0, logs.join('\n'));
      assert.equal((await charts.lookup(true, ['1.16']))('1.16', 'bpf.masquerade'), 'Enable the thing');
      assert.ok(
        logs.some((l) => l.includes('cilium-1.16.1.tgz')),
        logs.join('\n'),
      );
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
  });
});
