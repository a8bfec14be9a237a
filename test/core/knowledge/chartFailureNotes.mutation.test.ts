// knowledge/chartFailureNotes.ts checked by mutation testing (docs/mutation.md): the notes its helpers build
// (removed keys, the native-routing CIDRs, the GKE/AKS routing modes, the cluster-pool CIDR lists) match a `fail`
// message of exactly the charts they claim (../shared/cilium-charts/v1.NN), cite lines of that chart that hold the
// message, and say what the chart says: which keys went, what replaces each. Also the ids and citations of the
// generic and schema rules.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { GENERIC_CHART_FAIL_RULE, SCHEMA_RULE } from '../../../server/src/core/knowledge/chartFailureNotes';
import { CHART_NOTE_RULES } from '../../../server/src/core/rules/defs/index';
import {
  inRange,
  NEWEST_VERSION,
  OLDEST_VERSION,
  SUPPORTED_VERSIONS,
  type CiliumVersion,
} from '../../../server/src/core/version';
import { findRepoRoot } from '../../../tools/repoRoot';

const charts = path.resolve(findRepoRoot(), '../shared/cilium-charts');
const chartDir = (v: string) => path.join(charts, `v${v}`);

/** The string given to every `fail` (directly or through printf) in a chart's templates. */
function failMessages(v: CiliumVersion): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else
        for (const m of readFileSync(p, 'utf8').matchAll(/\bfail\s*\(?\s*(?:printf\s*\(?\s*)?"((?:[^"\\]|\\.)*)"/g))
          out.push(m[1]);
    }
  };
  walk(path.join(chartDir(v), 'templates'));
  return out;
}

const MESSAGES = new Map(SUPPORTED_VERSIONS.map((v) => [v, failMessages(v)]));

/** The notes this file's helpers build (removed(), nativeRoutingCidrNote, platformRoutingModeNote, clusterPoolCidrNote). */
const HELPER_NOTES = [
  'chart-event-handover-removed',
  'chart-cnp-status-removed',
  'chart-remote-node-identity-removed',
  'chart-endpoint-status-removed',
  'chart-cri-integration-removed',
  'chart-etcd-managed-removed',
  'chart-encryption-legacy-keys-removed',
  'chart-proxy-prometheus-removed',
  'chart-ces-legacy-removed',
  'chart-endpoint-slice-mode-removed',
  'chart-native-routing-cidr-ipv4',
  'chart-native-routing-cidr-ipv6',
  'chart-gke-needs-native',
  'chart-aksbyocni-needs-tunnel',
  'chart-cluster-pool-ipv4-cidr-removed',
  'chart-cluster-pool-ipv6-cidr-removed',
];

const note = (id: string) => {
  const n = CHART_NOTE_RULES.find((r) => r.id === id);
  assert.ok(n, id);
  return n;
};

describe('knowledge/chartFailureNotes.ts', () => {
  it('each note matches a fail message of exactly the charts in its versions', () => {
    for (const id of HELPER_NOTES) {
      const n = note(id);
      const has = SUPPORTED_VERSIONS.filter((v) => MESSAGES.get(v)!.some((m) => n.match.test(m)));
      const claimed = SUPPORTED_VERSIONS.filter((v) => inRange(v, n.since, n.until));
      assert.deepEqual(has, claimed, id);
    }
  });

  it('the notes built for a chart file cite lines of that chart release that hold the message', () => {
    for (const id of HELPER_NOTES.filter((i) => !i.endsWith('-removed') || i.startsWith('chart-cluster-pool'))) {
      const n = note(id);
      assert.match(n.cite, /^templates\/cilium-configmap\.yaml@v/, id);
      const spans = [...n.cite.matchAll(/@v(1\.\d+)\.(\d+) l\.(\d+)-(\d+)/g)];
      assert.ok(spans.length > 0, `${id}: ${n.cite}`);
      for (const [, minor, patch, from, to] of spans) {
        const chart = readFileSync(path.join(chartDir(minor), 'Chart.yaml'), 'utf8');
        assert.match(chart, new RegExp(`^version: ${minor.replace('.', '\\.')}\\.${patch}$`, 'm'), `${id} ${minor}`);
        const lines = readFileSync(path.join(chartDir(minor), 'templates/cilium-configmap.yaml'), 'utf8').split('\n');
        const text = lines.slice(Number(from) - 1, Number(to)).join('\n');
        const messages = [...text.matchAll(/\bfail\s*\(?\s*(?:printf\s*\(?\s*)?"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
        assert.ok(
          messages.some((m) => n.match.test(m)),
          `${id}: l.${from}-${to} of ${minor}`,
        );
      }
    }
  });

  it('a removed key: which keys went, and what replaces each (or that it is simply gone)', () => {
    // templates/validate.yaml@v1.16.19 l.3-10: the four top-level encryption keys, each moved under encryption.ipsec
    // (values.yaml@v1.16.19 encryption.ipsec.keyFile, .mountPath, .secretName, .interface).
    const enc = note('chart-encryption-legacy-keys-removed');
    assert.equal(
      enc.explain('1.16'),
      'encryption.keyFile / encryption.mountPath / encryption.secretName / encryption.interface were removed from the chart and must not be set any more.',
    );
    assert.equal(
      enc.advice,
      'Use encryption.ipsec.keyFile / encryption.ipsec.mountPath / encryption.ipsec.secretName / encryption.ipsec.interface instead.',
    );
    // validate.yaml@v1.18.7 l.4-5: enableCiliumEndpointSlice, replaced by ciliumEndpointSlice.enabled.
    const ces = note('chart-ces-legacy-removed');
    assert.equal(
      ces.explain('1.18'),
      'enableCiliumEndpointSlice was removed from the chart and must not be set any more.',
    );
    assert.equal(ces.advice, 'Use ciliumEndpointSlice.enabled instead.');
    // remoteNodeIdentity (validate.yaml@v1.16.19 l.22: always on since) and etcd.managed (l.28) have no successor.
    for (const id of ['chart-remote-node-identity-removed', 'chart-etcd-managed-removed'])
      assert.equal(note(id).advice, 'Delete it: the feature it configured is gone or always on.', id);
    // values.yaml@v1.15.19 l.2046-2049: the proxy Prometheus values were deprecated in favour of envoy.prometheus.
    assert.equal(
      note('chart-proxy-prometheus-removed').advice,
      'Use envoy.prometheus.enabled / envoy.prometheus.port instead.',
    );
  });

  it('the native-routing, platform and cluster-pool notes explain in their own words, per family or platform', () => {
    for (const f of ['4', '6']) {
      assert.equal(
        note(`chart-native-routing-cidr-ipv${f}`).explain('1.18'),
        `routingMode: native with IPv${f} masquerading needs ipv${f}NativeRoutingCIDR (the range that is routed without masquerading).`,
      );
      assert.equal(
        note(`chart-cluster-pool-ipv${f}-cidr-removed`).explain('1.14'),
        `ipam.operator.clusterPoolIPv${f}PodCIDR was replaced by ipam.operator.clusterPoolIPv${f}PodCIDRList (a list).`,
      );
    }
    // templates/cilium-configmap.yaml@v1.14.19 l.433-446: GKE needs native routing, AKS BYOCNI a tunnel.
    assert.equal(note('chart-gke-needs-native').explain('1.14'), 'With gke.enabled the routing mode must be native.');
    assert.equal(
      note('chart-aksbyocni-needs-tunnel').explain('1.14'),
      'With aksbyocni.enabled the routing mode must be tunnel.',
    );
  });

  it('the generic and schema rules: their ids, and where they point', () => {
    // Users name these ids in .cilium-lint.yaml and suppression comments.
    assert.equal(GENERIC_CHART_FAIL_RULE.id, 'chart-fail');
    assert.ok(
      GENERIC_CHART_FAIL_RULE.cite.includes(`${OLDEST_VERSION}-${NEWEST_VERSION}`),
      GENERIC_CHART_FAIL_RULE.cite,
    );
    assert.match(GENERIC_CHART_FAIL_RULE.cite, /`fail` and `required` in templates\//);
    assert.equal(SCHEMA_RULE.id, 'chart-schema');
    // The chart ships values.schema.json from 1.16 on.
    const first = SUPPORTED_VERSIONS.find((v) => existsSync(path.join(chartDir(v), 'values.schema.json')));
    assert.equal(SCHEMA_RULE.since, first);
    assert.match(SCHEMA_RULE.cite, new RegExp(`^values\\.schema\\.json@v${first!.replace('.', '\\.')}\\.\\d+ `));
  });
});
