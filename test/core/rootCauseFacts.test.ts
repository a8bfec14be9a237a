// Issue 8 §6: one finding per root cause, "refuses" only in errors, and the facts checked in Cilium's source
// (each test both ways: the version or value where it holds, and where it does not).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';
import { doc, finding, noFinding, rules } from '../helpers';

const configMap = (data: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;

describe('one finding per root cause', () => {
  it('kubeProxyReplacement: strict on 1.16+ is one error (the chart refuses it), not also "KPR off" or its echoes', () => {
    for (const version of ['1.16', '1.18', '1.19']) {
      const d = doc(
        'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
        { version },
      );
      const errors = d.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(
        errors.map((f) => f.rule),
        ['chart-kpr-invalid'],
        `${version}: ${rules(d).join(', ')}`,
      );
      for (const echo of [
        'host-routing-kpr-off',
        'host-routing-needs-kpr',
        'kpr-invalid-value',
        'bpf-masquerade-needs-nodeport',
      ])
        noFinding(d, echo);
      assert.equal(d.datapath.kubeProxyReplacement.status, 'Invalid');
      assert.equal(d.datapath.installSucceeds, false);
    }
    // In a ConfigMap there is no chart: the agent's refusal is the one finding.
    const cm = doc(configMap('  kube-proxy-replacement: "strict"\n'), { version: '1.16' });
    assert.deepEqual(
      cm.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
      ['kpr-invalid-value'],
    );
    noFinding(cm, 'host-routing-kpr-off');
    // A valid "false" still explains the Legacy host routing.
    finding(doc('kubeProxyReplacement: false\n', { version: '1.16' }), 'host-routing-kpr-off');
  });

  it('a removed key the chart fails on is one finding (the refusal, with what to do), not also "Helm ignores it"', () => {
    const d = doc('kubeProxyReplacement: true\nenableK8sEventHandover: true\ntunnel: vxlan\n', { version: '1.16' });
    noFinding(d, 'key-removed');
    assert.match(finding(d, 'chart-event-handover-removed').message, /refuses to install\. Delete it/);
    assert.match(finding(d, 'chart-tunnel-removed').message, /Use routingMode: tunnel/);
    // The whole `proxy` block left the 1.16 chart, and the chart refuses proxy.prometheus.* below it
    // (templates/validate.yaml@v1.16.19 l.12-17): the refusal alone, no "Helm ignores it silently" on `proxy`.
    const proxy = doc('kubeProxyReplacement: true\nproxy:\n  prometheus:\n    port: 9999\n', { version: '1.16' });
    noFinding(proxy, 'key-removed');
    assert.match(finding(proxy, 'chart-proxy-prometheus-removed').message, /Use envoy\.prometheus\.enabled/);
    // A removed key the chart does not fail on keeps its key-removed warning.
    finding(doc('kubeProxyReplacement: true\nnodePort:\n  enabled: true\n', { version: '1.19' }), 'key-removed');
  });

  it("bpf.tproxy with netkit on 1.19 is the chart's refusal only; a ConfigMap keeps the agent's (corpus 010)", () => {
    const values = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n  datapathMode: netkit\n  tproxy: true\n';
    const d = doc(values, { version: '1.19' });
    finding(d, 'chart-netkit-tproxy');
    noFinding(d, 'netkit-tproxy');
    assert.equal(d.datapath.agentStarts, false, 'the verdict still shows every consequence');
    const cm = doc(
      configMap('  kube-proxy-replacement: "true"\n  datapath-mode: "netkit"\n  enable-bpf-tproxy: "true"\n'),
      { version: '1.19' },
    );
    finding(cm, 'netkit-tproxy');
  });
});

describe('"refuses" only in errors', () => {
  const repoRoot = findRepoRoot();
  const corpus = path.resolve(repoRoot, '../shared/corpus/real');
  const crafted = [
    'kubeProxyReplacement: strict\nbpf:\n  masquerade: true\n',
    'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n',
    'routingMode: native\nloadBalancer:\n  mode: dsr\n  dsrDispatch: geneve\nkubeProxyReplacement: true\n',
    'enableK8sEventHandover: true\ntunnel: vxlan\nbandwidthManager:\n  enabled: true\n  bbr: true\n',
  ];
  it('every finding that says the chart or agent refuses is an error, and no warning says it', () => {
    const texts = [
      ...readdirSync(corpus)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => readFileSync(path.join(corpus, f), 'utf8')),
      ...crafted,
    ];
    let checked = 0;
    for (const version of SUPPORTED_VERSIONS) {
      for (const text of texts) {
        const a = analyze(text, { version, kernel: '5.4', path: 'values.yaml' });
        for (const f of [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)]) {
          checked++;
          if (/refus/i.test(f.message))
            assert.equal(f.severity, 'error', `${version} ${f.rule} (${f.severity}) says "refuses": ${f.message}`);
        }
      }
    }
    assert.ok(checked > 1000, `only ${checked} findings checked`);
  });
});

describe('facts checked in the source, both ways', () => {
  it('eni.enabled forces IPAM mode eni only from 1.19 (no false "agent refuses" for 1.16-1.18 ENI users)', () => {
    for (const version of ['1.16', '1.17', '1.18']) {
      const d = doc('eni:\n  enabled: true\nkubeProxyReplacement: true\n', { version });
      assert.equal(d.configMap.get('ipam')?.value, 'cluster-pool', version);
      noFinding(d, 'eni-in-tunnel-mode');
    }
    const d19 = doc('eni:\n  enabled: true\nkubeProxyReplacement: true\n', { version: '1.19' });
    assert.equal(d19.configMap.get('ipam')?.value, 'eni');
    assert.equal(d19.agent.ipam.value, 'eni');
    // Explicitly asked for, ENI IPAM in a tunnel is still refused on 1.18.
    finding(
      doc('eni:\n  enabled: true\nipam:\n  mode: eni\nroutingMode: tunnel\n', { version: '1.18' }),
      'eni-in-tunnel-mode',
    );
  });

  it('1.18+: the chart fails on a missing native-routing CIDR only with enableIPv4Masquerade written true; otherwise the agent exits', () => {
    for (const version of ['1.18', '1.19']) {
      const implicit = doc('routingMode: native\nautoDirectNodeRoutes: true\n', { version });
      noFinding(implicit, 'chart-native-routing-cidr-ipv4');
      finding(implicit, 'native-routing-cidr-ipv4');
      assert.equal(implicit.datapath.installSucceeds, true);
      assert.equal(implicit.datapath.agentStarts, false);
      const explicit = doc('routingMode: native\nautoDirectNodeRoutes: true\nenableIPv4Masquerade: true\n', {
        version,
      });
      finding(explicit, 'chart-native-routing-cidr-ipv4');
      noFinding(explicit, 'native-routing-cidr-ipv4'); // the same cause, said once
      assert.equal(explicit.datapath.installSucceeds, false);
    }
  });

  it('the ServiceMonitor CRD check covers the monitors validate.yaml names for the version, and trustCRDsExist from 1.13', () => {
    const hubbleMetrics = 'hubble:\n  metrics:\n    enabled: [dns]\n    serviceMonitor:\n      enabled: true\n';
    for (const version of SUPPORTED_VERSIONS)
      noFinding(doc(hubbleMetrics, { version, path: 'cilium-values.yaml' }), 'chart-servicemonitor-crds');
    const envoy = 'envoy:\n  prometheus:\n    enabled: true\n    serviceMonitor:\n      enabled: true\n';
    finding(doc(envoy, { path: 'cilium-values.yaml', version: '1.16' }), 'chart-servicemonitor-crds');
    noFinding(doc(envoy, { path: 'cilium-values.yaml', version: '1.13' }), 'chart-servicemonitor-crds');
    noFinding(
      doc(envoy + 'proxy:\n  prometheus:\n    enabled: false\n', { path: 'cilium-values.yaml', version: '1.15' }),
      'chart-servicemonitor-crds',
    );
    finding(
      doc(envoy + 'proxy:\n  prometheus:\n    enabled: true\n', { path: 'cilium-values.yaml', version: '1.15' }),
      'chart-servicemonitor-crds',
    );
    const relay =
      'hubble:\n  relay:\n    prometheus:\n      enabled: true\n      serviceMonitor:\n        enabled: true\n';
    finding(doc(relay, { path: 'cilium-values.yaml', version: '1.19' }), 'chart-servicemonitor-crds');
    // 1.12/1.13: the operator's monitor counts only with the agent's prometheus.enabled.
    const operator = 'operator:\n  prometheus:\n    enabled: true\n    serviceMonitor:\n      enabled: true\n';
    noFinding(
      doc(operator + 'prometheus:\n  enabled: false\n', { path: 'cilium-values.yaml', version: '1.12' }),
      'chart-servicemonitor-crds',
    );
    finding(
      doc(operator + 'prometheus:\n  enabled: true\n', { path: 'cilium-values.yaml', version: '1.12' }),
      'chart-servicemonitor-crds',
    );
    finding(
      doc(operator + 'prometheus:\n  enabled: false\n', { path: 'cilium-values.yaml', version: '1.14' }),
      'chart-servicemonitor-crds',
    );
    const trusted = 'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n    trustCRDsExist: true\n';
    finding(doc(trusted, { path: 'cilium-values.yaml', version: '1.12' }), 'chart-servicemonitor-crds');
    noFinding(doc(trusted, { path: 'cilium-values.yaml', version: '1.13' }), 'chart-servicemonitor-crds');
    assert.equal(
      finding(
        doc(trusted.replace('    trustCRDsExist: true\n', ''), { path: 'cilium-values.yaml', version: '1.16' }),
        'chart-servicemonitor-crds',
      ).severity,
      'warning',
    );
  });

  it('DSR with geneve dispatch needs the geneve protocol even with native routing from 1.15 (not 1.17)', () => {
    const values =
      'kubeProxyReplacement: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: geneve\n';
    finding(doc(values, { version: '1.15' }), 'dsr-geneve-dispatch-needs-geneve');
    finding(doc(values, { version: '1.16' }), 'dsr-geneve-dispatch-needs-geneve');
    noFinding(doc(values, { version: '1.14' }), 'dsr-geneve-dispatch-needs-geneve');
    noFinding(doc(values + 'tunnelProtocol: geneve\n', { version: '1.15' }), 'dsr-geneve-dispatch-needs-geneve');
    const tunnel =
      'kubeProxyReplacement: true\nroutingMode: tunnel\ntunnelProtocol: geneve\nloadBalancer:\n  mode: dsr\n';
    assert.match(
      finding(doc(tunnel, { version: '1.15' }), 'dsr-tunnel-needs-geneve-dispatch').message,
      /Tunnel routing with Node Port "dsr" mode requires geneve dispatch/,
    );
    assert.match(
      finding(doc(tunnel, { version: '1.14' }), 'dsr-tunnel-needs-geneve-dispatch').message,
      /cannot be used with geneve tunneling/,
    );
  });

  it('the 1.12 chart ignores nativeRoutingCIDR: native routing with only that key stops the agent', () => {
    const old = doc('tunnel: disabled\nautoDirectNodeRoutes: true\nnativeRoutingCIDR: 10.0.0.0/8\n', {
      version: '1.12',
    });
    finding(old, 'native-routing-cidr-ipv4');
    assert.equal(old.configMap.get('ipv4-native-routing-cidr'), undefined);
    const current = doc('tunnel: disabled\nautoDirectNodeRoutes: true\nipv4NativeRoutingCIDR: 10.0.0.0/8\n', {
      version: '1.12',
    });
    noFinding(current, 'native-routing-cidr-ipv4');
  });

  it("BBR's kernel 5.18 check exists from 1.12, after the 5.1 bandwidth-manager check", () => {
    const bbr = 'bandwidthManager:\n  enabled: true\n  bbr: true\n';
    for (const version of ['1.12', '1.13']) {
      const f = finding(doc(bbr, { version, kernel: '5.10' }), 'bbr-needs-kernel-5.18');
      assert.match(f.message, /Cannot enable --enable-bbr, needs kernel 5.18 or newer\./);
      noFinding(doc(bbr, { version, kernel: '5.18' }), 'bbr-needs-kernel-5.18');
      noFinding(doc(bbr, { version, kernel: '4.19' }), 'bbr-needs-kernel-5.18'); // bandwidth manager off first
    }
  });

  it("kpr-invalid-value quotes the target version's own message", () => {
    const bad = configMap('  kube-proxy-replacement: "strict"\n');
    assert.match(
      finding(doc(bad, { version: '1.17' }), 'kpr-invalid-value').message,
      /"Invalid value for --kube-proxy-replacement: strict"/,
    );
    const m18 = finding(doc(bad, { version: '1.18' }), 'kpr-invalid-value').message;
    assert.match(m18, /"invalid value for kube-proxy-replacement"/);
    assert.doesNotMatch(m18, /--kube-proxy-replacement: strict/);
    assert.match(finding(doc(bad, { version: '1.19' }), 'kpr-invalid-value').message, /boolean flag/);
    // Case matters on 1.18 (an exact comparison) but not on 1.19 (Go's ParseBool).
    const capital = configMap('  kube-proxy-replacement: "True"\n');
    finding(doc(capital, { version: '1.18' }), 'kpr-invalid-value');
    noFinding(doc(capital, { version: '1.19' }), 'kpr-invalid-value');
  });
});

describe('docs/cilium-rules-corrections.md items 8-11, now encoded', () => {
  it('item 8: up to 1.13 the BPF-masquerade prerequisites look at IPv4 masquerading only', () => {
    const v6only =
      'kubeProxyReplacement: disabled\nenableIPv4Masquerade: false\nenableIPv6Masquerade: true\nipv6:\n  enabled: true\nbpf:\n  masquerade: true\n';
    noFinding(doc(v6only, { version: '1.12' }), 'bpf-masquerade-needs-nodeport');
    noFinding(doc(v6only, { version: '1.13' }), 'bpf-masquerade-needs-nodeport');
    finding(doc(v6only.replace('disabled', 'false'), { version: '1.14' }), 'bpf-masquerade-needs-nodeport');
    finding(
      doc(v6only.replace('enableIPv4Masquerade: false\n', ''), { version: '1.12' }),
      'bpf-masquerade-needs-nodeport',
    );
  });

  it('item 10: 1.12/1.13 switch BPF masquerading off when IPv4 masquerading is off, even with IPv6 masquerading on', () => {
    const v6only =
      'kubeProxyReplacement: strict\nenableIPv4Masquerade: false\nenableIPv6Masquerade: true\nipv6:\n  enabled: true\nbpf:\n  masquerade: true\n';
    for (const version of ['1.12', '1.13']) {
      const d = doc(v6only, { version });
      const f = finding(d, 'bpf-masquerade-without-masquerading');
      assert.equal(f.severity, 'warning');
      assert.match(
        f.message,
        /Auto-disabling "enable-bpf-masquerade" feature since IPv4 masquerading was generally disabled/,
      );
      assert.equal(d.datapath.masquerading.mode, 'IPTables');
    }
    // 1.14 counts IPv6 masquerading: BPF masquerading stays on.
    noFinding(doc(v6only.replace('strict', 'true'), { version: '1.14' }), 'bpf-masquerade-without-masquerading');
    noFinding(
      doc(v6only.replace('enableIPv4Masquerade: false\n', ''), { version: '1.12' }),
      'bpf-masquerade-without-masquerading',
    );
  });

  it('item 9: the tunnel/socket-LB case exists in 1.12 too, with only the bare fallback line', () => {
    const partial = 'kubeProxyReplacement: partial\nnodePort:\n  enabled: true\nbpf:\n  masquerade: true\n';
    const f = finding(doc(partial, { version: '1.12' }), 'bpf-masquerade-needs-socket-lb');
    assert.match(f.message, /" Falling back to iptables-based masquerading\."/);
    noFinding(
      doc(partial + 'tunnel: disabled\nipv4NativeRoutingCIDR: 10.0.0.0/8\n', { version: '1.12' }),
      'bpf-masquerade-needs-socket-lb',
    );
    finding(doc(partial, { version: '1.13' }), 'bpf-masquerade-needs-socket-lb');
  });

  it('item 11: the egress gateway needs BPF masquerading from 1.12', () => {
    for (const version of ['1.12', '1.13']) {
      finding(
        doc('egressGateway:\n  enabled: true\nkubeProxyReplacement: disabled\n', { version }),
        'egress-gateway-needs-bpf-masquerade',
      );
      noFinding(
        doc('egressGateway:\n  enabled: true\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\n', { version }),
        'egress-gateway-needs-bpf-masquerade',
      );
    }
  });
});
