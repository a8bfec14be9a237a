import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, noFinding, yaml } from '../helpers';

describe('chart fail checks', () => {
  it('kubeProxyReplacement: strict is refused by the chart from 1.16, accepted (deprecated) on 1.15', () => {
    const text = (v: string) => `# cilium-version: ${v}\nkubeProxyReplacement: strict\n`;
    const d16 = doc(text('1.16'));
    assert.equal(d16.datapath.installSucceeds, false);
    assert.match(finding(d16, 'chart-kpr-invalid').message, /valid value \(true or false\)/);
    const d15 = doc(text('1.15'));
    noFinding(d15, 'chart-kpr-invalid');
    finding(d15, 'kpr-deprecated-value');
  });

  it('tunnel is refused from 1.15 and the message names the replacement', () => {
    const d = doc('# cilium-version: 1.15\ntunnel: disabled\n');
    const f = finding(d, 'chart-tunnel-removed');
    assert.match(f.message, /routingMode: native/);
    noFinding(doc('# cilium-version: 1.14\ntunnel: disabled\n'), 'chart-tunnel-removed');
  });

  it('1.14 still translates tunnel: disabled into native routing', () => {
    const d = doc(
      '# cilium-version: 1.14\nkubeProxyReplacement: true\ntunnel: disabled\nipv4NativeRoutingCIDR: 10.0.0.0/8\n',
    );
    assert.equal(d.datapath.routing.mode, 'native');
  });

  it('native routing without ipv4NativeRoutingCIDR fails the chart from 1.18', () => {
    const text = (v: string) => yaml`
      # cilium-version: ${v}
      kubeProxyReplacement: true
      routingMode: native
      enableIPv4Masquerade: true
    `;
    assert.equal(doc(text('1.18')).datapath.installSucceeds, false);
    finding(doc(text('1.18')), 'chart-native-routing-cidr-ipv4');
    noFinding(doc(text('1.17')), 'chart-native-routing-cidr-ipv4');
  });

  it('gke.enabled needs native routing', () => {
    finding(doc('# cilium-version: 1.16\ngke:\n  enabled: true\nroutingMode: tunnel\n'), 'chart-gke-needs-native');
  });

  it('Hubble Relay needs Hubble', () => {
    finding(
      doc('# cilium-version: 1.16\nhubble:\n  enabled: false\n  relay:\n    enabled: true\n'),
      'chart-hubble-relay-needs-hubble',
    );
    noFinding(doc('# cilium-version: 1.16\nhubble:\n  relay:\n    enabled: true\n'), 'chart-hubble-relay-needs-hubble');
  });

  it('Hubble UI needs Hubble Relay', () => {
    finding(doc('# cilium-version: 1.16\nhubble:\n  ui:\n    enabled: true\n'), 'chart-hubble-ui-needs-relay');
  });

  it('removed values make the chart fail', () => {
    finding(doc('# cilium-version: 1.16\nremoteNodeIdentity: true\n'), 'chart-remote-node-identity-removed');
    finding(doc('# cilium-version: 1.15\nenableK8sEventHandover: true\n'), 'chart-event-handover-removed');
    noFinding(doc('# cilium-version: 1.14\nenableK8sEventHandover: true\n'), 'chart-event-handover-removed');
  });
});
