// Completion: keys valid at the cursor for the target version (from the indentation of half-typed lines),
// enum values per version, ConfigMap keys and quoted values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { completeAt, type CompletionEntry } from '../../server/src/core/completion';
import { yaml } from '../helpers';
import { SUPPORTED_SPAN } from '../../server/src/core/version';

/** The supported span as the product words it ("1.12 to 1.21"), for a pattern: derived, so a new minor needs no edit here. */
const SPAN = SUPPORTED_SPAN.replace(/\./g, '\\.');

function complete(text: string, cursor = text.length): CompletionEntry[] {
  return completeAt(analyze(text), text, cursor);
}
const labels = (text: string, cursor?: number) => complete(text, cursor).map((c) => c.label);

describe('key completion', () => {
  it('completes bpf: children on a half-typed line, replacing what was typed, without keys already there', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  preallocateMaps: true\n  ma';
    const items = complete(text);
    const masq = items.find((c) => c.label === 'masquerade');
    assert.ok(masq, items.map((c) => c.label).join(','));
    assert.equal(masq.kind, 'key');
    assert.equal(masq.insertText, 'masquerade: ');
    assert.deepEqual(masq.replaceRange, { start: text.length - 2, end: text.length });
    assert.match(masq.documentation ?? '', /Does masquerading in eBPF/);
    const l = items.map((c) => c.label);
    assert.ok(!l.includes('preallocateMaps'));
    assert.ok(!l.includes('kubeProxyReplacement'), 'top-level keys do not belong under bpf');
  });

  it('completes on an empty indented line, and leaves out keys written below the cursor too', () => {
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  \n  masquerade: true\nipv4:\n  enabled: true\n';
    const cursor = text.indexOf('bpf:\n  ') + 'bpf:\n  '.length;
    const l = labels(text, cursor);
    assert.ok(l.includes('hostLegacyRouting'));
    assert.ok(!l.includes('masquerade'));
    assert.equal(new Set(l).size, l.length, 'no duplicates');
  });

  it('inserts a nested mapping with the next indentation level', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n    ';
    const auto = complete(text).find((c) => c.label === 'autoMount');
    assert.equal(auto?.insertText, 'autoMount:\n        ');
    const top = complete('# cilium-version: 1.16\nkubeProxyReplacement: true\nendp').find(
      (c) => c.label === 'endpointRoutes',
    );
    assert.equal(top?.insertText, 'endpointRoutes:\n  ');
  });

  it('offers only the keys of the target version', () => {
    const v13 = labels('# cilium-version: 1.13\nkubeProxyReplacement: strict\nrout');
    const v16 = labels('# cilium-version: 1.16\nkubeProxyReplacement: true\nrout');
    assert.ok(!v13.includes('routingMode'));
    assert.ok(v13.includes('tunnel'));
    assert.ok(v16.includes('routingMode'));
    assert.ok(!v16.includes('tunnel'));
    assert.ok(!v16.includes('kubeProxyReplacement'));
  });

  it('marks keys with a successor as deprecated', () => {
    const enc = complete('# cilium-version: 1.15\nkubeProxyReplacement: true\nencryption:\n  ');
    assert.equal(enc.find((c) => c.label === 'keyFile')?.deprecated, true);
    assert.equal(enc.find((c) => c.label === 'enabled')?.deprecated, undefined);
  });

  it('works inside an Argo CD block scalar and a HelmRelease, but not on the wrapper fields', () => {
    const argo = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: cilium
      spec:
        source:
          chart: cilium
          targetRevision: 1.16.0
          helm:
            values: |
              kubeProxyReplacement: true
              bpf:
                masquerade: true
                host
    `;
    const l = labels(argo.trimEnd());
    assert.ok(l.includes('hostLegacyRouting'), l.join(','));
    assert.ok(!l.includes('masquerade'));
    const outside = argo.trimEnd().replace(/\n\s+host$/, '\n    ');
    assert.deepEqual(labels(outside), []);
    const hr =
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.15.0\n  values:\n    kubeProxyReplacement: true\n    encryption:\n      ty';
    assert.ok(labels(hr).includes('type'));
  });

  it('offers agent options under extraConfig and in a ConfigMap, without the ones already there', () => {
    const extra = labels('# cilium-version: 1.16\nkubeProxyReplacement: true\nextraConfig:\n  enable-');
    assert.ok(extra.includes('enable-bpf-masquerade'));
    const cm =
      '# cilium-version: 1.17\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: "true"\n  ';
    const l = labels(cm);
    assert.ok(l.includes('enable-bpf-masquerade'));
    assert.ok(l.includes('routing-mode'));
    assert.ok(!l.includes('kube-proxy-replacement'));
    assert.ok(!l.includes('tunnel'), 'the 1.17 agent no longer reads tunnel');
    assert.deepEqual(labels(cm.replace(/data:[\s\S]*$/, '  ')), [], 'metadata is not data');
  });

  it('returns nothing outside Cilium documents', () => {
    assert.deepEqual(labels('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  '), []);
    assert.deepEqual(labels('kubeProxyReplacement: true\n---\napiVersion: apps/v1\nkind: Deployment\n'), []);
  });
});

describe('value completion', () => {
  it('routingMode', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nroutingMode: n';
    const items = complete(text);
    assert.deepEqual(
      items.map((c) => c.label),
      ['tunnel', 'native'],
    );
    assert.deepEqual(items[0].replaceRange, { start: text.length - 1, end: text.length });
    assert.equal(items[0].kind, 'value');
  });

  it('kubeProxyReplacement per version', () => {
    const at = (v: string) => complete(`# cilium-version: ${v}\nbpf:\n  masquerade: true\nkubeProxyReplacement: `);
    assert.deepEqual(
      at('1.12').map((c) => c.label),
      ['disabled', 'partial', 'strict', 'probe'],
    );
    assert.deepEqual(
      at('1.13').map((c) => c.label),
      ['disabled', 'partial', 'strict'],
    );
    const v14 = at('1.14');
    assert.deepEqual(
      v14.map((c) => c.label),
      ['true', 'false', 'strict', 'partial', 'disabled'],
    );
    assert.deepEqual(
      v14.filter((c) => c.deprecated).map((c) => c.label),
      ['strict', 'partial', 'disabled'],
    );
    assert.deepEqual(at('1.15').filter((c) => c.deprecated).length, 3);
    for (const v of ['1.16', '1.18', '1.20'])
      assert.deepEqual(
        at(v).map((c) => c.label),
        ['true', 'false'],
      );
  });

  it('other enums and booleans', () => {
    const pre = '# cilium-version: 1.16\nkubeProxyReplacement: true\n';
    assert.deepEqual(labels(`${pre}loadBalancer:\n  mode: `), ['snat', 'dsr', 'hybrid']);
    assert.deepEqual(labels(`${pre}loadBalancer:\n  dsrDispatch: `), ['opt', 'ipip', 'geneve']);
    assert.deepEqual(labels(`${pre}loadBalancer:\n  algorithm: `), ['random', 'maglev']);
    assert.deepEqual(labels(`${pre}loadBalancer:\n  acceleration: `), ['disabled', 'native', 'best-effort']);
    assert.deepEqual(labels(`${pre}tunnelProtocol: `), ['vxlan', 'geneve']);
    // The datapath modes the agent accepts in 1.16 (lb-only too, as values.yaml@v1.16.19 l.549 lists it).
    assert.deepEqual(labels(`${pre}bpf:\n  datapathMode: `), ['veth', 'netkit', 'netkit-l2', 'lb-only']);
    assert.deepEqual(labels(`${pre}encryption:\n  type: `), ['ipsec', 'wireguard']);
    assert.ok(labels(`${pre}ipam:\n  mode: `).includes('multi-pool'));
    assert.ok(labels(`${pre}cni:\n  chainingMode: `).includes('aws-cni'));
    assert.deepEqual(labels(`${pre}bpf:\n  masquerade: `), ['true', 'false']);
    assert.deepEqual(labels('# cilium-version: 1.13\nkubeProxyReplacement: strict\ntunnel: '), [
      'vxlan',
      'geneve',
      'disabled',
    ]);
    assert.deepEqual(
      labels('# cilium-version: 1.13\nkubeProxyReplacement: strict\nipam:\n  mode: ').includes('multi-pool'),
      false,
    );
    assert.deepEqual(labels(`${pre}k8sServiceHost: `), [], 'free text has no values to offer');
  });

  it('replaces a value being edited, with an auto-closed quote', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nroutingMode: "na"\n';
    const cursor = text.indexOf('"na"') + 2;
    const items = complete(text, cursor);
    assert.equal(items[1].insertText, '"native"');
    assert.deepEqual(items[1].replaceRange, { start: text.indexOf('"na"'), end: text.indexOf('"na"') + 4 });
  });

  it('quotes ConfigMap values', () => {
    const text =
      '# cilium-version: 1.17\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: ';
    assert.deepEqual(
      complete(text).map((c) => c.insertText),
      ['"true"', '"false"'],
    );
    const routing = text.replace('kube-proxy-replacement', 'routing-mode');
    assert.deepEqual(
      complete(routing).map((c) => c.insertText),
      ['"tunnel"', '"native"'],
    );
    const bool = text.replace('kube-proxy-replacement', 'enable-bpf-masquerade');
    assert.deepEqual(
      complete(bool).map((c) => c.insertText),
      ['"true"', '"false"'],
    );
  });
});

describe('ConfigMap keys no agent reads', () => {
  it('are not offered, and their hover says they are ignored', async () => {
    const { hoverAt } = await import('../../server/src/core/hover');
    const cm =
      '# cilium-version: 1.12\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  native-routing-cidr: "10.0.0.0/8"\n  ';
    assert.ok(!labels(cm).includes('native-routing-cidr'));
    assert.ok(!labels(cm.replace('  native-routing-cidr: "10.0.0.0/8"\n', '')).includes('native-routing-cidr'));
    const md = hoverAt(analyze(cm), cm, cm.indexOf('native-routing-cidr') + 1)?.markdown ?? '';
    assert.match(
      md,
      new RegExp(`Not read by cilium-agent or cilium-operator in any version from ${SPAN}; it is ignored\\.`),
    );
  });
});
