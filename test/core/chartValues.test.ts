// Every key documented offline: the shipped values.yaml of each chart version is upstream's (re-generating it from
// ../shared/cilium-charts gives the same text), the chart's `# --` descriptions and `@default` notes are read from
// it, and hover and completion show them for every key the chart describes, with our datapath notes on top.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { chartValuesIndex, chartValuesText, chartValuesVersions } from '../../server/src/core/chart/values/chartValues';
import { parseChartKeys } from '../../server/src/core/chartDescriptions';
import { completeAt } from '../../server/src/core/completion';
import { helmKeyMarkdown } from '../../server/src/core/docs/keyInfo';
import { hoverAt } from '../../server/src/core/hover';
import { allPathsIn } from '../../server/src/core/knowledge/catalog';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
const SHARED = path.resolve(repoRoot, '../shared/cilium-charts');
const PACKED = path.join(repoRoot, 'server/src/core/chart/values/packed.ts');

describe('shipped chart values.yaml', () => {
  it("is upstream's text for every supported version (npm run gen:chart-values is current)", () => {
    const versions = chartValuesVersions();
    for (const v of SUPPORTED_VERSIONS) assert.ok(versions.includes(v), `${v} not packed`);
    for (const v of versions) {
      assert.equal(
        chartValuesText(v),
        readFileSync(path.join(SHARED, `v${v}`, 'values.yaml'), 'utf8'),
        `${v} differs: run npm run gen:chart-values`,
      );
    }
  });

  it('re-generating writes the same versions, and the packed data stays small', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'gen-values-'));
    try {
      const file = path.join(out, 'packed.ts');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot, 'tools/gen-chart-values.ts'), SHARED, file],
        { cwd: repoRoot, encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.ok(existsSync(file));
      // Same inputs, same bytes (Brotli at a fixed quality and window is deterministic).
      assert.equal(readFileSync(file, 'utf8'), readFileSync(PACKED, 'utf8'), 'run npm run gen:chart-values');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    assert.ok(readFileSync(PACKED).length < 150_000, 'ten values.yaml files packed in under 150 KB');
  });

  it('packs the versions of the version table, not every folder: a new v1.NN in ../shared changes nothing', () => {
    const charts = mkdtempSync(path.join(os.tmpdir(), 'gen-values-charts-'));
    try {
      for (const v of SUPPORTED_VERSIONS) {
        mkdirSync(path.join(charts, `v${v}`));
        writeFileSync(
          path.join(charts, `v${v}`, 'values.yaml'),
          readFileSync(path.join(SHARED, `v${v}`, 'values.yaml')),
        );
      }
      mkdirSync(path.join(charts, 'v1.99'));
      writeFileSync(path.join(charts, 'v1.99', 'values.yaml'), 'future: true\n');
      const file = path.join(charts, 'packed.ts');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot, 'tools/gen-chart-values.ts'), charts, file],
        { cwd: repoRoot, encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(file, 'utf8'), readFileSync(PACKED, 'utf8'));
    } finally {
      rmSync(charts, { recursive: true, force: true });
    }
  });

  it('keeps the built extension and server inside the .vsix budget (2 MiB, compressed as the .vsix zips them)', () => {
    const dist = path.join(repoRoot, 'dist');
    const files = ['server.js', 'server-bundle.js', 'extension.js'].map((f) => path.join(dist, f));
    if (!files.every(existsSync)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    const zipped = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    assert.ok(zipped < 2 * 1024 * 1024 - 200_000, `${zipped} B compressed`);
  });
});

describe('chart key index', () => {
  it('reads descriptions, @default notes, lines and commented-out example keys', () => {
    const text = [
      '## Section title',
      '',
      'bpf:',
      '  # -- Masquerade in eBPF',
      '  # across two lines',
      '  # @default -- `false`',
      '  masquerade: ~',
      '  # -- Monitor aggregation',
      '  # mode: snat',
      'plain: 3 # a trailing comment',
    ].join('\n');
    const keys = parseChartKeys(text);
    assert.deepEqual(keys.get('bpf.masquerade'), {
      line: 6,
      column: 2,
      length: 10,
      description: 'Masquerade in eBPF across two lines',
      documentedDefault: '`false`',
      value: '~',
      commented: false,
    });
    assert.equal(keys.get('bpf.mode')?.commented, true);
    assert.equal(keys.get('bpf.mode')?.line, 8);
    assert.equal(keys.get('plain')?.value, '3');
    assert.equal(keys.get('bpf')?.description, undefined, 'a section title apart from the key is not its description');
  });

  it("finds the 1.18 chart's keys at their lines", () => {
    const text = chartValuesText('1.18')!.split('\n');
    const index = chartValuesIndex('1.18')!;
    for (const p of [
      'bpf.masquerade',
      'routingMode',
      'hubble.relay.enabled',
      'ipam.operator.clusterPoolIPv4PodCIDRList',
    ]) {
      const k = index.keys.get(p)!;
      assert.ok(k, p);
      const last = p.split('.').pop()!;
      assert.equal(text[k.line].slice(k.column, k.column + k.length), last, p);
    }
    assert.ok(index.children.get('bpf')!.includes('masquerade'));
  });
});

describe('every key documented in hover and completion', () => {
  it("shows the chart's own description for every key it describes, in every version", () => {
    for (const v of SUPPORTED_VERSIONS) {
      const index = chartValuesIndex(v)!;
      const catalog = new Set(allPathsIn(v));
      let shown = 0;
      for (const [p, k] of index.keys) {
        if (!k.description || !catalog.has(p)) continue;
        const md = helmKeyMarkdown(p, v).join('\n');
        assert.ok(md.includes(k.description), `${v} ${p}`);
        shown++;
      }
      assert.ok(shown > 500, `${v}: only ${shown} keys described`);
    }
  });

  it("documents nearly every catalog key: its own description, its block's, or what a mapping holds", () => {
    for (const v of SUPPORTED_VERSIONS) {
      const paths = allPathsIn(v);
      const bare = paths.filter((p) => !/_The chart says:_|_Part of `|^Holds /m.test(helmKeyMarkdown(p, v).join('\n')));
      assert.ok(
        bare.length / paths.length < 0.04,
        `${v}: ${bare.length} of ${paths.length} keys without chart words: ${bare.slice(0, 10).join(', ')}`,
      );
    }
  });

  it('says what a large object holds instead of "Default: none"', () => {
    const md = helmKeyMarkdown('bpf', '1.18').join('\n');
    assert.match(md, /Holds \d+ keys: `authMapMax`, `autoMount`, .* and \d+ more\./);
    assert.doesNotMatch(md, /Default in 1\.18: (none|a large value)/);
    assert.match(helmKeyMarkdown('hubble', '1.18').join('\n'), /Holds \d+ keys: `/);
  });

  it('gives the default the chart documents with @default beside the one written', () => {
    assert.match(helmKeyMarkdown('bpf.ctTcpMax', '1.18').join('\n'), /Default in 1\.18: .*`524288`/);
    assert.match(
      helmKeyMarkdown('bpf.masquerade', '1.18').join('\n'),
      /Default in 1\.18: `null` \(in effect: `false`\)/,
    );
  });

  it("puts our datapath notes above the chart's words, and the chart's words above type and history", () => {
    const md = helmKeyMarkdown('bpf.masquerade', '1.18').join('\n');
    const ours = md.indexOf('Does masquerading in eBPF');
    const chart = md.indexOf('Enable native IP masquerade support in eBPF');
    const type = md.indexOf('Type: ');
    assert.ok(ours >= 0 && ours < chart && chart < type, md);
  });

  it("hover shows a key we have no notes for (bpf.ctTcpMax) with the chart's description", () => {
    const text = '# cilium-version: 1.18\nbpf:\n  ctTcpMax: 1000000\n';
    const md = hoverAt(analyze(text), text, text.indexOf('ctTcpMax') + 1)?.markdown ?? '';
    assert.match(md, /The chart says:_ Configure the maximum number of entries in the TCP connection tracking table/);
  });

  it("completion documents a key with the chart's description", () => {
    const text = '# cilium-version: 1.18\nbpf:\n  ctTcp';
    const item = completeAt(analyze(text), text, text.length).find((c) => c.label === 'ctTcpMax');
    assert.match(item?.documentation ?? '', /maximum number of entries in the TCP connection tracking table/);
  });
});
