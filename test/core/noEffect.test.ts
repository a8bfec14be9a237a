// Settings that do nothing because another setting turns off what they belong to (information level).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, noFinding } from '../helpers';

describe('settings without effect', () => {
  it('loadBalancer.mode: dsr with kube-proxy replacement off is an info that says why', () => {
    const f = finding(
      doc('kubeProxyReplacement: false\nloadBalancer:\n  mode: dsr\n', { version: '1.16' }),
      'lb-mode-without-kpr',
    );
    assert.equal(f.severity, 'info');
    assert.match(f.message, /has no effect/);
    assert.match(f.message, /kubeProxyReplacement: "false"/);
  });

  it('nothing when BPF NodePort is on (full KPR, or the separate nodePort switch up to 1.18), or the mode is snat', () => {
    noFinding(
      doc(
        'kubeProxyReplacement: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n',
        { version: '1.16' },
      ),
      'lb-mode-without-kpr',
    );
    noFinding(
      doc(
        'kubeProxyReplacement: false\nnodePort:\n  enabled: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n',
        { version: '1.16' },
      ),
      'lb-mode-without-kpr',
    );
    noFinding(
      doc('kubeProxyReplacement: false\nloadBalancer:\n  mode: snat\n', { version: '1.16' }),
      'lb-mode-without-kpr',
    );
  });

  it('an invalid kube-proxy replacement value is reported on its own, not as "DSR has no effect"', () => {
    const d = doc('kubeProxyReplacement: strict\nloadBalancer:\n  mode: dsr\n', { version: '1.18' });
    finding(d, 'chart-kpr-invalid');
    noFinding(d, 'lb-mode-without-kpr');
  });

  it('the same in a ConfigMap, in agent option spelling', () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: "false"\n  bpf-lb-mode: "hybrid"\n';
    assert.match(
      finding(doc(cm, { version: '1.19' }), 'lb-mode-without-kpr').message,
      /^bpf-lb-mode: hybrid has no effect.*kube-proxy-replacement: "false"/,
    );
  });
});
