// Direct server return (loadBalancer.mode dsr or hybrid) in a tunnel, release by release, as the agent decides it
// (daemon/cmd/kube_proxy_replacement.go, pkg/kpr/initializer/kube_proxy_replacement.go):
// - 1.12 logs a warning and falls back to SNAT (@v1.12.19 l.334-341): the agent starts;
// - 1.13 refuses any tunnel (@v1.13.18 l.192-196);
// - from 1.14 VXLAN is refused, and Geneve needs Geneve dispatch (@v1.14.19 l.215-233, @v1.15.19 l.217-233);
// and the texts we quote name the mode (and dispatch) the agent really has, not always "dsr".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, noFinding, rules } from '../helpers';

const values = (v: string, mode: string, tunnel: string, extra = '') =>
  `# cilium-version: ${v}\nkubeProxyReplacement: ${v === '1.12' || v === '1.13' ? 'strict' : 'true'}\n` +
  `k8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  mode: ${mode}\n${extra}` +
  (v === '1.12' || v === '1.13' ? `tunnel: ${tunnel}\n` : `routingMode: tunnel\ntunnelProtocol: ${tunnel}\n`);

const DSR_RULES = [
  'dsr-off-in-tunnel',
  'dsr-with-tunnel',
  'dsr-with-vxlan',
  'dsr-tunnel-needs-geneve-dispatch',
  'dsr-geneve-dispatch-needs-geneve',
];
const dsrRules = (text: string) => rules(doc(text)).filter((r) => DSR_RULES.includes(r));

describe('direct server return in a tunnel, per release', () => {
  it('1.12 turns DSR off and starts: a warning that quotes the log line, not an agent stop', () => {
    const d = doc(values('1.12', 'hybrid', 'vxlan'));
    const f = finding(d, 'dsr-off-in-tunnel');
    assert.equal(f.severity, 'warning');
    assert.equal(d.datapath.agentStarts, true);
    assert.match(f.message, /Disabling NodePort's "hybrid" mode feature due to tunneling mode being enabled/);
    assert.deepEqual(dsrRules(values('1.12', 'dsr', 'geneve')), ['dsr-off-in-tunnel']);
    assert.deepEqual(dsrRules(values('1.12', 'snat', 'vxlan')), []);
  });

  it('1.13 refuses DSR in any tunnel with its own words, and offers no Geneve dispatch it does not have', () => {
    for (const tunnel of ['vxlan', 'geneve']) {
      const d = doc(values('1.13', 'dsr', tunnel));
      assert.deepEqual(dsrRules(values('1.13', 'dsr', tunnel)), ['dsr-with-tunnel'], tunnel);
      assert.equal(d.datapath.agentStarts, false);
      assert.match(finding(d, 'dsr-with-tunnel').message, /"Node Port "dsr" mode cannot be used with tunneling\."/);
      assert.equal(finding(d, 'dsr-with-tunnel').fixes?.length ?? 0, 0, 'no fix offered');
    }
    noFinding(doc(values('1.13', 'snat', 'geneve')), 'dsr-with-tunnel');
  });

  it('from 1.14: VXLAN refused, Geneve needs Geneve dispatch', () => {
    for (const v of ['1.14', '1.16', '1.19']) {
      assert.deepEqual(dsrRules(values(v, 'dsr', 'vxlan')), ['dsr-with-vxlan'], v);
      assert.deepEqual(dsrRules(values(v, 'dsr', 'geneve')), ['dsr-tunnel-needs-geneve-dispatch'], v);
      assert.deepEqual(dsrRules(values(v, 'dsr', 'geneve', '  dsrDispatch: geneve\n')), [], v);
    }
  });

  it('quotes the mode and dispatch the agent has', () => {
    const m14 = finding(
      doc(values('1.14', 'hybrid', 'geneve', '  dsrDispatch: ipip\n')),
      'dsr-tunnel-needs-geneve-dispatch',
    );
    assert.match(m14.message, /"Node Port "hybrid" mode with ipip dispatch cannot be used with geneve tunneling\."/);
    const m16 = finding(doc(values('1.16', 'hybrid', 'geneve')), 'dsr-tunnel-needs-geneve-dispatch');
    assert.match(m16.message, /"Tunnel routing with Node Port "hybrid" mode requires geneve dispatch\."/);

    const native = (v: string) =>
      `# cilium-version: ${v}\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n` +
      'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\ntunnelProtocol: vxlan\n' +
      'loadBalancer:\n  mode: hybrid\n  dsrDispatch: geneve\n';
    const quoted = (v: string) => finding(doc(native(v)), 'dsr-geneve-dispatch-needs-geneve').message;
    assert.match(quoted('1.16'), /"Node Port "hybrid" mode with geneve dispatch requires geneve tunnel protocol\."/);
    assert.match(quoted('1.18'), /"Node Port "hybrid" mode with "geneve" dispatch requires geneve tunnel protocol\."/);
    assert.match(quoted('1.20'), /"Node Port "hybrid" mode with "geneve" dispatch requires geneve tunnel protocol\."/);
  });
});
