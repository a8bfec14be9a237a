import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, lineOf, noFinding, yaml } from '../helpers';

const kprBpf = (v: string, extra: string) =>
  yaml`
    # cilium-version: ${v}
    kubeProxyReplacement: true
    bpf:
      masquerade: true
  ` +
  '\n' +
  extra +
  '\n';

describe('combinations that stop the agent', () => {
  it('native routing with masquerading needs ipv4NativeRoutingCIDR', () => {
    const text = kprBpf('1.16', 'routingMode: native');
    const d = doc(text);
    const f = finding(d, 'native-routing-cidr-ipv4');
    assert.equal(d.datapath.agentStarts, false);
    assert.match(lineOf(text, f).text, /routingMode/);
    noFinding(
      doc(kprBpf('1.16', 'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8')),
      'native-routing-cidr-ipv4',
    );
  });

  it('ENI IPAM is exempt from the native routing CIDR check', () => {
    noFinding(
      doc(kprBpf('1.17', 'routingMode: native\neni:\n  enabled: true\nipam:\n  mode: eni')),
      'native-routing-cidr-ipv4',
    );
    noFinding(doc(kprBpf('1.19', 'routingMode: native\neni:\n  enabled: true')), 'native-routing-cidr-ipv4');
  });

  it('the IPv6 twin applies when IPv6 is on', () => {
    const d = doc(kprBpf('1.16', 'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nipv6:\n  enabled: true'));
    finding(d, 'native-routing-cidr-ipv6');
  });

  it('autoDirectNodeRoutes in tunnel mode', () => {
    const d = doc(kprBpf('1.15', 'autoDirectNodeRoutes: true'));
    finding(d, 'auto-direct-node-routes-tunnel');
    noFinding(
      doc(kprBpf('1.15', 'autoDirectNodeRoutes: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8')),
      'auto-direct-node-routes-tunnel',
    );
  });

  it('ENI in tunnel mode is refused from 1.16', () => {
    finding(
      doc(kprBpf('1.16', 'eni:\n  enabled: true\nipam:\n  mode: eni\nroutingMode: tunnel')),
      'eni-in-tunnel-mode',
    );
    noFinding(
      doc(kprBpf('1.15', 'eni:\n  enabled: true\nipam:\n  mode: eni\nroutingMode: tunnel')),
      'eni-in-tunnel-mode',
    );
  });

  it('from 1.19 eni.enabled alone selects native routing', () => {
    const d = doc(kprBpf('1.19', 'eni:\n  enabled: true'));
    assert.equal(d.datapath.routing.mode, 'native');
    noFinding(d, 'eni-in-tunnel-mode');
    // Up to 1.18 eni.enabled alone leaves IPAM at cluster-pool (the chart forces eni IPAM only from 1.19).
    noFinding(doc(kprBpf('1.18', 'eni:\n  enabled: true')), 'eni-in-tunnel-mode');
    finding(doc(kprBpf('1.18', 'eni:\n  enabled: true\nipam:\n  mode: eni')), 'eni-in-tunnel-mode');
  });

  it('DSR cannot run over VXLAN', () => {
    const f = finding(doc(kprBpf('1.16', 'loadBalancer:\n  mode: dsr')), 'dsr-with-vxlan');
    assert.equal(f.severity, 'error');
    noFinding(doc(kprBpf('1.16', 'loadBalancer:\n  mode: snat')), 'dsr-with-vxlan');
  });

  it('DSR over Geneve needs geneve dispatch', () => {
    finding(
      doc(kprBpf('1.17', 'tunnelProtocol: geneve\nloadBalancer:\n  mode: dsr')),
      'dsr-tunnel-needs-geneve-dispatch',
    );
    noFinding(
      doc(kprBpf('1.17', 'tunnelProtocol: geneve\nloadBalancer:\n  mode: dsr\n  dsrDispatch: geneve')),
      'dsr-tunnel-needs-geneve-dispatch',
    );
  });

  it('geneve dispatch needs the geneve tunnel protocol (from 1.15 also in native routing)', () => {
    const native =
      'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: geneve';
    finding(doc(kprBpf('1.17', native)), 'dsr-geneve-dispatch-needs-geneve');
    finding(doc(kprBpf('1.16', native)), 'dsr-geneve-dispatch-needs-geneve');
  });

  it('installNoConntrackIptablesRules needs KPR, BPF masquerading and native routing', () => {
    const d = doc(kprBpf('1.16', 'installNoConntrackIptablesRules: true'));
    const f = finding(d, 'no-conntrack-rules-prerequisites');
    assert.match(f.message, /native routing/);
    noFinding(
      doc(
        kprBpf('1.16', 'installNoConntrackIptablesRules: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8'),
      ),
      'no-conntrack-rules-prerequisites',
    );
  });

  it('BBR needs BPF host routing', () => {
    const d = doc(yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      bandwidthManager:
        enabled: true
        bbr: true
    `);
    assert.equal(d.datapath.hostRouting.status, 'Legacy');
    finding(d, 'bbr-needs-bpf-host-routing');
    noFinding(doc(kprBpf('1.16', 'bandwidthManager:\n  enabled: true\n  bbr: true')), 'bbr-needs-bpf-host-routing');
  });

  it('BIG TCP is refused in tunnel mode up to 1.18', () => {
    finding(doc(kprBpf('1.16', 'enableIPv4BIGTCP: true')), 'big-tcp-prerequisites');
    noFinding(
      doc(kprBpf('1.16', 'enableIPv4BIGTCP: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8')),
      'big-tcp-prerequisites',
    );
  });

  it('the L7 proxy needs iptables rules', () => {
    // Only the 1.12 chart writes install-iptables-rules from installIptablesRules
    // (templates/cilium-configmap.yaml@v1.12.19 l.520); later charts drop the value, so there it takes extraConfig.
    const off = 'extraConfig:\n  install-iptables-rules: "false"';
    finding(doc(kprBpf('1.16', off)), 'l7-proxy-needs-iptables');
    noFinding(doc(kprBpf('1.16', `${off}\nl7Proxy: false`)), 'l7-proxy-needs-iptables');
    noFinding(doc(kprBpf('1.16', 'installIptablesRules: false')), 'l7-proxy-needs-iptables');
    finding(
      doc('# cilium-version: 1.12\nkubeProxyReplacement: strict\ninstallIptablesRules: false\n'),
      'l7-proxy-needs-iptables',
    );
  });

  it('IPsec with NodePort is refused up to 1.15', () => {
    const text = (v: string) => kprBpf(v, 'encryption:\n  enabled: true\n  type: ipsec');
    finding(doc(text('1.15')), 'ipsec-with-nodeport');
    noFinding(doc(text('1.16')), 'ipsec-with-nodeport');
  });

  it('netkit needs kernel 6.7 when a kernel is given', () => {
    const text = kprBpf('1.16', '');
    const netkit = text.replace('masquerade: true', 'masquerade: true\n  datapathMode: netkit');
    finding(doc(netkit, { kernel: '6.1' }), 'netkit-needs-kernel-6.7');
    noFinding(doc(netkit, { kernel: '6.8' }), 'netkit-needs-kernel-6.7');
    noFinding(doc(netkit), 'netkit-needs-kernel-6.7');
  });

  it('an invalid routing mode', () => {
    finding(doc(kprBpf('1.16', 'routingMode: direct')), 'routing-mode-invalid');
  });

  it('an invalid tunnel protocol stops the agent in native routing mode too (1.14 option check, 1.15+ tunnel cell)', () => {
    const native =
      'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nautoDirectNodeRoutes: true\ntunnelProtocol: gre';
    for (const v of ['1.14', '1.15', '1.19', '1.20']) {
      const d = doc(kprBpf(v, native));
      const f = finding(d, 'routing-mode-invalid');
      assert.match(f.message, /"gre" is not a tunnel protocol.*in native routing mode too/, v);
      assert.equal(d.datapath.agentStarts, false, v);
    }
    noFinding(doc(kprBpf('1.19', native.replace('gre', 'geneve'))), 'routing-mode-invalid');
  });
});

describe('BBR kernel requirement by version', () => {
  const bbr = (v: string, kernel: string) =>
    doc(
      `# cilium-version: ${v}\nkubeProxyReplacement: "true"\nbpf:\n  masquerade: true\nbandwidthManager:\n  enabled: true\n  bbr: true\n`,
      { kernel },
    );
  it('exists from 1.14, and below 5.1 the bandwidth manager is switched off before BBR is checked (≤ 1.16)', () => {
    const d14 = bbr('1.14', '5.10');
    assert.equal(finding(d14, 'bbr-needs-kernel-5.18').message.includes('5.18'), true);
    assert.equal(d14.datapath.agentStarts, false);
    noFinding(bbr('1.14', '4.19'), 'bbr-needs-kernel-5.18');
    finding(bbr('1.19', '4.19'), 'bbr-needs-kernel-5.18');
    noFinding(bbr('1.16', '5.18'), 'bbr-needs-kernel-5.18');
  });
});

describe('netkit and tproxy', () => {
  it('the agent refuses the combination from 1.19 (in Helm values the chart refuses it first: one finding)', () => {
    const cm = (v: string, keys: string) =>
      doc(
        `# cilium-version: ${v}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: "true"\n  enable-bpf-masquerade: "true"\n  datapath-mode: netkit\n${keys}`,
      );
    const d = cm('1.19', '  enable-bpf-tproxy: "true"\n');
    assert.match(finding(d, 'netkit-tproxy').message, /refuses to start/);
    assert.equal(d.datapath.agentStarts, false);
    noFinding(cm('1.18', '  enable-bpf-tproxy: "true"\n'), 'netkit-tproxy');
    noFinding(cm('1.19', ''), 'netkit-tproxy');
    const values = doc(
      '# cilium-version: 1.19\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n  tproxy: true\n  datapathMode: netkit\n',
    );
    finding(values, 'chart-netkit-tproxy');
    noFinding(values, 'netkit-tproxy');
    assert.equal(values.datapath.agentStarts, false);
  });
});

describe('pool-based IPAM and routing', () => {
  const mp = (v: string, extra: string) =>
    doc(
      `# cilium-version: ${v}\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nipam:\n  mode: multi-pool\n${extra}`,
    );
  it('multi-pool refuses tunnelling up to 1.17, and IPsec outside tunnel mode on 1.18; 1.19 has no check', () => {
    const d16 = mp('1.16', 'routingMode: tunnel\n');
    assert.match(finding(d16, 'ipam-pool-mode-routing').message, /needs native routing/);
    assert.equal(d16.datapath.agentStarts, false);
    noFinding(mp('1.16', 'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\n'), 'ipam-pool-mode-routing');
    noFinding(mp('1.18', 'routingMode: tunnel\n'), 'ipam-pool-mode-routing');
    finding(
      mp(
        '1.18',
        'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nencryption:\n  enabled: true\n  type: ipsec\n',
      ),
      'ipam-pool-mode-routing',
    );
    noFinding(mp('1.19', 'routingMode: tunnel\n'), 'ipam-pool-mode-routing');
  });
});
