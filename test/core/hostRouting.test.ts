import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, lineOf, noFinding, rules, yaml } from '../helpers';

const fastPath = (version: string, extra = '') =>
  yaml`
  # cilium-version: ${version}
  kubeProxyReplacement: ${['1.12', '1.13'].includes(version) ? 'strict' : 'true'}
  k8sServiceHost: 10.0.0.1
  k8sServicePort: 6443
  bpf:
    masquerade: true
` +
  extra +
  '\n';

describe('BPF host routing fallbacks', () => {
  for (const v of ['1.13', '1.14', '1.16', '1.18', '1.19', '1.20', '1.21']) {
    it(`full KPR with BPF masquerading gives BPF host routing on ${v}`, () => {
      const d = doc(fastPath(v));
      assert.equal(d.datapath.hostRouting.status, 'BPF', rules(d).join(','));
      assert.equal(d.datapath.masquerading.mode, 'BPF');
    });
  }

  it('masquerading without bpf.masquerade means iptables and legacy host routing, on the masquerade line', () => {
    const text = yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      enableIPv4Masquerade: true
    `;
    const d = doc(text);
    assert.equal(d.datapath.hostRouting.status, 'Legacy');
    assert.equal(d.datapath.masquerading.mode, 'IPTables');
    const f = finding(d, 'host-routing-iptables-masquerade');
    assert.match(lineOf(text, f).text, /enableIPv4Masquerade/);
    assert.match(f.message, /BPF host routing requires enable-bpf-masquerade\. Falling back to legacy host routing/);
    assert.ok(d.datapath.hostRouting.reasons.find((r) => r.id === 'host-routing-iptables-masquerade')?.logged);
  });

  it('the chart default masquerading counts too (finding sits on the first key and names the default)', () => {
    const text = yaml`
      # cilium-version: 1.17
      kubeProxyReplacement: true
    `;
    const d = doc(text);
    const f = finding(d, 'host-routing-iptables-masquerade');
    assert.match(f.message, /chart default of 1\.17/);
    assert.match(lineOf(text, f).text, /kubeProxyReplacement/);
  });

  it('kube-proxy replacement off is a silent Legacy up to 1.19 and a logged one on 1.20-pre', () => {
    const base = (v: string) => yaml`
      # cilium-version: ${v}
      kubeProxyReplacement: false
      enableIPv4Masquerade: false
    `;
    const d16 = doc(base('1.16'));
    assert.equal(d16.datapath.hostRouting.status, 'Legacy');
    finding(d16, 'host-routing-kpr-off');
    assert.equal(
      d16.datapath.hostRouting.reasons.find((r) => r.logged),
      undefined,
      'nothing is logged on 1.16',
    );
    // 1.18: NodePort off settles it before the switch, which now runs in every configuration.
    const d18 = doc(base('1.18'));
    finding(d18, 'host-routing-kpr-off');
    noFinding(d18, 'host-routing-needs-kpr');
    // 1.14-1.15: WireGuard makes the switch run without NodePort (finishKubeProxyReplacementInit's guard is
    // `EnableNodePort || EnableWireguard`, kube_proxy_replacement.go@v1.15.19 l.389), so the KPR case is logged.
    const wg = (v: string) => base(v) + 'encryption:\n  enabled: true\n  type: wireguard\n';
    const d15 = doc(wg('1.15'));
    noFinding(d15, 'host-routing-kpr-off');
    assert.equal(d15.datapath.hostRouting.reasons.find((r) => r.logged)?.id, 'host-routing-needs-kpr');
    finding(doc(wg('1.16')), 'host-routing-kpr-off');
    const d19 = doc(base('1.19'));
    finding(d19, 'host-routing-kpr-off');
    const d20 = doc(base('1.20'));
    noFinding(d20, 'host-routing-kpr-off');
    const logged = d20.datapath.hostRouting.reasons.find((r) => r.logged);
    assert.equal(logged?.id, 'host-routing-needs-kpr');
    assert.match(logged!.sourceText!, /BPF host routing requires kube-proxy-replacement\./);
  });

  it('the kube-proxy replacement message says where the value came from: the file, the chart or the agent', () => {
    const message = (text: string) => finding(doc(text), 'host-routing-kpr-off').message;
    assert.match(message('# cilium-version: 1.16\nkubeProxyReplacement: false\n'), /is off \("false"\), so/);
    assert.match(
      message('# cilium-version: 1.16\ndebug:\n  enabled: true\n'),
      /is off \("false" by the chart default\)/,
    );
    assert.match(
      message('# cilium-version: 1.13\ndebug:\n  enabled: true\n'),
      /is off \("disabled" by the chart default\)/,
    );
    const configMap =
      '# cilium-version: 1.16\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n  enable-ipv4: "true"\n';
    assert.match(message(configMap), /is off \("false" by the agent default\)/);
  });

  it('IPsec forces legacy host routing up to 1.18 and not on 1.19', () => {
    const ipsec = (v: string) => fastPath(v, 'encryption:\n  enabled: true\n  type: ipsec');
    const d18 = doc(ipsec('1.18'));
    assert.equal(d18.datapath.hostRouting.status, 'Legacy');
    const f = finding(d18, 'host-routing-ipsec');
    assert.match(lineOf(ipsec('1.18'), f).text, /enabled: true/);
    const d19 = doc(ipsec('1.19'));
    assert.equal(d19.datapath.hostRouting.status, 'BPF');
    noFinding(d19, 'host-routing-ipsec');
  });

  it('endpointRoutes makes host routing Legacy on 1.13, said in plain words', () => {
    const text = fastPath('1.13', 'endpointRoutes:\n  enabled: true');
    const d = doc(text);
    assert.equal(d.datapath.hostRouting.status, 'Legacy');
    const f = finding(d, 'host-routing-endpoint-routes');
    assert.equal(f.severity, 'warning');
    assert.match(
      f.message,
      /^Per-endpoint routes \(endpointRoutes\.enabled\) make Cilium 1\.13 fall back to legacy host routing\./,
    );
    assert.doesNotMatch(f.message, /→|cilium_host/);
    // The finding sits on the switch itself (`enabled: true` under `endpointRoutes:`).
    assert.equal(f.key, 'endpointRoutes.enabled');
    assert.match(lineOf(text, f).text, /^\s+enabled: true/);
  });

  it('endpointRoutes no longer costs BPF host routing from 1.14 (commit 63583e9132)', () => {
    for (const v of ['1.14', '1.16', '1.19']) {
      const d = doc(fastPath(v, 'endpointRoutes:\n  enabled: true'));
      assert.equal(d.datapath.hostRouting.status, 'BPF', v);
      noFinding(d, 'host-routing-endpoint-routes');
    }
  });

  it('WireGuard forces legacy routing on 1.13 only', () => {
    const wg = (v: string) => fastPath(v, 'encryption:\n  enabled: true\n  type: wireguard');
    finding(doc(wg('1.13')), 'host-routing-wireguard');
    assert.equal(doc(wg('1.14')).datapath.hostRouting.status, 'BPF');
  });

  it('an old kernel is a fallback up to 1.17 and unsupported from 1.18', () => {
    const d17 = doc(fastPath('1.17'), { kernel: '5.4' });
    finding(d17, 'host-routing-old-kernel');
    assert.equal(d17.datapath.hostRouting.status, 'Legacy');
    const d18 = doc(fastPath('1.18'), { kernel: '5.4' });
    noFinding(d18, 'host-routing-old-kernel');
    finding(d18, 'kernel-too-old');
    assert.equal(d18.datapath.agentStarts, false);
    assert.equal(doc(fastPath('1.17'), { kernel: '5.10' }).datapath.hostRouting.status, 'BPF');
  });

  it('CNI chaining makes the chart write legacy host routing, unless the user decides', () => {
    const text = fastPath('1.16', 'cni:\n  chainingMode: aws-cni');
    const d = doc(text);
    assert.equal(d.datapath.hostRouting.status, 'Legacy');
    const f = finding(d, 'host-routing-cni-chaining');
    assert.match(lineOf(text, f).text, /chainingMode/);
    const explicit = doc(
      fastPath('1.16', 'cni:\n  chainingMode: aws-cni\nbpf:\n  hostLegacyRouting: false\n  masquerade: true').replace(
        'bpf:\n  masquerade: true\n',
        '',
      ),
    );
    noFinding(explicit, 'host-routing-cni-chaining');
  });

  it('reports every reason on its own key and marks only the first as logged', () => {
    const text = yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: true
      enableIPv4Masquerade: true
      encryption:
        enabled: true
        type: ipsec
    `;
    const d = doc(text);
    const ids = d.datapath.hostRouting.reasons.map((r) => r.id);
    assert.deepEqual(ids, ['host-routing-ipsec', 'host-routing-iptables-masquerade']);
    assert.deepEqual(
      d.datapath.hostRouting.reasons.map((r) => r.logged),
      [true, false],
    );
    const masq = finding(d, 'host-routing-iptables-masquerade');
    assert.match(masq.message, /logs only its first reason, host-routing-ipsec/);
    assert.notEqual(lineOf(text, masq).line, lineOf(text, finding(d, 'host-routing-ipsec')).line);
  });

  it('explicit bpf.hostLegacyRouting is reported as information, not a warning', () => {
    const d = doc(
      fastPath('1.16', 'cni:\n  exclusive: true').replace(
        'masquerade: true',
        'masquerade: true\n  hostLegacyRouting: true',
      ),
    );
    const f = finding(d, 'host-routing-explicit-legacy');
    assert.equal(f.severity, 'info');
    assert.equal(d.datapath.hostRouting.status, 'Legacy');
  });
});

describe('related keys', () => {
  it('the iptables-masquerade finding sits on the masquerade switch and points at bpf.masquerade: false', () => {
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\nbpf:\n  masquerade: false\n';
    const f = finding(doc(text), 'host-routing-iptables-masquerade');
    assert.equal(lineOf(text, f).line, 3);
    assert.ok(f.related && f.related.length === 1, JSON.stringify(f.related));
    assert.equal(text.slice(f.related[0].range.start, f.related[0].range.end), 'masquerade');
    assert.match(f.related[0].message, /bpf\.masquerade/);
  });
});
