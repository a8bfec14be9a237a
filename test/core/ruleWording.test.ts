// Rule messages are templates in Helm words (server/src/core/rules/wording.ts); in a cilium-config ConfigMap the
// Helm keys they name are spelled as the agent options the chart writes from them (keyDocs.json's mapping).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { RULES } from '../../server/src/core/rules/defs/index';
import { configMapKeyOf, keysIn, renderMessage } from '../../server/src/core/rules/wording';
import { keyDocs } from '../../server/src/core/knowledge/keyDocs';
import { splitMessage } from '../../server/src/core/rules/headline';
import { renderedConfigText } from '../../server/src/core/renderedConfig';
import { inRange, SUPPORTED_VERSIONS } from '../../server/src/core/version';

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

  // Every rule's bad example, as the cilium-config ConfigMap the chart renders from it (or as written when it is
  // one), analysed in every version the rule covers: neither the message nor the headline the editor shows may
  // name a Helm key whose cilium-config spelling differs. The agent's and Helm's own quoted words are left out.
  it('no ConfigMap finding names a Helm key, in its message or its headline', () => {
    const helmOnly = Object.entries(keyDocs().helm)
      .filter(([k, d]) => d.configMap?.length && !d.configMap.includes(k))
      .map(([k]) => k.replace(/\./g, '\\.'));
    const helmWord = new RegExp(`(?<![\\w.-])(${helmOnly.join('|')})(?![\\w-])`);
    const ours = (text: string) =>
      text.split(/ (?:Agent log|Agent log if it were first|The agent exits with|helm fails with|Cilium says): "/)[0];
    const wrong = new Set<string>();
    const rulesSeen = new Set<string>();
    for (const r of RULES) {
      for (const ex of r.examples) {
        for (const v of SUPPORTED_VERSIONS.filter((x) => inRange(x, r.since, r.until))) {
          let text = ex.bad;
          if (!/^kind: ConfigMap$/m.test(text)) {
            const rendered = renderedConfigText(analyze(text, { version: v, kernel: ex.kernel }).documents, text);
            if (!rendered) continue;
            text = rendered;
          }
          for (const f of analyze(text, { version: v, kernel: ex.kernel }).documents.flatMap((d) => d.findings)) {
            rulesSeen.add(f.rule);
            for (const [part, words] of [
              ['message', f.message],
              ['headline', splitMessage(f).headline],
            ]) {
              const m = helmWord.exec(ours(words));
              if (m) wrong.add(`${f.rule} (${v}) ${part} names ${m[1]}: ${words}`);
            }
          }
        }
      }
    }
    // The scan reaches the rules that used to name Helm keys in a ConfigMap.
    for (const id of [
      'host-routing-iptables-masquerade',
      'auto-direct-node-routes-tunnel',
      'native-routing-cidr-ipv4',
      'l7-proxy-needs-iptables',
      'dsr-with-vxlan',
      'kpr-invalid-value',
    ])
      assert.ok(rulesSeen.has(id), `no ${id} finding in the scan`);
    assert.deepEqual([...wrong], []);
  });

  it("the kube-proxy replacement headline gives the version's own words, in the document's spelling", () => {
    const headline = (text: string) => {
      const f = analyze(text)
        .documents.flatMap((d) => d.findings)
        .find((x) => x.rule === 'kpr-invalid-value');
      assert.ok(f, 'no kpr-invalid-value finding');
      return splitMessage(f).headline;
    };
    // 1.12 knows only the four words (daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.45-55): "true" is refused.
    assert.equal(
      headline(CM('  kube-proxy-replacement: "true"\n', '1.12')),
      'kube-proxy-replacement accepts disabled, partial, strict or probe here; with "true" the agent will not start.',
    );
    // From 1.19 the option is a boolean (pkg/kpr/kpr.go@v1.19.1 l.19-30).
    assert.equal(
      headline(CM('  kube-proxy-replacement: "strict"\n', '1.19')),
      'kube-proxy-replacement accepts true or false here; with "strict" the agent will not start.',
    );
  });
});
