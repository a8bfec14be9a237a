// What the chart's configmap template writes on its own, per version, and the agent defaults behind absent
// ConfigMap keys. Each case is a fact checked in Cilium's chart or agent source (cited in the model code).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, noFinding } from '../helpers';

const values = (version: string, body: string) => `# cilium-version: ${version}\n${body}\n`;
const rendered = (version: string, body: string, key: string) => doc(values(version, body)).configMap.get(key)?.value;

describe('chart rendering and agent defaults', () => {
  it('CNI chaining makes the chart write legacy host routing from 1.13, not in 1.12', () => {
    const body = 'kubeProxyReplacement: strict\nbpf:\n  masquerade: true\ncni:\n  chainingMode: aws-cni';
    assert.equal(rendered('1.13', body, 'enable-host-legacy-routing'), 'true');
    finding(doc(values('1.13', body)), 'host-routing-cni-chaining');
    assert.equal(rendered('1.12', body, 'enable-host-legacy-routing'), undefined);
    noFinding(doc(values('1.12', body)), 'host-routing-cni-chaining');
  });

  it('eni, azure, alibabacloud and gke force endpoint routes in every version, 1.12 included', () => {
    for (const v of ['1.12', '1.13', '1.16', '1.20']) {
      for (const key of ['eni', 'azure', 'alibabacloud', 'gke']) {
        assert.equal(rendered(v, `${key}:\n  enabled: true`, 'enable-endpoint-routes'), 'true', `${v} ${key}`);
      }
    }
  });

  it('nodePort.enabled reaches the agent only with the KPR values whose template writes it', () => {
    const np = (v: string, kpr: string) =>
      rendered(v, `kubeProxyReplacement: ${kpr}\nnodePort:\n  enabled: true`, 'enable-node-port');
    assert.equal(np('1.13', 'partial'), 'true');
    assert.equal(np('1.13', 'strict'), undefined);
    assert.equal(np('1.13', 'disabled'), undefined);
    assert.equal(np('1.15', 'false'), 'true');
    assert.equal(np('1.15', 'partial'), 'true');
    assert.equal(np('1.17', 'partial'), undefined);
    assert.equal(np('1.17', 'false'), 'true');
    assert.equal(np('1.18', 'false'), 'true');
    assert.equal(np('1.19', 'false'), undefined);
  });

  it('hostPort stops at 1.17 and externalIPs at 1.16', () => {
    assert.equal(
      rendered('1.16', 'kubeProxyReplacement: false\nexternalIPs:\n  enabled: true', 'enable-external-ips'),
      'true',
    );
    assert.equal(
      rendered('1.17', 'kubeProxyReplacement: false\nexternalIPs:\n  enabled: true', 'enable-external-ips'),
      undefined,
    );
    assert.equal(
      rendered('1.17', 'kubeProxyReplacement: false\nhostPort:\n  enabled: true', 'enable-host-port'),
      'true',
    );
    assert.equal(
      rendered('1.18', 'kubeProxyReplacement: false\nhostPort:\n  enabled: true', 'enable-host-port'),
      undefined,
    );
  });

  it('an absent kube-proxy-replacement ConfigMap key means partial up to 1.13 and false from 1.14', () => {
    const cm = (v: string) =>
      `# cilium-version: ${v}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  enable-ipv4: "true"\n`;
    assert.equal(doc(cm('1.12')).agent.kpr.mode, 'partial');
    assert.equal(doc(cm('1.13')).agent.kpr.mode, 'partial');
    assert.equal(doc(cm('1.14')).agent.kpr.mode, 'false');
  });

  it('IPsec: the fallback message only from 1.16 (up to 1.15 NodePort with IPsec stops the agent first)', () => {
    const ipsec = (v: string, kpr: string) =>
      doc(
        values(
          v,
          `kubeProxyReplacement: ${kpr}\nbpf:\n  masquerade: true\nencryption:\n  enabled: true\n  type: ipsec`,
        ),
      );
    const d15 = ipsec('1.15', 'true');
    noFinding(d15, 'host-routing-ipsec');
    finding(d15, 'ipsec-with-nodeport');
    assert.equal(d15.datapath.agentStarts, false);
    const d16 = ipsec('1.16', 'true');
    finding(d16, 'host-routing-ipsec');
    assert.equal(d16.datapath.hostRouting.status, 'Legacy');
    noFinding(ipsec('1.19', 'true'), 'host-routing-ipsec');
  });
});

describe('kube-proxy replacement reasons', () => {
  it('KPR off is one finding (the silent one), not two on the same key', () => {
    const d = doc(values('1.16', 'kubeProxyReplacement: false\nbpf:\n  masquerade: true'));
    finding(d, 'host-routing-kpr-off');
    noFinding(d, 'host-routing-needs-kpr');
  });

  it('partial KPR with NodePort on reaches the switch, which logs the KPR case (1.13)', () => {
    const d = doc(
      values('1.13', 'kubeProxyReplacement: partial\nnodePort:\n  enabled: true\nbpf:\n  masquerade: true'),
    );
    noFinding(d, 'host-routing-kpr-off');
    const f = finding(d, 'host-routing-needs-kpr');
    assert.match(f.message, /kubeProxyReplacement: strict/);
    assert.equal(d.datapath.hostRouting.reasons.find((r) => r.id === 'host-routing-needs-kpr')?.logged, true);
  });
});

describe('egress gateway option name', () => {
  it('is enable-ipv4-egress-gateway up to 1.17 and enable-egress-gateway from 1.18', () => {
    const body = 'egressGateway:\n  enabled: true';
    assert.equal(rendered('1.14', body, 'enable-ipv4-egress-gateway'), 'true');
    assert.equal(rendered('1.17', body, 'enable-egress-gateway'), undefined);
    assert.equal(rendered('1.18', body, 'enable-egress-gateway'), 'true');
    const cm = (v: string, key: string) =>
      doc(
        `# cilium-version: ${v}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  ${key}: "true"\n`,
      ).agent.egressGateway.on;
    assert.equal(cm('1.16', 'enable-ipv4-egress-gateway'), true);
    assert.equal(cm('1.16', 'enable-egress-gateway'), false);
    assert.equal(cm('1.18', 'enable-ipv4-egress-gateway'), true);
    assert.equal(cm('1.19', 'enable-ipv4-egress-gateway'), false);
    assert.equal(cm('1.19', 'enable-egress-gateway'), true);
  });

  it('the egress gateway needs BPF masquerading on 1.14 too, read from the 1.14 option name', () => {
    const d = doc(values('1.14', 'kubeProxyReplacement: "true"\negressGateway:\n  enabled: true'));
    finding(d, 'egress-gateway-needs-bpf-masquerade');
  });
});
