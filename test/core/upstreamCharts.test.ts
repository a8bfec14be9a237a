// The upstream chart's own values.yaml of every supported version (../shared/cilium-charts/v1.NN/values.yaml)
// is the one file that must be perfectly clean: every key exists, every type is the chart's own. Its datapath
// verdict is the chart-default verdict, which /work/shared/cilium-rules.md lets us state exactly:
//
// - kube-proxy replacement is off: no value up to 1.17 (the template default is "disabled" for 1.12/1.13 and
//   "false" from 1.14, as upgradeCompatibility is unset), "false" in values.yaml from 1.18 (§6.1, §6.3);
// - masquerading is on for IPv4 (enableIPv4Masquerade true up to 1.17, `~` → template writes "true" from 1.18,
//   no ENI) and off for IPv6 (ipv6.enabled false), and bpf.masquerade is unset → agent default false:
//   Masquerading is IPTables (§2, §6.2, §6.3);
// - routing is tunnel/vxlan (tunnel: vxlan in 1.12/1.13; routingMode/tunnelProtocol "" → tunnel + vxlan) (§4);
// - Host Routing is Legacy (§1.2):
//   · 1.12–1.19: NodePort/KPR off sets legacy silently (hr-nodeport-off, no log line). The iptables-masquerade
//     case also holds (it is the next thing to fix), and from 1.13 the KPR case too (1.12 has no KPR case);
//   · 1.20-pre and 1.21-pre: the silent KPR=false path is gone; the switch's first case, iptables masquerading, is logged,
//     and the KPR case holds as well;
//   · nothing else applies: no IPsec, WireGuard, endpoint routes, chaining (cni.chainingMode none/~),
//     bpf.hostLegacyRouting (~), and no kernel was given;
// - the agent starts and the chart installs (these are the defaults upstream ships).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type Analysis, type DocumentAnalysis } from '../../server/src/core/analyze';
import { inRange, SUPPORTED_VERSIONS, type CiliumVersion } from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';

const chartsDir = path.resolve(findRepoRoot(), '../shared/cilium-charts');

const KEY_RULES = ['unknown-key', 'wrong-type', 'quoted-boolean', 'key-removed', 'key-not-yet-available'];
const NEVER_FOR_DEFAULTS = [
  'host-routing-cni-chaining',
  'host-routing-explicit-legacy',
  'host-routing-ipsec',
  'host-routing-endpoint-routes',
  'host-routing-wireguard',
  'host-routing-old-kernel',
  'host-routing-bpf-masquerade-fallback',
];

interface Expectation {
  reasons: string[];
  logged: string | null;
}

function expectationFor(v: CiliumVersion): Expectation {
  // 1.20 dropped the silent path (and 1.21-pre keeps the 1.20 switch): its switch logs the first case. Elsewhere KPR off settles legacy routing
  // silently, and the switch's own KPR case is not reported again on the same key.
  if (inRange(v, '1.20'))
    return {
      reasons: ['host-routing-iptables-masquerade', 'host-routing-needs-kpr'],
      logged: 'host-routing-iptables-masquerade',
    };
  return { reasons: ['host-routing-kpr-off', 'host-routing-iptables-masquerade'], logged: null };
}

function valuesPath(v: CiliumVersion): string {
  return path.join(chartsDir, `v${v}`, 'values.yaml');
}

describe('upstream chart values.yaml', () => {
  it('the chart data directory exists with every supported version', () => {
    const missing = SUPPORTED_VERSIONS.filter((v) => !existsSync(valuesPath(v)));
    assert.deepEqual(
      missing,
      [],
      `Missing upstream values files under ${chartsDir} (expected v1.NN/values.yaml for ${SUPPORTED_VERSIONS.join(', ')}). These tests need the shared data next to the repository; they do not skip.`,
    );
  });

  for (const version of SUPPORTED_VERSIONS) {
    describe(`v${version}`, () => {
      let cached: Analysis | undefined;
      const analysis = (): Analysis => {
        if (!cached) {
          const file = valuesPath(version);
          assert.ok(existsSync(file), `missing ${file}`);
          cached = analyze(readFileSync(file, 'utf8'), { version, path: 'values.yaml' });
        }
        return cached;
      };
      const document = (): DocumentAnalysis => {
        const a = analysis();
        assert.equal(a.documents.length, 1, `expected one document, got ${a.documents.length}`);
        return a.documents[0];
      };

      it('is one helm-values document for the requested version, with no file-level finding', () => {
        const d = document();
        assert.equal(d.kind, 'helm-values');
        assert.equal(d.version, version);
        assert.deepEqual(
          analysis().fileFindings.map((f) => `${f.rule}: ${f.message}`),
          [],
        );
      });

      it('has no key finding (unknown, wrong type, quoted boolean, removed, not yet available)', () => {
        const bad = document().findings.filter((f) => KEY_RULES.includes(f.rule));
        assert.deepEqual(
          bad.map((f) => `${f.rule} ${f.key ?? ''}: ${f.message}`),
          [],
        );
      });

      it('has no YAML problem and no error-severity finding', () => {
        const bad = document().findings.filter((f) => f.rule.startsWith('yaml-') || f.severity === 'error');
        assert.deepEqual(
          bad.map((f) => `${f.rule} (${f.severity}): ${f.message}`),
          [],
        );
      });

      it('chart defaults: KPR off, IPTables masquerading (IPv4 only), tunnel vxlan, agent starts, chart installs', () => {
        const dp = document().datapath;
        assert.equal(dp.kubeProxyReplacement.enabled, false);
        if (inRange(version, '1.16')) assert.equal(dp.kubeProxyReplacement.status, 'False');
        assert.equal(dp.masquerading.mode, 'IPTables');
        assert.equal(dp.masquerading.ipv4, true);
        assert.equal(dp.masquerading.ipv6, false);
        assert.deepEqual(dp.routing.mode, 'tunnel');
        assert.deepEqual(dp.routing.protocol, 'vxlan');
        assert.equal(dp.agentStarts, true, `agent errors: ${dp.agentErrors.map((r) => r.id).join(', ')}`);
        assert.equal(dp.installSucceeds, true, `chart errors: ${dp.chartErrors.map((r) => r.id).join(', ')}`);
      });

      it('chart defaults: Host Routing is Legacy, for the reasons cilium-rules.md gives for this version', () => {
        const hr = document().datapath.hostRouting;
        const ids = hr.reasons.map((r) => r.id);
        const want = expectationFor(version);
        assert.equal(hr.status, 'Legacy');
        for (const id of want.reasons)
          assert.ok(ids.includes(id), `v${version}: expected reason ${id}; got ${ids.join(', ') || 'none'}`);
        for (const id of NEVER_FOR_DEFAULTS)
          assert.ok(!ids.includes(id), `v${version}: ${id} does not apply to chart defaults`);
        if (inRange(version, '1.20'))
          assert.ok(!ids.includes('host-routing-kpr-off'), `v${version}-pre has no silent KPR=false path any more`);
        const logged = hr.reasons.filter((r) => r.logged).map((r) => r.id);
        assert.deepEqual(logged, want.logged ? [want.logged] : [], `v${version}: the reason the agent logs`);
      });
    });
  }
});
