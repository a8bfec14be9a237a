// Facts of knowledge/agentExits.ts that test/core/agentExits.test.ts left open, found by mutation testing
// (docs/mutation.md): the native-routing CIDR check per IP family and its exemptions by version, the load-balancer
// modes that count as direct server return, what "masquerading on" means for the ip-masq-agent, and BBR limited to
// the host namespace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleInfo } from '../../../server/src/core/knowledge/ruleCatalog';
import { configMap } from '../../../server/src/core/rules/rule';
import { doc, finding, noFinding } from '../../helpers';

const cm = (v: string, data: string) => `# cilium-version: ${v}\n${configMap(data)}`;
const native = 'routing-mode: native\nenable-ipv4: "true"\nenable-ipv4-masquerade: "true"\n';

describe('knowledge/agentExits.ts', () => {
  it('IPv6: masquerading of IPv6 (not IPv4) needs the IPv6 CIDR, and the finding says IPv6 and names its switch', () => {
    // pkg/option/config.go@v1.16.19 l.3751-3769: checkIPv6NativeRoutingCIDR returns early on
    // `!c.EnableIPv6 || !c.EnableIPv6Masquerade`, then errors with "--ipv6-native-routing-cidr".
    const both = cm(
      '1.16',
      native + 'ipv4-native-routing-cidr: 10.0.0.0/8\nenable-ipv6: "true"\nenable-ipv6-masquerade: "true"',
    );
    const f = finding(doc(both), 'native-routing-cidr-ipv6');
    assert.match(f.message, /^Native routing with IPv6 masquerading needs ipv6-native-routing-cidr \(/);
    assert.match(f.message, /"native routing cidr must be configured with option --ipv6-native-routing-cidr in/);
    assert.deepEqual(
      f.related?.map((r) => r.message),
      ['Also involved: enable-ipv6-masquerade'],
    );
    noFinding(
      doc(both.replace('enable-ipv6-masquerade: "true"', 'enable-ipv6-masquerade: "false"')),
      'native-routing-cidr-ipv6',
    );
  });

  it('IPv4: the finding names the IPv4 masquerading switch', () => {
    // pkg/option/config.go@v1.16.19 l.3723-3749: checkIPv4NativeRoutingCIDR reads EnableIPv4Masquerade.
    const f = finding(doc(cm('1.16', native + 'enable-ipv6: "false"')), 'native-routing-cidr-ipv4');
    assert.deepEqual(
      f.related?.map((r) => r.message),
      ['Also involved: enable-ipv4-masquerade'],
    );
  });

  it('ENI and Alibaba Cloud IPAM exempt IPv4 only', () => {
    // pkg/option/config.go@v1.16.19 l.3736-3738 (IPv4: IPAMENI or IPAMAlibabaCloud returns nil); the IPv6 check at
    // l.3751-3769 has no such case.
    for (const ipam of ['eni', 'alibabacloud']) {
      const d = doc(cm('1.16', native + `ipam: ${ipam}\nenable-ipv6: "true"\nenable-ipv6-masquerade: "true"`));
      noFinding(d, 'native-routing-cidr-ipv4');
      finding(d, 'native-routing-cidr-ipv6');
    }
  });

  it('the ip-masq-agent exempts native routing from the CIDR from 1.15, not on 1.14', () => {
    // checkIPv4NativeRoutingCIDR gained `if c.EnableIPMasqAgent { return nil }` in 1.15
    // (pkg/option/config.go@v1.15.19 l.3791); at v1.14.19 l.3771-3781 it has no such case.
    const agent =
      native + 'enable-ip-masq-agent: "true"\nenable-bpf-masquerade: "true"\nkube-proxy-replacement: "true"';
    finding(doc(cm('1.14', agent)), 'native-routing-cidr-ipv4');
    noFinding(doc(cm('1.15', agent)), 'native-routing-cidr-ipv4');
    noFinding(doc(cm('1.19', agent)), 'native-routing-cidr-ipv4');
  });

  it('the native-routing CIDR rules cite the option checks', () => {
    for (const id of ['native-routing-cidr-ipv4', 'native-routing-cidr-ipv6'])
      assert.match(ruleInfo(id)?.cite ?? '', /^pkg\/option\/config\.go@v1\.14\.19 l\.\d+-\d+/, id);
  });

  it('hybrid load balancing is direct server return too: refused over VXLAN, named as the agent names it', () => {
    // pkg/loadbalancer/config.go@v1.19.1 l.254-257: LoadBalancerUsesDSR is LBModeDSR || LBModeHybrid;
    // pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.134-137 refuses it over VXLAN, printing the mode (%q).
    const f = finding(
      doc(
        cm('1.19', 'kube-proxy-replacement: "true"\nbpf-lb-mode: hybrid\nrouting-mode: tunnel\ntunnel-protocol: vxlan'),
      ),
      'dsr-with-vxlan',
    );
    assert.match(f.message, /"Node Port \\?"hybrid\\?" mode cannot be used with vxlan tunneling\."/);
  });

  it('the ip-masq-agent needs masquerading itself on, not only BPF masquerading', () => {
    // daemon/cmd/daemon.go@v1.14.19 l.979-986: `if MasqueradingEnabled() && EnableBPFMasquerade {…} else if
    // EnableIPMasqAgent` → "BPF ip-masq-agent requires (--enable-ipv4-masquerade=… or …) and …".
    const off = 'enable-ipv4-masquerade: "false"\nenable-ipv6-masquerade: "false"';
    const agent = 'kube-proxy-replacement: "true"\nenable-ip-masq-agent: "true"\nenable-bpf-masquerade: "true"\n';
    finding(doc(cm('1.16', agent + off)), 'ip-masq-agent-needs-bpf-masquerade');
    noFinding(
      doc(cm('1.16', agent + 'enable-ipv4-masquerade: "false"\nenable-ipv6-masquerade: "true"')),
      'ip-masq-agent-needs-bpf-masquerade',
    );
  });

  it('from 1.18 BBR limited to the host namespace runs with legacy host routing', () => {
    // pkg/datapath/linux/bandwidth/bandwidth.go@v1.18.7 l.193-196: the BPF host routing error needs
    // `!EnableBBRHostnsOnly` (flag enable-bbr-hostns-only, pkg/datapath/types/bandwidth.go@v1.18.7 l.11); 1.17 has
    // no such flag.
    const bbr = (v: string, hostnsOnly?: string) =>
      cm(
        v,
        'kube-proxy-replacement: "true"\nenable-bandwidth-manager: "true"\nenable-bbr: "true"\n' +
          (hostnsOnly === undefined ? '' : `enable-bbr-hostns-only: "${hostnsOnly}"\n`) +
          'enable-host-legacy-routing: "true"',
      );
    noFinding(doc(bbr('1.18', 'true')), 'bbr-needs-bpf-host-routing');
    finding(doc(bbr('1.18', 'false')), 'bbr-needs-bpf-host-routing');
    finding(doc(bbr('1.17', 'true')), 'bbr-needs-bpf-host-routing');
    // The flag defaults to false (pkg/datapath/types/bandwidth.go@v1.18.7 l.28 and l.34): a ConfigMap without it
    // still fails.
    finding(doc(bbr('1.18')), 'bbr-needs-bpf-host-routing');
  });
});
