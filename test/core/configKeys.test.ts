// configKeys.json (the keys cilium-agent/operator read from cilium-config, per version) against what it is built
// from: ../shared/cilium-config-keys/v1.NN.tsv and the chart's cilium-configmap.yaml. It must be schema-valid,
// current (regenerating gives the same bytes), hold every row of every supported version, and the loader must
// answer the facts the rules rely on.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import {
  chartWritesConfigKey,
  configKeyInfo,
  configKeysIn,
  configKeyVersions,
  isConfigKeyIn,
} from '../../server/src/core/knowledge/configKeys';
import { ConfigKeysSchema } from '../../server/src/core/knowledge/configKeysSchema';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { chartConfigMapKeys, generateConfigKeys, parseTsv, serializeConfigKeys } from '../../tools/gen-config-keys';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
const sharedDir = path.resolve(repoRoot, '../shared');
const dataFile = path.join(repoRoot, 'server/src/core/knowledge/configKeys.json');

function requireShared(): void {
  assert.ok(
    existsSync(path.join(sharedDir, 'cilium-config-keys', 'README.md')),
    `../shared/cilium-config-keys not found at ${sharedDir}: these tests need the extracted key lists`,
  );
}

describe('configKeys.json', () => {
  it('validates against its zod schema and covers exactly the supported versions', () => {
    const raw = JSON.parse(readFileSync(dataFile, 'utf8'));
    const r = ConfigKeysSchema.safeParse(raw);
    assert.ok(r.success, r.success ? '' : r.error.message);
    assert.deepEqual(r.data!.versions, [...SUPPORTED_VERSIONS]);
    for (const runs of Object.values(r.data!.keys)) {
      for (const run of runs) {
        const span = Number(run.to.split('.')[1]) - Number(run.from.split('.')[1]) + 1;
        assert.equal(run.src.length, span, `one source line per version of ${run.from}–${run.to}`);
      }
    }
  });

  it('is current: regenerating from ../shared gives the same bytes (npm run gen:config-keys)', () => {
    requireShared();
    assert.equal(
      serializeConfigKeys(generateConfigKeys(sharedDir)),
      readFileSync(dataFile, 'utf8'),
      'configKeys.json is stale: run npm run gen:config-keys',
    );
  });

  it('stays small (it is bundled into the server)', () => {
    assert.ok(statSync(dataFile).size < 450_000, `configKeys.json is ${statSync(dataFile).size} bytes`);
  });

  it('a new v1.NN folder in ../shared changes nothing until version.ts supports it', () => {
    requireShared();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'config-keys-'));
    try {
      cpSync(path.join(sharedDir, 'cilium-config-keys'), path.join(dir, 'cilium-config-keys'), { recursive: true });
      mkdirSync(path.join(dir, 'cilium-charts'));
      for (const v of SUPPORTED_VERSIONS)
        cpSync(
          path.join(sharedDir, 'cilium-charts', `v${v}`, 'templates', 'cilium-configmap.yaml'),
          path.join(dir, 'cilium-charts', `v${v}`, 'templates', 'cilium-configmap.yaml'),
        );
      writeFileSync(path.join(dir, 'cilium-config-keys', 'v1.99.tsv'), 'not a tsv at all\n');
      mkdirSync(path.join(dir, 'cilium-charts', 'v1.99'));
      // The script is run from another directory, with tsx loaded by URL, as a developer would run it anywhere.
      const out = path.join(dir, 'out.json');
      const tsx = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
      const r = spawnSync(
        process.execPath,
        ['--import', tsx, path.join(repoRoot, 'tools/gen-config-keys.ts'), dir, out],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8'), readFileSync(dataFile, 'utf8'));
      assert.match(r.stderr, /1\.19: \d+ keys; chart writes \d+ keys no agent\/operator reads: .*bpf-lb-only/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every row of every supported tsv is in the data', () => {
  for (const v of SUPPORTED_VERSIONS) {
    it(`v${v}`, () => {
      requireShared();
      const file = path.join(sharedDir, 'cilium-config-keys', `v${v}.tsv`);
      const rows = parseTsv(readFileSync(file, 'utf8'), file);
      assert.ok(rows.length > 300, `${rows.length} rows`);
      for (const row of rows) {
        const info = configKeyInfo(row.key, v);
        assert.ok(info, `${row.key} in ${v}`);
        assert.equal(info.default, row.default, `default of ${row.key} in ${v}`);
        assert.equal(info.source, row.source, `source of ${row.key} in ${v}`);
        assert.equal(
          info.components.length === 2 ? 'both' : info.components[0],
          row.component,
          `component of ${row.key}`,
        );
        assert.equal(!!info.deprecated, /(^|: )yes: /.test(row.deprecated), `deprecated of ${row.key} in ${v}`);
      }
      const chart = chartConfigMapKeys(
        readFileSync(path.join(sharedDir, 'cilium-charts', `v${v}`, 'templates', 'cilium-configmap.yaml'), 'utf8'),
      );
      assert.ok(chart.length > 80, `${chart.length} chart keys in ${v}`);
      for (const k of chart) assert.ok(chartWritesConfigKey(k, v), `chart key ${k} in ${v}`);
      assert.equal(configKeysIn(v).length, new Set([...rows.map((r) => r.key), ...chart]).size);
    });
  }
});

describe('facts the ConfigMap rules rely on (checked against the tsv README and the Go source)', () => {
  it('types, defaults, components', () => {
    const kpr = configKeyInfo('kube-proxy-replacement', '1.16')!;
    assert.equal(kpr.types.agent, 'string');
    assert.ok(kpr.components.includes('agent'));
    assert.equal(configKeyInfo('enable-bpf-masquerade', '1.19')!.types.agent, 'bool');
    assert.equal(configKeyInfo('bpf-ct-timeout-regular-tcp', '1.16')!.types.agent, 'duration');
    assert.equal(configKeyInfo('gops-port', '1.19')!.default, 'agent: 9890; operator: 9891');
    assert.deepEqual(configKeyInfo('gops-port', '1.19')!.components, ['agent', 'operator']);
    assert.deepEqual(configKeyInfo('identity-gc-interval', '1.16')!.components, ['operator']);
  });

  it('decoders: daemon_main.go flags are read through viper, hive cell flags are decoded by the cell', () => {
    // daemon/cmd/daemon_main.go@v1.12.19 registers it; option.Config.Populate reads vp.GetBool.
    assert.equal(configKeyInfo('enable-bpf-masquerade', '1.12')!.decoders.agent, 'viper');
    // pkg/loadbalancer/config.go@v1.18.7: a cell config's Flags method.
    assert.equal(configKeyInfo('bpf-lb-algorithm', '1.18')!.decoders.agent, 'hive');
    assert.equal(configKeyInfo('bpf-lb-algorithm', '1.17')!.decoders.agent, 'viper');
    // operator/cmd/flags.go@v1.16.19: operatorPprofConfig.Flags, a cell inside the legacy flags file.
    assert.equal(configKeyInfo('operator-pprof-port', '1.16')!.decoders.operator, 'hive');
    assert.equal(configKeyInfo('enable-source-ip-verification', '1.17')!.viperOnly, true);
  });

  it('versions: removed, added, deprecated (README "Known facts confirmed")', () => {
    assert.ok(configKeyInfo('enable-session-affinity', '1.18')!.deprecated);
    assert.ok(!isConfigKeyIn('enable-session-affinity', '1.19'));
    assert.deepEqual(configKeyVersions('bpf-lb-algorithm'), [...SUPPORTED_VERSIONS]);
    assert.ok(!isConfigKeyIn('load-balancer-algorithm', '1.19'));
    assert.ok(!isConfigKeyIn('ct-timeout-regular-tcp', '1.19'));
    assert.deepEqual(configKeyVersions('tunnel'), ['1.12', '1.13', '1.14']);
  });

  it('chart-only keys: written by the chart, read by no agent/operator, still known', () => {
    for (const v of SUPPORTED_VERSIONS) {
      assert.ok(chartWritesConfigKey('etcd-config', v), v);
      assert.ok(configKeysIn(v).includes('cni-uninstall'), v);
      assert.ok(!isConfigKeyIn('cni-uninstall', v), v);
    }
    assert.ok(chartWritesConfigKey('bpf-lb-only', '1.19') && !isConfigKeyIn('bpf-lb-only', '1.19'));
  });

  it('unknown names answer nothing, including Object.prototype names', () => {
    assert.equal(configKeyInfo('toString', '1.16'), undefined);
    assert.equal(configKeyInfo('constructor', '1.16'), undefined);
    assert.ok(!chartWritesConfigKey('__proto__', '1.16'));
    assert.deepEqual(configKeyVersions('hasOwnProperty'), []);
  });
});
