// Facts of knowledge/hostRouting.ts that the behaviour tests (test/core/hostRouting.test.ts) left open, found by
// mutation testing (docs/mutation.md): the agent's log line, when the logging switch runs on 1.13, which CNI
// origins count as chaining, and how the kube-proxy replacement value is named when a user key implies it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FALLING_BACK, isImpliedBy } from '../../../server/src/core/knowledge/hostRouting';
import type { Origin } from '../../../server/src/core/types';
import { doc, finding, noFinding } from '../../helpers';

const user = (key: string): Origin => ({ kind: 'user', key, range: { start: 0, end: 1 }, valueText: 'x' });

describe('knowledge/hostRouting.ts', () => {
  it("a logged reason carries the agent's whole log line: the reason, then the fallback sentence", () => {
    // daemon/cmd/kube_proxy_replacement.go@v1.16.19 l.370-371 and l.385-386:
    // msg = "BPF host routing is incompatible with enable-ipsec."; log.Infof("%s Falling back to legacy host
    // routing (%s=true).", msg, option.EnableHostLegacyRouting).
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n' +
      'bpf:\n  masquerade: true\nencryption:\n  enabled: true\n  type: ipsec\n';
    const reason = doc(text).datapath.hostRouting.reasons.find((r) => r.id === 'host-routing-ipsec');
    assert.equal(
      reason?.sourceText,
      'BPF host routing is incompatible with enable-ipsec. Falling back to legacy host routing (enable-host-legacy-routing=true).',
    );
    assert.ok(reason.sourceText.endsWith(FALLING_BACK));
  });

  it('on 1.13 WireGuard does not run the switch without NodePort: kube-proxy replacement off stays silent', () => {
    // finishKubeProxyReplacementInit returns early on `!option.Config.EnableNodePort` at v1.13.18 (l.415-419);
    // only from 1.14 does the guard read `!(EnableNodePort || EnableWireguard)` (@v1.14.19 l.389).
    const text =
      '# cilium-version: 1.13\nkubeProxyReplacement: disabled\nenableIPv4Masquerade: false\n' +
      'encryption:\n  enabled: true\n  type: wireguard\n';
    const d = doc(text);
    finding(d, 'host-routing-kpr-off');
    noFinding(d, 'host-routing-needs-kpr');
    assert.equal(
      d.datapath.hostRouting.reasons.find((r) => r.logged),
      undefined,
    );
  });

  it('a CNI origin counts when any one of the keys that imply it is the one asked about, and only then', () => {
    const implied: Origin = {
      kind: 'implied',
      key: 'cni.exclusive',
      by: [user('cni.exclusive'), user('cni.chainingMode')],
      note: 'the chart writes enable-host-legacy-routing from cni.exclusive, cni.chainingMode',
    };
    assert.equal(isImpliedBy(implied, 'cni.chainingMode'), true);
    assert.equal(isImpliedBy(implied, 'cni.chainingTarget'), false);
    // A value the user wrote is their own, not implied by another key (and has no `by` list to look at). In the
    // charts only chaining implies enable-host-legacy-routing (templates/cilium-configmap.yaml@v1.16.19 l.364-370),
    // so this contract is what keeps the rule right if another implying key appears.
    assert.equal(isImpliedBy(user('cni.chainingMode'), 'cni.chainingMode'), false);
  });

  it('kube-proxy replacement written by the chart from upgradeCompatibility is named without a default label', () => {
    // templates/cilium-configmap.yaml@v1.14.19 l.46-52: an upgradeCompatibility from 1.12 up to 1.13 leaves the
    // chart's own KPR default at "disabled" (the "false" of l.54-57 needs >= 1.14): the value comes from the
    // user's upgradeCompatibility, not from a chart or agent default.
    const message = finding(
      doc('# cilium-version: 1.14\nupgradeCompatibility: "1.13"\n'),
      'host-routing-kpr-off',
    ).message;
    assert.match(message, /is off \("disabled"\), so Cilium 1\.14/);
  });
});
