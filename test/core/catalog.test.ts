// The generated key catalog (server/src/core/knowledge/catalog.json) against the upstream chart files it is
// built from (../shared/cilium-charts): it must be current (regenerating gives the same bytes), valid, hold
// every real key of every version with its default, and the facts the analysis relies on.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  allPathsIn,
  childrenOf,
  defaultIn,
  getCatalog,
  getKey,
  isCommentedIn,
  isOpenMap,
  keyExistsIn,
  SUPPORTED_VERSIONS,
} from '../../server/src/core/knowledge/catalog';
import { CatalogSchema, joinPath, parentPath, splitPath } from '../../server/src/core/knowledge/catalogSchema';
import { SUPPORTED_VERSIONS as VERSION_TS_VERSIONS } from '../../server/src/core/version';
import { generateCatalog, serializeCatalog } from '../../tools/gen-catalog';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
const chartsDir = path.resolve(repoRoot, '../shared/cilium-charts');
const catalogFile = path.join(repoRoot, 'server/src/core/knowledge/catalog.json');

/** The chart files are required: without them the catalog cannot be checked, and CI has them. */
function requireCharts(): void {
  assert.ok(
    existsSync(path.join(chartsDir, 'SOURCES.md')),
    `Cilium chart files not found at ${chartsDir}: the catalog tests need ../shared/cilium-charts (v1.NN/values.yaml, SOURCES.md)`,
  );
}

const V = (from: string, to: string) =>
  SUPPORTED_VERSIONS.filter(
    (v) => Number(v.split('.')[1]) >= Number(from.split('.')[1]) && Number(v.split('.')[1]) <= Number(to.split('.')[1]),
  );

/** True when the key is set in values.yaml (not only commented out) in that version. */
const isReal = (p: string, v: string) => keyExistsIn(p, v) && !isCommentedIn(p, v);

describe('catalog file', () => {
  it('validates against the zod schema', () => {
    const raw = JSON.parse(readFileSync(catalogFile, 'utf8'));
    const result = CatalogSchema.safeParse(raw);
    assert.ok(result.success, result.success ? '' : result.error.message);
    assert.deepEqual(getCatalog().versions, [...SUPPORTED_VERSIONS]);
  });

  it('is current: regenerating from the chart files gives the same bytes', () => {
    requireCharts();
    const committed = readFileSync(catalogFile, 'utf8');
    assert.equal(
      serializeCatalog(generateCatalog(chartsDir)),
      committed,
      'catalog.json is stale: run npm run gen:catalog',
    );
  });

  it('the CLI writes the same file to a given output path', () => {
    requireCharts();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    try {
      const out = path.join(dir, 'catalog.json');
      // Run from an unrelated directory: the script must not depend on the working directory. tsx is
      // therefore loaded by its file URL (`--import tsx` resolves from the working directory).
      const tsx = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
      const r = spawnSync(
        process.execPath,
        ['--import', tsx, path.join(repoRoot, 'tools/gen-catalog.ts'), chartsDir, out],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8'), readFileSync(catalogFile, 'utf8'));
      assert.match(r.stderr, /v1\.19: \d+ commented keys:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays small', () => {
    const size = statSync(catalogFile).size;
    assert.ok(size < 1_500_000, `catalog.json is ${size} bytes`);
  });

  it('records the upstream tag and commit of every version', () => {
    const { sources } = getCatalog();
    assert.deepEqual(Object.keys(sources).sort(), [...SUPPORTED_VERSIONS].sort());
    assert.deepEqual(sources['1.12'], { tag: 'v1.12.19', commit: 'a1d7fbd43b563c809330b1c3e28165a3e7ff43aa' });
    assert.equal(sources['1.20'].tag, 'v1.20.0-pre.4');
    assert.equal(sources['1.20'].prerelease, true);
    assert.equal(sources['1.21'].tag, 'v1.21.0-pre.0');
    assert.equal(sources['1.21'].prerelease, true);
    assert.equal(sources['1.19'].prerelease, undefined);
  });

  it('supports the same versions as version.ts', () => {
    assert.deepEqual([...SUPPORTED_VERSIONS], [...VERSION_TS_VERSIONS]);
  });
});

describe('catalog holds every real key of values.yaml', () => {
  for (const v of SUPPORTED_VERSIONS) {
    it(`v${v}: every key and its default, down to open maps and lists`, () => {
      requireCharts();
      const values = parseYaml(readFileSync(path.join(chartsDir, `v${v}`, 'values.yaml'), 'utf8')) as Record<
        string,
        unknown
      >;
      let checked = 0;
      const walk = (obj: Record<string, unknown>, prefix: string) => {
        for (const [name, value] of Object.entries(obj)) {
          const p = joinPath(prefix, name);
          assert.ok(isReal(p, v), `${p} is set in v${v}/values.yaml but not a real catalog key of ${v}`);
          checked++;
          const isObj = typeof value === 'object' && value !== null && !Array.isArray(value);
          const entry = getKey(p)!.in[v];
          if (!entry.big) assert.deepEqual(defaultIn(p, v), value ?? null, `default of ${p} in ${v}`);
          else assert.ok(JSON.stringify(value).length >= 200, `${p} marked big in ${v}`);
          if (isObj) assert.ok(getKey(p)!.types.includes('object'), `${p} should be typed object`);
          if (isObj && !isOpenMap(p, v)) walk(value as Record<string, unknown>, p);
          else assert.deepEqual(childrenOf(p, v), [], `open map / leaf ${p} has no children in ${v}`);
        }
      };
      walk(values, '');
      assert.ok(checked > 500, `only ${checked} keys checked in ${v}`);
    });
  }
});

describe('facts from the chart files', () => {
  it('bpf.masquerade: only commented out in 1.12, real with default null from 1.13', () => {
    assert.ok(!isReal('bpf.masquerade', '1.12'));
    assert.ok(isCommentedIn('bpf.masquerade', '1.12'), '1.12 documents it as `#masquerade: false`');
    assert.equal(defaultIn('bpf.masquerade', '1.12'), undefined);
    for (const v of V('1.13', '1.20')) {
      assert.ok(isReal('bpf.masquerade', v), v);
      assert.equal(defaultIn('bpf.masquerade', v), null, v);
    }
    assert.ok(getKey('bpf.masquerade')!.types.includes('boolean'));
  });

  it('enableIPv4Masquerade: true up to 1.17, null from 1.18', () => {
    for (const v of V('1.12', '1.17')) assert.equal(defaultIn('enableIPv4Masquerade', v), true, v);
    for (const v of V('1.18', '1.20')) {
      assert.ok(isReal('enableIPv4Masquerade', v));
      assert.equal(defaultIn('enableIPv4Masquerade', v), null, v);
    }
  });

  it('kubeProxyReplacement: commented out up to 1.17, "false" from 1.18', () => {
    for (const v of V('1.12', '1.17')) {
      assert.ok(isCommentedIn('kubeProxyReplacement', v), v);
      assert.equal(defaultIn('kubeProxyReplacement', v), undefined, v);
    }
    assert.equal(getKey('kubeProxyReplacement')!.in['1.12'].example, 'disabled');
    assert.equal(getKey('kubeProxyReplacement')!.in['1.14'].example, 'false');
    for (const v of V('1.18', '1.20')) assert.equal(defaultIn('kubeProxyReplacement', v), 'false', v);
  });

  it('tunnel up to 1.14, routingMode from 1.14', () => {
    for (const v of V('1.12', '1.14')) assert.ok(isReal('tunnel', v), v);
    assert.equal(defaultIn('tunnel', '1.12'), 'vxlan');
    for (const v of V('1.15', '1.20')) assert.ok(!keyExistsIn('tunnel', v), v);
    for (const v of V('1.12', '1.13')) assert.ok(!keyExistsIn('routingMode', v), v);
    for (const v of V('1.14', '1.20')) assert.ok(isReal('routingMode', v), v);
  });

  it('nodePort.enabled up to 1.18, gone from 1.19', () => {
    for (const v of V('1.12', '1.18')) assert.equal(defaultIn('nodePort.enabled', v), false, v);
    for (const v of V('1.19', '1.20')) assert.ok(!keyExistsIn('nodePort.enabled', v), v);
  });

  it('endpointRoutes.enabled false, ipam.mode cluster-pool everywhere; bpf.datapathMode veth from 1.16', () => {
    for (const v of SUPPORTED_VERSIONS) {
      assert.equal(defaultIn('endpointRoutes.enabled', v), false, v);
      assert.equal(defaultIn('ipam.mode', v), 'cluster-pool', v);
    }
    for (const v of V('1.12', '1.15')) assert.ok(!keyExistsIn('bpf.datapathMode', v), v);
    for (const v of V('1.16', '1.20')) assert.equal(defaultIn('bpf.datapathMode', v), 'veth', v);
  });

  it('types merge YAML values and the 1.16+ schema', () => {
    assert.deepEqual(getKey('enableIPv4Masquerade')!.types, ['boolean', 'null']);
    assert.deepEqual(getKey('ipam.mode')!.types, ['string']);
    assert.deepEqual(getKey('bpf')!.types, ['object']);
    assert.ok(getKey('MTU')!.types.includes('integer'));
  });
});

describe('commented-out keys', () => {
  it('finds the ones users set', () => {
    for (const v of SUPPORTED_VERSIONS) {
      assert.ok(isCommentedIn('loadBalancer.mode', v), `loadBalancer.mode in ${v}`);
      assert.ok(isCommentedIn('loadBalancer.dsrDispatch', v), `loadBalancer.dsrDispatch in ${v}`);
      assert.ok(isCommentedIn('loadBalancer.algorithm', v), `loadBalancer.algorithm in ${v}`);
      assert.ok(isCommentedIn('nodePort.range', v), `nodePort.range in ${v}`);
      assert.ok(isCommentedIn('hubble.eventQueueSize', v), `hubble.eventQueueSize in ${v}`);
      assert.ok(isCommentedIn('policyAuditMode', v) || !keyExistsIn('policyAuditMode', v), `policyAuditMode in ${v}`);
    }
    assert.equal(getKey('loadBalancer.mode')!.in['1.16'].example, 'snat');
    assert.deepEqual(getKey('loadBalancer.mode')!.types, ['string']);
    // 1.12 comments out the whole block: `# loadBalancer:` with `  # mode: snat` below it.
    assert.ok(isCommentedIn('loadBalancer', '1.12'));
    assert.ok(isReal('loadBalancer', '1.13'));
    assert.ok(childrenOf('loadBalancer', '1.12').includes('mode'));
    // A key commented out in one version and real in another.
    assert.ok(isCommentedIn('ipv4NativeRoutingCIDR', '1.12'));
    assert.ok(isReal('ipv4NativeRoutingCIDR', '1.13'));
    assert.ok(isCommentedIn('k8sServiceHost', '1.12'));
    assert.ok(isCommentedIn('bpf.tproxy', '1.12'));
    assert.ok(isCommentedIn('ipMasqAgent.config.nonMasqueradeCIDRs', '1.16'), 'misplaced at column 0 upstream');
  });

  it('does not invent keys from examples and prose', () => {
    for (const v of SUPPORTED_VERSIONS) {
      for (const junk of [
        'config',
        'tableSize',
        'hashSeed',
        'limits',
        'requests',
        'ref',
        'type',
        'emptyDir',
        'operator.runAsUser',
        'envoy.log.date',
        'hubble.redact.http.redact',
      ]) {
        assert.ok(!keyExistsIn(junk, v), `${junk} in ${v}`);
      }
      for (const p of allPathsIn(v)) {
        if (!isCommentedIn(p, v)) continue;
        const name = splitPath(p).at(-1)!;
        assert.match(name, /^[a-z][A-Za-z0-9]*$/, `${p} in ${v}`);
        assert.ok(!['ref', 'type', 'enum', 'oneOf', 'anyOf'].includes(name), `${p} in ${v}`);
        const parent = parentPath(p);
        assert.ok(
          parent === '' || (keyExistsIn(parent, v) && !isOpenMap(parent, v)),
          `${p}: parent must be a structured map in ${v}`,
        );
        assert.equal(defaultIn(p, v), undefined, `${p} has no default`);
      }
    }
  });
});

describe('catalog helpers', () => {
  it('childrenOf / allPathsIn / isOpenMap', () => {
    const top = childrenOf('', '1.16');
    assert.ok(top.includes('bpf') && top.includes('hubble') && top.includes('kubeProxyReplacement'));
    assert.deepEqual(top, [...top].sort());
    const bpf = childrenOf('bpf', '1.16');
    assert.ok(bpf.includes('masquerade') && bpf.includes('datapathMode'));
    assert.ok(!childrenOf('bpf', '1.12').includes('datapathMode'));
    assert.deepEqual(childrenOf('no.such.key', '1.16'), []);
    assert.deepEqual(childrenOf('bpf', '9.99'), []);

    assert.ok(isOpenMap('podAnnotations', '1.16'));
    assert.ok(isOpenMap('nodeSelector', '1.16'));
    assert.ok(isOpenMap('hubble.relay.podLabels', '1.16'));
    assert.ok(!isOpenMap('bpf', '1.16'));
    assert.ok(!isOpenMap('podAnnotations', '9.99'));
    assert.deepEqual(childrenOf('nodeSelector', '1.16'), [], 'no entries below an open map');
    assert.ok(!allPathsIn('1.16').some((p) => p.startsWith('nodeSelector.')));
    // k8s is `{}` (free-form) up to 1.15 and a structured map later: openness is per version.
    assert.ok(isOpenMap('k8s', '1.15'));
    assert.ok(!isOpenMap('k8s', '1.16'));

    const all = allPathsIn('1.19');
    assert.deepEqual(all, [...all].sort());
    assert.ok(all.includes('hubble.relay.enabled'));
    assert.ok(!all.includes('tunnel'));
    assert.deepEqual(allPathsIn('9.99'), []);
    assert.equal(getKey('no.such.key'), undefined);
    assert.equal(getKey('toString'), undefined);
    assert.equal(keyExistsIn('bpf', 'constructor'), false);
  });

  it('path quoting round-trips segments with dots', () => {
    const p = joinPath(joinPath('nodeSelector', 'kubernetes.io/os'), 'x');
    assert.equal(p, 'nodeSelector."kubernetes.io/os".x');
    assert.deepEqual(splitPath(p), ['nodeSelector', 'kubernetes.io/os', 'x']);
    assert.equal(parentPath(p), 'nodeSelector."kubernetes.io/os"');
    assert.deepEqual(splitPath(''), []);
    assert.deepEqual(splitPath('a.b'), ['a', 'b']);
  });
});
