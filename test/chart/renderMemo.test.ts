// The renderer reuses a template's earlier result when nothing it looked at in the values changed
// (chart/helm/recordedValues.ts). That must never change a result: seeded chains of random edits (datapath keys
// set to right and wrong values, keys deleted, unknown keys added, maps and lists swapped for scalars, values the
// chart never reads) over each chart's own values.yaml and real-world files; after every edit the memoised
// render must deep-equal a fresh render of the same values. Counted, never timed: the reuse must really happen.
// RENDER_MEMO_EDITS multiplies the edits (RENDER_MEMO_EDITS=20 for a long run); RENDER_MEMO_SEED picks another
// seed; RENDER_MEMO_ALL=1 runs every chart version.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadPackedChart } from '../../server/src/core/chart/helm/chartData';
import {
  hashOnlyIncludes,
  parseUserValues,
  renderableVersions,
  renderChart,
  renderStats,
  setRenderMemo,
  type RenderOptions,
} from '../../server/src/core/chart/helm/render';
import type { GoValue } from '../../server/src/core/chart/template/index';
import { findRepoRoot } from '../../tools/repoRoot';
import { prng } from './diffInputs';

const shared = path.resolve(findRepoRoot(), '../shared');
const SCALE = Number(process.env.RENDER_MEMO_EDITS ?? 1);
const SEED = Number(process.env.RENDER_MEMO_SEED ?? 20261130);

/** Keys the datapath and the chart's checks turn on, with right and wrong spellings. */
const HOT_PATHS = [
  'kubeProxyReplacement',
  'routingMode',
  'tunnelProtocol',
  'tunnel',
  'bpf.masquerade',
  'bpf.hostLegacyRouting',
  'ipam.mode',
  'eni.enabled',
  'enableIPv4Masquerade',
  'ipv4NativeRoutingCIDR',
  'autoDirectNodeRoutes',
  'encryption.enabled',
  'encryption.type',
  'hubble.enabled',
  'hubble.relay.enabled',
  'k8sServiceHost',
  'k8sServicePort',
  'gke.enabled',
  'cni.chainingMode',
  'l7Proxy',
  'ingressController.enabled',
  'gatewayAPI.enabled',
  'envoy.enabled',
  'healthPort',
  'cluster.name',
  'cluster.id',
  'ipv6.enabled',
  'nodePort.enabled',
  'hostPort.enabled',
  'externalIPs.enabled',
  'endpointRoutes.enabled',
  'prometheus.enabled',
  'prometheus.serviceMonitor.enabled',
  'operator.replicas',
  'clustermesh.useAPIServer',
  'extraConfig',
  'image.tag',
  'debug.enabled',
];
const SCALARS: GoValue[] = [
  true,
  false,
  'true',
  'false',
  '',
  'native',
  'tunnel',
  'disabled',
  'strict',
  'partial',
  'vxlan',
  'geneve',
  'eni',
  'kubernetes',
  'cluster-pool',
  '10.0.0.0/8',
  0,
  1,
  2.5,
  9000,
  255,
  null,
  'ipsec',
  'wireguard',
  'x',
];

function clone(v: GoValue): GoValue {
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, clone(x)]));
  if (Array.isArray(v)) return v.map(clone);
  return v;
}

function pathsOf(v: GoValue, prefix: string[], out: string[][], depth = 0): string[][] {
  if (!(v instanceof Map) || depth > 6) return out;
  for (const [k, x] of v) {
    out.push([...prefix, k]);
    pathsOf(x, [...prefix, k], out, depth + 1);
  }
  return out;
}

function setAt(root: Map<string, GoValue>, p: string[], value: GoValue | undefined): void {
  let cur = root;
  for (const k of p.slice(0, -1)) {
    let next = cur.get(k);
    if (!(next instanceof Map)) {
      next = new Map();
      cur.set(k, next);
    }
    cur = next;
  }
  if (value === undefined) cur.delete(p[p.length - 1]!);
  else cur.set(p[p.length - 1]!, value);
}

/** One random edit of the values (a new map; the old one is left as it was). */
function edit(values: Map<string, GoValue>, chartPaths: string[][], r: () => number): Map<string, GoValue> {
  const v = clone(values) as Map<string, GoValue>;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const userPaths = pathsOf(v, [], []);
  const roll = r();
  if (roll < 0.4) setAt(v, pick(HOT_PATHS).split('.'), pick(SCALARS));
  else if (roll < 0.6) setAt(v, pick(chartPaths), pick(SCALARS));
  else if (roll < 0.7 && userPaths.length > 0) setAt(v, pick(userPaths), undefined);
  else if (roll < 0.78) setAt(v, [`unknownKey${Math.floor(r() * 5)}`], pick(SCALARS));
  else if (roll < 0.84)
    setAt(v, pick(HOT_PATHS).split('.'), new Map<string, GoValue>([['enabled', pick([true, false])]]));
  else if (roll < 0.88) setAt(v, pick(chartPaths), ['a', pick(SCALARS)]);
  else if (roll < 0.94) setAt(v, ['image', 'tag'], `v1.${Math.floor(r() * 100)}`);
  else
    setAt(v, ['extraConfig', pick(['a-key', 'enable-bpf-masquerade', 'routing-mode'])], pick(['true', 'native', '1']));
  return v;
}

function bases(version: string): [string, Map<string, GoValue>][] {
  const out: [string, Map<string, GoValue>][] = [];
  const upstream = path.join(shared, `cilium-charts/v${version}/values.yaml`);
  if (existsSync(upstream)) out.push([`v${version}/values.yaml`, parseUserValues(readFileSync(upstream, 'utf8'))]);
  const corpus = path.join(shared, 'corpus/real');
  for (const f of ['010-bjws-netkit-values.yaml', '004-rke2-blueprint-values.yaml', '034-qjoly-turing-values.yaml']) {
    const file = path.join(corpus, f);
    if (!existsSync(file)) continue;
    try {
      out.push([f, parseUserValues(readFileSync(file, 'utf8'))]);
    } catch {
      // not a plain values file
    }
  }
  return out;
}

/** Field by field, so a difference is reported briefly. */
function sameRender(a: ReturnType<typeof renderChart>, b: ReturnType<typeof renderChart>, what: string): void {
  assert.equal(a === undefined, b === undefined, what);
  if (!a || !b) return;
  for (const k of Object.keys(b) as (keyof typeof b)[]) {
    const x: unknown = a[k];
    const y: unknown = b[k];
    if (k === 'configMap' && x instanceof Map && y instanceof Map) {
      assert.deepStrictEqual(
        [...(x as Map<string, unknown>).keys()],
        [...(y as Map<string, unknown>).keys()],
        `${what}: configMap keys`,
      );
      for (const [key, rk] of y as Map<string, unknown>)
        assert.deepStrictEqual((x as Map<string, unknown>).get(key), rk, `${what}: configMap ${key}`);
    } else assert.deepStrictEqual(x, y, `${what}: ${k}`);
  }
}

function fresh(version: string, values: Map<string, GoValue>, opts: RenderOptions) {
  setRenderMemo(false);
  try {
    return renderChart(version, values, opts);
  } finally {
    setRenderMemo(true);
  }
}

describe('template results reused by what they read', () => {
  it('equal a fresh render after every random edit, and are really reused', () => {
    const all = renderableVersions();
    const versions = process.env.RENDER_MEMO_ALL
      ? all
      : [all[0]!, all[Math.floor(all.length / 2)]!, all[all.length - 1]!];
    const r = prng(SEED);
    let compared = 0;
    let hits = 0;
    let renders = 0;
    for (const version of versions) {
      const chart = bases(version)[0]?.[1];
      const chartPaths = chart ? pathsOf(chart, [], []) : HOT_PATHS.map((p) => p.split('.'));
      for (const [name, base] of bases(version)) {
        let values = base;
        for (let i = 0; i < 6 * SCALE; i++) {
          values = edit(values, chartPaths, r);
          const opts: RenderOptions = [{}, { lenient: true }, { templates: 'configmap', lenient: true }][
            i % 3
          ] as RenderOptions;
          const s0 = { ...renderStats };
          const memoised = renderChart(version, values, opts);
          hits += renderStats.hits - s0.hits;
          renders += renderStats.renders - s0.renders;
          const expected = fresh(version, values, opts);
          sameRender(memoised, expected, `${version} ${name} edit ${i}`);
          compared++;
        }
      }
    }
    console.log(`# render memo: ${compared} renders compared, ${hits} template results reused, ${renders} rendered`);
    assert.ok(compared >= 40, `compared ${compared}`);
    // Most template runs of an edit chain are reused: an edit touches what few templates read.
    assert.ok(hits > renders, `reused ${hits}, rendered ${renders}`);
  });

  it('every chart only hashes the files it includes whole (so a checksum annotation is no reason to render again)', () => {
    for (const v of renderableVersions()) assert.ok(hashOnlyIncludes(Object.values(loadPackedChart(v)!.templates)), v);
    assert.equal(hashOnlyIncludes(['{{ include (print $.Template.BasePath "/a.yaml") . | sha256sum | quote }}']), true);
    assert.equal(hashOnlyIncludes(['{{ if include (print $.Template.BasePath "/a.yaml") . }}x{{ end }}']), false);
    assert.equal(hashOnlyIncludes(['{{ include "cilium/templates/a.yaml" . | sha256sum }}']), false);
    assert.equal(hashOnlyIncludes(['{{ $x := include $name . }}']), false);
  });

  it('a changed key no template reads renders nothing; a key the config map reads renders it again', () => {
    const version = renderableVersions().at(-1)!;
    const values = new Map<string, GoValue>([
      ['kubeProxyReplacement', true],
      ['k8sServiceHost', 'api.example'],
      ['k8sServicePort', 6443],
    ]);
    renderChart(version, values, {});
    const a = { ...renderStats };
    values.set('notAChartKey', 'changed');
    renderChart(version, values, {});
    assert.equal(renderStats.renders, a.renders, 'unread keys: nothing rendered');
    assert.ok(renderStats.hits > a.hits);
    const b = { ...renderStats };
    values.set('healthPort', 9999);
    const r = renderChart(version, values, {})!;
    assert.ok(renderStats.renders > b.renders, 'a key cilium-configmap.yaml reads: rendered again');
    assert.equal(r.configMap?.get('agent-health-port')?.value, '9999');
  });
});
