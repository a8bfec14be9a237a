// Rule messages are templates in Helm words (server/src/core/rules/wording.ts); in a cilium-config ConfigMap the
// Helm keys they name are spelled as the agent options the chart writes from them (keyDocs.json's mapping).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { RULES } from '../../server/src/core/rules/defs/index';
import { configMapKeyOf, keysIn, renderMessage } from '../../server/src/core/rules/wording';

const CM = (data: string, version: string) =>
  `# cilium-version: ${version}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;

function messageOf(text: string, rule: string): string {
  const f = analyze(text)
    .documents.flatMap((d) => d.findings)
    .find((x) => x.rule === rule);
  assert.ok(f, `no ${rule} finding`);
  return f.message;
}

describe('rule wording', () => {
  it('renders parameters, keys and settings in either spelling', () => {
    const t =
      'Cilium {version}: set {set:bpf.masquerade=true} and {set:kubeProxyReplacement={mode}}, not {key:bpf.hostLegacyRouting}.';
    const params = { version: '1.16', mode: 'true' };
    assert.equal(
      renderMessage(t, params, 'helm'),
      'Cilium 1.16: set bpf.masquerade: true and kubeProxyReplacement: true, not bpf.hostLegacyRouting.',
    );
    assert.equal(
      renderMessage(t, params, 'configmap'),
      'Cilium 1.16: set enable-bpf-masquerade: "true" and kube-proxy-replacement: "true", not enable-host-legacy-routing.',
    );
  });

  it('a parameter value is never read as a template', () => {
    assert.equal(
      renderMessage('it is {kpr}', { kpr: '{key:bpf.masquerade}' }, 'configmap'),
      'it is {key:bpf.masquerade}',
    );
  });

  it('every Helm key a rule message names has one cilium-config spelling', () => {
    const keys = RULES.flatMap((r) => Object.values(r.messages ?? {}).flatMap(keysIn));
    assert.ok(keys.length > 0);
    assert.deepEqual(
      keys.filter((k) => !configMapKeyOf(k)),
      [],
    );
  });

  it('a ConfigMap finding names the agent options, a values finding the Helm keys', () => {
    const cm = messageOf(CM('  kube-proxy-replacement: "true"\n', '1.16'), 'host-routing-iptables-masquerade');
    assert.match(cm, /Set enable-bpf-masquerade: "true" \(it needs kube-proxy replacement\)/);
    const helm = messageOf(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nipam:\n  mode: kubernetes\n',
      'host-routing-iptables-masquerade',
    );
    assert.match(helm, /Set bpf\.masquerade: true \(it needs kube-proxy replacement\)/);
    const off = messageOf(CM('  kube-proxy-replacement: "false"\n', '1.16'), 'host-routing-kpr-off');
    assert.match(off, /needs kube-proxy-replacement: "true"\./);
    const routes = messageOf(
      CM('  kube-proxy-replacement: "strict"\n  enable-endpoint-routes: "true"\n', '1.13'),
      'host-routing-endpoint-routes',
    );
    assert.match(routes, /Per-endpoint routes \(enable-endpoint-routes\) make Cilium 1\.13/);
  });

  it('the agent exits that name Helm keys are spelled for a ConfigMap too', () => {
    const cidr = messageOf(
      CM('  routing-mode: native\n  enable-ipv4-masquerade: "true"\n', '1.16'),
      'native-routing-cidr-ipv4',
    );
    assert.match(cidr, /needs ipv4-native-routing-cidr \(the pod network/);
    const agent = messageOf(CM('  enable-ip-masq-agent: "true"\n', '1.16'), 'ip-masq-agent-needs-bpf-masquerade');
    assert.match(agent, /masquerading on and enable-bpf-masquerade: "true", otherwise/);
  });
});
