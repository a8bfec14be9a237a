import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, noFinding, yaml } from '../helpers';

describe('BPF masquerading prerequisites', () => {
  const noKpr = (v: string) => yaml`
    # cilium-version: ${v}
    kubeProxyReplacement: ${['1.12', '1.13'].includes(v) ? 'disabled' : 'false'}
    bpf:
      masquerade: true
  `;

  it('without NodePort, 1.14 falls back to iptables masquerading and legacy host routing', () => {
    const d = doc(noKpr('1.14'));
    assert.equal(d.datapath.masquerading.mode, 'IPTables');
    assert.equal(d.datapath.hostRouting.status, 'Legacy');
    assert.equal(d.datapath.agentStarts, true);
    finding(d, 'bpf-masquerade-needs-nodeport');
    finding(d, 'host-routing-bpf-masquerade-fallback');
  });

  it('without NodePort, 1.15 to 1.18 refuse to start', () => {
    for (const v of ['1.15', '1.16', '1.18']) {
      const d = doc(noKpr(v));
      assert.equal(d.datapath.agentStarts, false, v);
      const f = finding(d, 'bpf-masquerade-needs-nodeport');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /unable to initialize BPF masquerade support/);
    }
  });

  it('from 1.19 BPF masquerading works without kube-proxy replacement', () => {
    const d = doc(noKpr('1.19'));
    noFinding(d, 'bpf-masquerade-needs-nodeport');
    assert.equal(d.datapath.masquerading.mode, 'BPF');
    assert.equal(d.datapath.agentStarts, true);
  });

  it('bpf.masquerade with both masquerade switches off: refused from 1.15, ignored on 1.14', () => {
    const text = (v: string) => yaml`
      # cilium-version: ${v}
      kubeProxyReplacement: true
      enableIPv4Masquerade: false
      bpf:
        masquerade: true
    `;
    const d16 = doc(text('1.16'));
    assert.equal(d16.datapath.agentStarts, false);
    finding(d16, 'bpf-masquerade-without-masquerading');
    const d14 = doc(text('1.14'));
    assert.equal(d14.datapath.agentStarts, true);
    assert.equal(finding(d14, 'bpf-masquerade-without-masquerading').severity, 'warning');
    assert.equal(d14.datapath.masquerading.mode, 'Disabled');
  });

  it('the prerequisites are checked for IPv6 masquerading too from 1.14, for IPv4 alone before', () => {
    const v6Only = (v: string) => yaml`
      # cilium-version: ${v}
      kubeProxyReplacement: ${v === '1.13' ? 'disabled' : 'false'}
      enableIPv4Masquerade: false
      ipv6:
        enabled: true
      enableIPv6Masquerade: true
      bpf:
        masquerade: true
    `;
    finding(doc(v6Only('1.16')), 'bpf-masquerade-needs-nodeport');
    noFinding(doc(v6Only('1.13')), 'bpf-masquerade-needs-nodeport');
    // No masquerading at all: nothing to check the prerequisites for (the agent refuses BPF masquerading itself).
    const none = doc(yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: false
      enableIPv4Masquerade: false
      bpf:
        masquerade: true
    `);
    noFinding(none, 'bpf-masquerade-needs-nodeport');
    finding(none, 'bpf-masquerade-without-masquerading');
  });

  it('ip-masq-agent needs BPF masquerading', () => {
    const d = doc(yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      ipMasqAgent:
        enabled: true
    `);
    finding(d, 'ip-masq-agent-needs-bpf-masquerade');
    assert.equal(d.datapath.agentStarts, false);
    const ok = doc(yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      ipMasqAgent:
        enabled: true
      bpf:
        masquerade: true
    `);
    noFinding(ok, 'ip-masq-agent-needs-bpf-masquerade');
    assert.match(ok.datapath.masquerading.mode, /BPF/);
    assert.equal(ok.datapath.masquerading.ipMasqAgent, true);
  });

  it('the egress gateway needs BPF IPv4 masquerading', () => {
    const d = doc(yaml`
      # cilium-version: 1.17
      kubeProxyReplacement: true
      egressGateway:
        enabled: true
    `);
    finding(d, 'egress-gateway-needs-bpf-masquerade');
  });

  it('egressMasqueradeInterfaces cannot be used with BPF masquerading', () => {
    const d = doc(yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      egressMasqueradeInterfaces: eth0
      bpf:
        masquerade: true
    `);
    assert.equal(finding(d, 'bpf-masquerade-interfaces').severity, 'error');
    assert.equal(d.datapath.agentStarts, false);
  });

  it('masquerading to the route source is refused with BPF masquerading from 1.15', () => {
    const d = doc(yaml`
      # cilium-version: 1.15
      kubeProxyReplacement: true
      enableMasqueradeRouteSource: true
      bpf:
        masquerade: true
    `);
    finding(d, 'bpf-masquerade-route-source');
  });

  it('IPv6 masquerading counts only when IPv6 is on (the chart default true is inert otherwise)', () => {
    const d = doc(yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      enableIPv4Masquerade: false
    `);
    assert.equal(d.datapath.masquerading.mode, 'Disabled');
    noFinding(d, 'host-routing-iptables-masquerade');
    assert.equal(d.datapath.hostRouting.status, 'BPF');
  });

  it('from 1.18 eni.enabled turns IPv4 masquerading off in the chart', () => {
    const d = doc(yaml`
      # cilium-version: 1.18
      kubeProxyReplacement: true
      eni:
        enabled: true
      routingMode: native
    `);
    assert.equal(d.configMap.get('enable-ipv4-masquerade')?.value, 'false');
    assert.equal(d.datapath.masquerading.mode, 'Disabled');
    const d17 = doc(yaml`
      # cilium-version: 1.17
      kubeProxyReplacement: true
      eni:
        enabled: true
      routingMode: native
    `);
    assert.equal(d17.configMap.get('enable-ipv4-masquerade')?.value, 'true');
  });
});
