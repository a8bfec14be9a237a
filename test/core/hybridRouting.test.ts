// routing-mode hybrid (1.20 and 1.21-pre): a tunnelling mode to the agent's TunnelingEnabled() (every mode but
// native) that also counts as native routing for RequiresNativeRouting() (pkg/option/config.go@v1.20.0-pre.4
// (7527a668) l.2000-2011, same @v1.21.0-pre.0 (e8649862)).
// - `cilium status` prints Native only for routing-mode native, so hybrid reads "Network: Tunnel [vxlan]"
//   (pkg/status/status_collector.go l.216-229, pkg/client/client.go l.486-493, both commits).
// - auto-direct-node-routes is refused only without native or hybrid routing (daemon/cmd/daemon_main.go
//   @v1.20.0-pre.4 l.1066-1068, @v1.21.0-pre.0 l.1067-1069; up to 1.19 with any tunnelling, @v1.19.1 l.1102).
// - the native-routing CIDR checks ask RequiresNativeRouting() (pkg/option/config.go@v1.20.0-pre.4 l.2987-3028,
//   @v1.21.0-pre.0 l.2981-3022), so hybrid with masquerading needs the CIDR; the chart checks only native
//   (templates/cilium-configmap.yaml@v1.20.0-pre.4 l.561-573).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { packetPath } from '../../server/src/core/datapathDiagram';
import { explainMarkdown } from '../../server/src/core/explain';
import { hoverAt } from '../../server/src/core/hover';
import { splitMessage } from '../../server/src/core/rules/headline';
import { statusLines } from '../../server/src/core/statusPreview';
import { configMapText, doc, finding, noFinding, yaml } from '../helpers';

const helm = (v: string, mode: string, extra = '') =>
  yaml`
    # cilium-version: ${v}
    kubeProxyReplacement: true
    k8sServiceHost: 10.0.0.10
    k8sServicePort: 6443
    bpf:
      masquerade: true
    routingMode: ${mode}
  ` + extra;

describe('routing-mode hybrid (1.20+)', () => {
  it('cilium status reports it as a tunnel, and the explanation says what hybrid adds', () => {
    for (const v of ['1.20', '1.21']) {
      const text = helm(v, 'hybrid', 'ipv4NativeRoutingCIDR: 10.0.0.0/8\n');
      const d = doc(text);
      assert.deepEqual(d.datapath.routing.mode, 'tunnel', v);
      assert.equal(d.datapath.routing.hybrid, true, v);
      const routing = statusLines(d.datapath, d.version).find(([k]) => k === 'Routing');
      assert.deepEqual(routing, ['Routing', 'Network: Tunnel [vxlan]   Host: BPF'], v);
      const md = explainMarkdown(analyze(text));
      assert.match(md, /### Routing: Tunnel \[vxlan\]/);
      assert.match(md, /routing-mode is hybrid: .*`cilium status` reports Tunnel.*subnet-topology/);
      const toNode = packetPath(d, text).exits[0];
      assert.match(toNode?.detail ?? '', /natively within one subnet of subnet-topology/);
      const at = text.indexOf('routingMode') + 1;
      assert.match(hoverAt(analyze(text), text, at)?.markdown ?? '', /routing-mode is hybrid/);
    }
  });

  it('plain tunnel and native routing get no hybrid note', () => {
    for (const mode of ['tunnel', 'native']) {
      const text = helm('1.20', mode, 'ipv4NativeRoutingCIDR: 10.0.0.0/8\n');
      assert.equal(doc(text).datapath.routing.hybrid, false, mode);
      assert.doesNotMatch(explainMarkdown(analyze(text)), /routing-mode is hybrid/, mode);
    }
  });

  it('autoDirectNodeRoutes works with hybrid routing; plain tunnelling is refused with the 1.20 words', () => {
    const adr = 'ipv4NativeRoutingCIDR: 10.0.0.0/8\nautoDirectNodeRoutes: true\n';
    for (const v of ['1.20', '1.21']) {
      noFinding(doc(helm(v, 'hybrid', adr)), 'auto-direct-node-routes-tunnel');
      const f = finding(doc(helm(v, 'tunnel', adr)), 'auto-direct-node-routes-tunnel');
      assert.match(f.message, /auto-direct-node-routes requires native or hybrid routing mode\./);
      assert.match(f.message, /native routing or hybrid routing/);
      assert.match(splitMessage(f).headline, /^autoDirectNodeRoutes needs native or hybrid routing/);
    }
    const f19 = finding(doc(helm('1.19', 'tunnel', adr)), 'auto-direct-node-routes-tunnel');
    assert.match(f19.message, /auto-direct-node-routes cannot be used with tunneling\./);
    assert.doesNotMatch(f19.message, /hybrid/);
    assert.match(splitMessage(f19).headline, /^autoDirectNodeRoutes needs native routing/);
  });

  it('hybrid routing with masquerading needs the native-routing CIDR of each masqueraded family', () => {
    const d = doc(helm('1.20', 'hybrid'));
    const f = finding(d, 'native-routing-cidr-ipv4');
    assert.match(f.message, /^Hybrid routing with IPv4 masquerading needs ipv4NativeRoutingCIDR/);
    assert.match(splitMessage(f).headline, /^Hybrid routing with IPv4 masquerading/);
    assert.equal(d.datapath.agentStarts, false);
    // The chart checks native routing only, so nothing stops the install.
    assert.equal(d.datapath.installSucceeds, true);
    noFinding(doc(helm('1.20', 'tunnel')), 'native-routing-cidr-ipv4');
    noFinding(doc(helm('1.21', 'hybrid', 'ipv4NativeRoutingCIDR: 10.0.0.0/8\n')), 'native-routing-cidr-ipv4');
    // IPv6 too (a ConfigMap: the agent's own defaults turn IPv6 and its masquerading on).
    const cm = (mode: string) =>
      doc(configMapText('1.21', { 'routing-mode': mode, 'ipv4-native-routing-cidr': '10.0.0.0/8' }));
    const f6 = finding(cm('hybrid'), 'native-routing-cidr-ipv6');
    assert.match(f6.message, /^Hybrid routing with IPv6 masquerading needs ipv6-native-routing-cidr/);
    assert.match(splitMessage(f6).headline, /^Hybrid routing with IPv6/);
    const native6 = finding(cm('native'), 'native-routing-cidr-ipv6');
    assert.match(native6.message, /^Native routing with IPv6/);
    assert.match(splitMessage(native6).headline, /^Native routing with IPv6/);
    noFinding(cm('tunnel'), 'native-routing-cidr-ipv6');
  });

  it('before 1.20 the word is refused, and no hybrid semantics apply', () => {
    const d = doc(configMapText('1.19', { 'routing-mode': 'hybrid', 'auto-direct-node-routes': 'true' }));
    finding(d, 'routing-mode-invalid');
    assert.equal(d.datapath.routing.hybrid, false);
    noFinding(d, 'native-routing-cidr-ipv4');
  });
});
