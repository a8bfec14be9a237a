// The user's own chart copy as a source of key descriptions: a chart folder in the workspace, or a chart
// archive in the Helm cache.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parseChartDescriptions } from '../../server/src/core/chartDescriptions';
import { chartDescriptionLookup, findCachedCharts, findWorkspaceCharts, readFromTgz } from '../../server/src/lsp/chartDocs';

/** A minimal ustar archive with the given files. */
function tgz(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const h = Buffer.alloc(512);
    h.write(name, 0);
    h.write('0000644\0', 100);
    h.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('0', 156);
    h.write('ustar\0', 257);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

const VALUES = '# -- Masquerade in eBPF (our test chart)\n# @default -- false\nbpf:\n  # -- Enable the thing\n  masquerade: false\n';

describe('chart descriptions', () => {
  it('reads the comment above each key of a real upstream values.yaml', () => {
    const m = parseChartDescriptions(readFileSync('../shared/cilium-charts/v1.16/values.yaml', 'utf8'));
    assert.ok(m.size > 500, `${m.size} descriptions`);
    assert.match(m.get('bpf.masquerade') ?? '', /masquerade/i);
  });

  it('finds a cilium chart in the workspace', () => {
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
    const lookup = chartDescriptionLookup(charts);
    assert.equal(lookup('1.16', 'bpf.masquerade'), 'Enable the thing');
    assert.equal(lookup('1.16', 'bpf'), 'Masquerade in eBPF (our test chart)');
  });

  it('reads values.yaml out of a cached chart archive', () => {
    const cache = mkdtempSync(join(tmpdir(), 'helm-cache-'));
    writeFileSync(join(cache, 'cilium-1.17.2.tgz'), tgz({ 'cilium/Chart.yaml': 'name: cilium\n', 'cilium/values.yaml': VALUES }));
    writeFileSync(join(cache, 'cilium-1.18.0.tgz'), 'not a gzip file');
    assert.equal(readFromTgz(tgz({ 'a/b.txt': 'hello' }), (n) => n === 'a/b.txt'), 'hello');
    const charts = findCachedCharts(cache);
    assert.deepEqual(charts.map((c) => c.version), ['1.17']);
    assert.equal(chartDescriptionLookup(charts)('1.17', 'bpf.masquerade'), 'Enable the thing');
    assert.equal(chartDescriptionLookup(charts)('1.16', 'bpf.masquerade'), undefined);
  });
});
