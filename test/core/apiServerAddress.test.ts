// Kube-proxy replacement and the API server address (issue 8, corpus 038). What Cilium's source proves: the chart
// sets KUBERNETES_SERVICE_HOST only from k8sServiceHost (or k8sServiceHostRef from 1.18) and never fails on an
// empty one; the agent then uses the in-cluster Service address, which only works while kube-proxy serves it.
// So: information, never "refuses". From 1.19 `k8sServiceHost: auto` makes the chart look the address up in the
// cluster, and stop when the ConfigMap is missing: a warning, since that depends on the cluster.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, noFinding } from '../helpers';

const RULE = 'kpr-api-server-via-service';

describe('kube-proxy replacement with an empty k8sServiceHost', () => {
  it('is information on the kubeProxyReplacement key, naming the ways to give the address for that version', () => {
    const text = 'kubeProxyReplacement: true\nk8sServiceHost: ""\n';
    const f19 = finding(doc(text, { version: '1.19' }), RULE);
    assert.equal(f19.severity, 'info');
    assert.equal(text.slice(f19.range.start, f19.range.end), 'kubeProxyReplacement');
    assert.doesNotMatch(f19.message, /refuse/i);
    assert.match(f19.message, /k8sServiceHost: auto/);
    assert.match(f19.message, /k8sServiceHostRef/);
    const f15 = finding(doc(text, { version: '1.15' }), RULE);
    assert.doesNotMatch(f15.message, /auto|k8sServiceHostRef/, '`auto` is 1.16+, k8sServiceHostRef 1.18+');
    // The agent still starts and the chart still installs: nothing in the source stops them.
    const d = doc(text, { version: '1.19' });
    assert.equal(d.datapath.agentStarts, true);
    assert.equal(d.datapath.installSucceeds, true);
  });

  it('1.12: strict is full replacement (info); partial leaves kube-proxy in charge (nothing)', () => {
    finding(doc('kubeProxyReplacement: strict\n', { version: '1.12' }), RULE);
    noFinding(doc('kubeProxyReplacement: partial\n', { version: '1.12' }), RULE);
  });

  it('nothing when the address is given some way, unknown, or kube-proxy replacement is off', () => {
    const cases: [string, string][] = [
      ['kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.10\nk8sServicePort: 6443\n', '1.19'],
      ['kubeProxyReplacement: true\nk8sServiceHost: ${API_HOST}\n', '1.19'],
      ['kubeProxyReplacement: true\nk8sServiceHostRef:\n  name: api\n  key: host\n', '1.18'],
      ['kubeProxyReplacement: true\nextraEnv:\n  - name: KUBERNETES_SERVICE_HOST\n    value: 10.0.0.10\n', '1.19'],
      ['kubeProxyReplacement: true\nextraConfig:\n  k8s-api-server: https://10.0.0.10:6443\n', '1.19'],
      ['kubeProxyReplacement: false\n', '1.19'],
      ['kubeProxyReplacement: true\nk8sServiceHost: auto\n', '1.17'],
    ];
    for (const [text, version] of cases) noFinding(doc(text, { version }), RULE);
  });
});

describe('k8sServiceHost: auto', () => {
  it('1.19+: the chart looks the address up in the cluster; the offline render stops, said as a warning (never "refuses")', () => {
    const text = 'kubeProxyReplacement: true\nk8sServiceHost: auto\nk8sServicePort: 6443\n';
    for (const version of ['1.19', '1.20']) {
      const d = doc(text, { version });
      const f = finding(d, 'chart-k8s-service-host-auto-lookup');
      assert.equal(f.severity, 'warning');
      assert.doesNotMatch(f.message, /refuses/);
      assert.match(f.message, /helm template/);
      noFinding(d, 'chart-fail');
      assert.equal(d.datapath.installSucceeds, true);
    }
  });

  it('1.16-1.18: no lookup failure in the chart, so no chart finding', () => {
    for (const version of ['1.16', '1.18']) {
      const d = doc('kubeProxyReplacement: true\nk8sServiceHost: auto\n', { version });
      noFinding(d, 'chart-k8s-service-host-auto-lookup');
      noFinding(d, 'chart-fail');
    }
  });
});
