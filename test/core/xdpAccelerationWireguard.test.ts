// XDP acceleration with WireGuard node encryption: the agent starts, but warns that north-south service traffic
// its XDP program forwards to a backend on another node is not encrypted. The check runs with BPF NodePort on
// (daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.177-184 inside `if EnableNodePort` l.98, @v1.18.7 l.96-104
// inside l.51; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.114-123 inside `if KubeProxyReplacement`
// l.69) and is absent from 1.12.19 and 1.13.18.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configMapText, doc, finding, noFinding } from '../helpers';

const RULE = 'xdp-acceleration-not-encrypted';
const LOG = (mode: string) =>
  `With node-port-acceleration: ${mode} and enable-wireguard, encrypt-node enabled, N/S Loadbalancer traffic won't be encrypted when an intermediate node redirects a request to another node where a selected backend is running.`;

const values = (v: string, o: { acceleration?: string; type?: string; nodeEncryption?: boolean; kpr?: string } = {}) =>
  `# cilium-version: ${v}\nkubeProxyReplacement: ${o.kpr ?? (v === '1.12' || v === '1.13' ? 'strict' : 'true')}\n` +
  `k8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  acceleration: ${o.acceleration ?? 'native'}\n` +
  `encryption:\n  enabled: true\n  type: ${o.type ?? 'wireguard'}\n  nodeEncryption: ${o.nodeEncryption ?? true}\n`;

describe('XDP acceleration with WireGuard node encryption', () => {
  it('warns from 1.14 on, quoting the line the agent logs with the mode set, and the agent starts', () => {
    for (const v of ['1.14', '1.15', '1.16', '1.17', '1.18', '1.19', '1.20', '1.21']) {
      for (const mode of v === '1.14' ? ['native', 'testing-only'] : ['native', 'best-effort']) {
        const d = doc(values(v, { acceleration: mode }));
        const f = finding(d, RULE);
        assert.equal(f.severity, 'warning', v);
        assert.ok(f.message.includes(LOG(mode)), `${v} ${mode}: ${f.message}`);
        assert.equal(f.key, 'loadBalancer.acceleration', v);
        assert.equal(d.datapath.agentStarts, true, v);
      }
    }
  });

  it('needs all four: NodePort, an acceleration mode, WireGuard and node encryption; not in 1.12 or 1.13', () => {
    noFinding(doc(values('1.13')), RULE);
    noFinding(doc(values('1.12')), RULE);
    noFinding(doc(values('1.16', { acceleration: 'disabled' })), RULE);
    noFinding(doc(values('1.16', { nodeEncryption: false })), RULE);
    noFinding(doc(values('1.16', { type: 'ipsec' })), RULE);
    // No kube-proxy replacement: no BPF NodePort, so the block that warns does not run.
    noFinding(doc(values('1.19', { kpr: 'false' })), RULE);
  });

  it('1.16 with kube-proxy replacement off but NodePort switched on warns too (the check sits under EnableNodePort)', () => {
    const data = {
      'kube-proxy-replacement': 'false',
      'enable-node-port': 'true',
      'bpf-lb-acceleration': 'native',
      'enable-wireguard': 'true',
      'encrypt-node': 'true',
    };
    const f = finding(doc(configMapText('1.16', data)), RULE);
    // In a ConfigMap the advice names the agent option.
    assert.match(f.message, /Set bpf-lb-acceleration: "disabled" to encrypt it/);
    noFinding(doc(configMapText('1.16', { ...data, 'enable-node-port': 'false' })), RULE);
  });

  it('the quick-fix turns acceleration off, and nothing else', () => {
    const f = finding(doc(values('1.16')), RULE);
    const fix = f.fixes?.[0];
    assert.ok(fix, 'a fix is offered');
    assert.match(fix.title, /loadBalancer\.acceleration: disabled/);
    assert.deepEqual(
      fix.edits.map((e) => e.newText.trim()),
      ['disabled'],
    );
  });
});
