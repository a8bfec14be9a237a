// 1.14 and 1.15 turn BPF NodePort on for CiliumEnvoyConfig: when enable-envoy-config is on, IPsec is off and
// kube-proxy replacement is partial or false, initKubeProxyReplacementOptions sets EnableNodePort
// (daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.89-96, @v1.15.19 l.89-96; "disabled" returned at l.61-72).
// 1.13 and 1.16 have no such step. The chart writes enable-envoy-config for ingressController, gatewayAPI,
// envoyConfig or the Envoy L7 backend (templates/cilium-configmap.yaml@v1.15.19 l.250-251).
// What `cilium status` then shows: the KubeProxyReplacement line is the mode alone (pkg/client/client.go@v1.15.19
// l.342-343), host routing stays Legacy but the agent logs why (the switch in finishKubeProxyReplacementInit runs
// once NodePort is on, @v1.15.19 l.408-438), and BPF masquerading has the NodePort it needs
// (daemon/cmd/daemon.go@v1.15.19 l.752-758, @v1.14.19 l.932-952, both after initKubeProxyReplacementOptions).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { configMapText, doc, finding, noFinding, rules, yaml } from '../helpers';

/** A 1.15 cilium-config with Envoy config and BPF masquerading, KPR false, and the given keys over that. */
const envoy115 = (data: Record<string, string>) =>
  doc(
    configMapText('1.15', {
      'kube-proxy-replacement': 'false',
      'enable-envoy-config': 'true',
      'enable-bpf-masquerade': 'true',
      ...data,
    }),
  );

const ingress = (v: string, kpr: string, extra = '') =>
  yaml`
    # cilium-version: ${v}
    kubeProxyReplacement: ${kpr}
    ingressController:
      enabled: true
    bpf:
      masquerade: true
    socketLB:
      enabled: true
  ` + (extra ? `${extra}\n` : '');

describe('CiliumEnvoyConfig turns BPF NodePort on in 1.14 and 1.15', () => {
  it('1.15 with kubeProxyReplacement false: BPF masquerading starts, host routing Legacy for a logged reason', () => {
    const d = doc(ingress('1.15', 'false'));
    noFinding(d, 'bpf-masquerade-needs-nodeport');
    assert.equal(d.datapath.agentStarts, true);
    assert.equal(d.datapath.masquerading.mode, 'BPF');
    assert.equal(d.datapath.kubeProxyReplacement.status, 'False');
    assert.equal(d.datapath.kubeProxyReplacement.enabled, false);
    assert.equal(d.datapath.hostRouting.status, 'Legacy');
    const logged = d.datapath.hostRouting.reasons.filter((r) => r.logged).map((r) => r.id);
    assert.deepEqual(logged, ['host-routing-needs-kpr']);
    noFinding(d, 'host-routing-kpr-off');
  });

  it('1.14 with partial: no fallback to iptables masquerading', () => {
    const d = doc(ingress('1.14', 'partial'));
    noFinding(d, 'bpf-masquerade-needs-nodeport');
    noFinding(d, 'host-routing-bpf-masquerade-fallback');
    assert.equal(d.datapath.masquerading.mode, 'BPF');
  });

  it('every chart switch that writes enable-envoy-config does it (gatewayAPI, envoyConfig, the L7 backend)', () => {
    for (const extra of [
      'gatewayAPI:\n  enabled: true',
      'envoyConfig:\n  enabled: true',
      'loadBalancer:\n  l7:\n    backend: envoy',
    ]) {
      const text =
        yaml`
        # cilium-version: 1.15
        kubeProxyReplacement: false
        bpf:
          masquerade: true
        socketLB:
          enabled: true
      ` + `${extra}\n`;
      const d = doc(text);
      noFinding(d, 'bpf-masquerade-needs-nodeport');
      assert.equal(d.datapath.masquerading.mode, 'BPF', extra);
    }
  });

  it('NodePort now on brings the NodePort checks: dsr over VXLAN stops the 1.15 agent', () => {
    const d = doc(ingress('1.15', 'false', 'loadBalancer:\n  mode: dsr'));
    finding(d, 'dsr-with-vxlan');
    noFinding(d, 'lb-mode-without-kpr');
    assert.equal(d.datapath.agentStarts, false);
  });

  it('not with IPsec, not in 1.13 or 1.16, not without Envoy', () => {
    // IPsec: the step requires it off (l.90), so BPF masquerading still lacks NodePort and 1.15 refuses to start.
    const ipsec = envoy115({ 'enable-ipsec': 'true', 'bpf-lb-sock': 'true' });
    finding(ipsec, 'bpf-masquerade-needs-nodeport');
    noFinding(ipsec, 'ipsec-with-nodeport');
    finding(doc(ingress('1.16', 'false')), 'bpf-masquerade-needs-nodeport');
    finding(doc(ingress('1.13', 'partial')), 'bpf-masquerade-needs-nodeport');
    const off = (envoy: string) => envoy115({ 'enable-envoy-config': envoy, 'bpf-lb-sock': 'true' });
    finding(off('false'), 'bpf-masquerade-needs-nodeport');
    noFinding(off('true'), 'bpf-masquerade-needs-nodeport');
  });

  it('a misspelt kube-proxy-replacement stops the agent before the step (l.46-52): no NodePort check runs', () => {
    const mode = (kpr: string) =>
      doc(
        configMapText('1.15', { 'kube-proxy-replacement': kpr, 'enable-envoy-config': 'true', 'bpf-lb-mode': 'dsr' }),
      );
    finding(mode('false'), 'dsr-with-vxlan');
    const typo = mode('fasle');
    finding(typo, 'kpr-invalid-value');
    noFinding(typo, 'dsr-with-vxlan');
  });

  it('kube-proxy-replacement disabled keeps NodePort off (the agent returns before the Envoy step)', () => {
    const d = envoy115({ 'kube-proxy-replacement': 'disabled' });
    finding(d, 'bpf-masquerade-needs-nodeport');
    finding(d, 'host-routing-kpr-off');
  });
});

describe('the chart-envoy-needs-kpr fix in 1.15 (false turns NodePort on where disabled kept it off)', () => {
  it('is offered: Legacy host routing for want of full replacement is no new problem when the agent logs it', () => {
    const text = '# cilium-version: 1.15\nkubeProxyReplacement: disabled\ningressController:\n  enabled: true\n';
    const f = finding(doc(text), 'chart-envoy-needs-kpr');
    const fix = f.fixes?.[0];
    assert.ok(fix, 'the fix is offered');
    assert.match(fix.title, /kubeProxyReplacement: false/);
    assert.match(fix.title, /turns BPF NodePort on for Envoy/);
    const after = doc(applyEdits(text, fix.edits));
    assert.deepEqual(rules(after).sort(), ['host-routing-iptables-masquerade', 'host-routing-needs-kpr']);
    assert.equal(after.datapath.hostRouting.status, 'Legacy');
  });

  it('is not offered when NodePort on would stop the agent (dsr over VXLAN)', () => {
    const text =
      '# cilium-version: 1.15\nkubeProxyReplacement: disabled\ningressController:\n  enabled: true\nloadBalancer:\n  mode: dsr\n';
    assert.equal(finding(doc(text), 'chart-envoy-needs-kpr').fixes, undefined);
    // With IPsec on the agent skips the step, so false does what disabled did and the title says so.
    const ipsec =
      '# cilium-version: 1.14\nkubeProxyReplacement: disabled\ningressController:\n  enabled: true\nencryption:\n  enabled: true\n  type: ipsec\n';
    const fix = finding(doc(ipsec), 'chart-envoy-needs-kpr').fixes?.[0];
    assert.ok(fix, 'the fix is offered');
    assert.match(fix.title, /false is what disabled meant/);
  });
});
