// Hover: what a key is and what it does in this file, for Helm values at any depth, wrapped values, embedded
// block scalars and ConfigMap keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt, type HoverOptions } from '../../server/src/core/hover';
import { yaml } from '../helpers';
import { SUPPORTED_SPAN } from '../../server/src/core/version';

/** The supported span as the product words it ("1.12 to 1.21"), for a pattern: derived, so a new minor needs no edit here. */
const SPAN = SUPPORTED_SPAN.replace(/\./g, '\\.');

/** Hover at the nth occurrence of `at` (one character in). */
function hover(text: string, at: string, nth = 0, options?: HoverOptions): string {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(at, i + 1);
  assert.ok(i >= 0, `${at} not in text`);
  return hoverAt(analyze(text), text, i + 1, options)?.markdown ?? '';
}

const ep13 = yaml`
  # cilium-version: 1.13
  kubeProxyReplacement: strict
  bpf:
    masquerade: true
  endpointRoutes:
    enabled: true
`;
const ep16 = ep13.replace('1.13', '1.16').replace('strict', 'true');

describe('hover on Helm values', () => {
  it('on a nested key: path, type, default, versions, ConfigMap key, our text and the reference link', () => {
    const md = hover(ep16, 'masquerade');
    assert.match(md, /^\*\*bpf\.masquerade\*\* — Helm value · cilium chart 1\.16/);
    assert.match(md, /Type: `boolean \| null` · Default in 1\.16: `null`/);
    assert.match(md, /In the chart: every supported version/);
    assert.match(md, /Becomes in cilium-config here: `enable-bpf-masquerade: "true"`/);
    assert.match(md, /Masquerades|masquerading in eBPF|Does masquerading in eBPF/);
    assert.match(md, /\[Helm reference for Cilium 1\.16\]\(https:\/\/docs\.cilium\.io\/en\/v1\.16\/helm-reference\/\)/);
  });

  it('says which line makes Host Routing Legacy: enableIPv4Masquerade without bpf.masquerade', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\n';
    const md = hover(text, 'enableIPv4Masquerade');
    assert.match(
      md,
      /\*\*This line makes Host Routing Legacy\*\* \(`host-routing-iptables-masquerade`, the reason the agent logs\) because: /,
    );
    assert.match(md, /BPF host routing requires enable-bpf-masquerade/);
    assert.match(md, /Feeds \*\*Masquerading: IPTables/);
  });

  it('on a value shows the same as on its key, with the value range', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\n';
    const onKey = hoverAt(analyze(text), text, text.indexOf('enableIPv4Masquerade') + 2)!;
    const valueAt = text.lastIndexOf('true') + 1;
    const onValue = hoverAt(analyze(text), text, valueAt)!;
    assert.equal(onValue.markdown, onKey.markdown);
    assert.deepEqual(onValue.range, { start: text.lastIndexOf('true'), end: text.lastIndexOf('true') + 4 });
  });

  it('endpointRoutes on 1.13 forces Legacy in this file; on 1.14+ it explains the change instead', () => {
    const on13 = hover(ep13, 'enabled');
    assert.match(on13, /This line makes Host Routing Legacy\*\* \(`host-routing-endpoint-routes`/);
    assert.match(on13, /On Cilium 1\.13:\*\* On Cilium 1\.12 and 1\.13 this forces Legacy host routing/);
    assert.doesNotMatch(on13, /63583e9132/);
    for (const v of ['1.14', '1.16', '1.19']) {
      const md = hover(ep13.replace('1.13', v).replace('strict', 'true'), 'enabled');
      assert.doesNotMatch(md, /This line makes Host Routing Legacy/, v);
      assert.match(md, /Since 1\.14 endpoint routes no longer cost BPF host routing/, v);
      assert.match(md, /63583e9132/, v);
      assert.match(md, /bpf_redirect_peer/, v);
      assert.match(md, /Not a reason for Legacy host routing in this file .*Host Routing here: \*\*BPF\*\*/, v);
    }
  });

  it('on a parent mapping explains its switch (endpointRoutes → endpointRoutes.enabled)', () => {
    assert.match(hover(ep16, 'endpointRoutes'), /Installs one route per pod/);
  });

  it('names the cloud mode that implies a fallback on old versions', () => {
    const text =
      '# cilium-version: 1.13\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\neni:\n  enabled: true\n';
    assert.match(hover(text, 'eni'), /\*\*eni\.enabled\*\*|\*\*eni\*\*/);
    assert.match(hover(text, 'enabled'), /This line makes Host Routing Legacy\*\* \(`host-routing-endpoint-routes`/);
  });

  it('works inside an Argo CD helm.values block scalar', () => {
    const argo = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: cilium
      spec:
        source:
          chart: cilium
          targetRevision: 1.15.2
          helm:
            values: |
              kubeProxyReplacement: true
              enableIPv4Masquerade: true
              bpf:
                hostLegacyRouting: true
    `;
    const md = hover(argo, 'hostLegacyRouting');
    assert.match(md, /^\*\*bpf\.hostLegacyRouting\*\* — Helm value · cilium chart 1\.15/);
    assert.match(
      md,
      /This line makes Host Routing Legacy\*\* \(`host-routing-explicit-legacy`, the agent does not log this one\)/,
    );
    assert.match(hover(argo, 'enableIPv4Masquerade'), /This line makes Host Routing Legacy/);
    // The wrapper's own fields are not Cilium keys.
    assert.equal(hoverAt(analyze(argo), argo, argo.indexOf('targetRevision') + 1), undefined);
  });

  it('works inside a Flux HelmRelease values mapping', () => {
    const hr = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: cilium
      spec:
        chart:
          spec:
            chart: cilium
            version: 1.17.3
        values:
          routingMode: native
          kubeProxyReplacement: true
    `;
    const md = hover(hr, 'routingMode');
    assert.match(md, /\*\*routingMode\*\* — Helm value · cilium chart 1\.17/);
    assert.match(md, /Decides \*\*Routing: Native\*\*/);
  });

  it('unknown keys say so with a did-you-mean; removed and renamed keys name the versions and the successor', () => {
    assert.match(
      hover('# cilium-version: 1.16\nbpf:\n  masqurade: true\n', 'masqurade'),
      /Not a value of the cilium 1\.16 chart; Helm ignores it\. Did you mean `bpf\.masquerade`\?/,
    );
    const tunnel = hover('# cilium-version: 1.16\ntunnel: vxlan\nkubeProxyReplacement: true\n', 'tunnel');
    assert.match(tunnel, /Not in the 1\.16 chart\. It exists in 1\.12–1\.14 \(last in 1\.14\)/);
    assert.match(tunnel, /routingMode/);
    assert.match(tunnel, /refuses to install/);
    const native = hover(
      '# cilium-version: 1.16\nnativeRoutingCIDR: 10.0.0.0/8\nkubeProxyReplacement: true\n',
      'nativeRoutingCIDR',
    );
    assert.match(native, new RegExp(`No chart from ${SPAN} has this key.*Renamed to \`ipv4NativeRoutingCIDR\``));
    const future = hover('# cilium-version: 1.13\nroutingMode: native\nkubeProxyReplacement: strict\n', 'routingMode');
    assert.match(future, /Not in the 1\.13 chart yet\. It exists in 1\.14 and later \(added in 1\.14\)/);
    const renamed = hover(
      '# cilium-version: 1.16\nsocketLB:\n  enabled: true\nkubeProxyReplacement: true\n',
      'enabled',
    );
    assert.match(renamed, /Replaces `hostServices\.enabled`/);
  });

  it('on a key under extraConfig explains the agent option it becomes', () => {
    const md = hover(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nextraConfig:\n  enable-bpf-masquerade: "true"\n',
      'enable-bpf',
    );
    assert.match(md, /extra cilium-config key/);
    assert.match(md, /Written by the chart from `bpf\.masquerade`/);
  });

  it('adds the chart description when the callback has one, and leaves the link out on request', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\n';
    const md = hover(text, 'kubeProxyReplacement', 0, {
      chartDescription: (v, k) => (k === 'kubeProxyReplacement' ? `desc for ${v}` : undefined),
      helmDocsUrl: false,
    });
    assert.match(md, /From your chart: desc for 1\.16/);
    assert.doesNotMatch(md, /helm-reference/);
    assert.match(
      hover(text.replace('1.16', '1.20'), 'kubeProxyReplacement'),
      /docs\.cilium\.io\/en\/latest\/helm-reference\//,
    );
  });

  it('kubeProxyReplacement notes follow the target version', () => {
    assert.match(
      hover('# cilium-version: 1.12\nkubeProxyReplacement: probe\n', 'kubeProxyReplacement'),
      /accepts `disabled`, `partial`, `strict` and `probe`/,
    );
    assert.match(
      hover('# cilium-version: 1.18\nkubeProxyReplacement: "false"\n', 'kubeProxyReplacement'),
      /Only `true` or `false`/,
    );
  });
});

describe('hover on ConfigMap keys', () => {
  const cm = yaml`
    # cilium-version: 1.17
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cilium-config
      namespace: kube-system
    data:
      kube-proxy-replacement: "true"
      enable-ipv4-masquerade: "true"
      enable-bpf-masqurade: "true"
  `;

  it('explains a known key and its effect in this file', () => {
    const md = hover(cm, 'enable-ipv4-masquerade');
    assert.match(md, /^\*\*enable-ipv4-masquerade\*\* — cilium-config key · Cilium 1\.17/);
    assert.match(md, /Written by the chart from `enableIPv4Masquerade`/);
    assert.match(md, /This line makes Host Routing Legacy/);
    assert.doesNotMatch(md, /helm-reference/);
  });

  it('says when it does not know a key, with a did-you-mean', () => {
    assert.match(
      hover(cm, 'enable-bpf-masqurade'),
      new RegExp(
        `Not read by cilium-agent or cilium-operator in any version from ${SPAN}; it is ignored\\. Did you mean \`enable-bpf-masquerade\`\\?`,
      ),
    );
  });

  it('the metadata of the ConfigMap is not a Cilium key', () => {
    assert.equal(hoverAt(analyze(cm), cm, cm.indexOf('namespace') + 1), undefined);
  });
});

describe('hover outside Cilium documents', () => {
  it('is undefined for other YAML, and for the second document of a mixed file', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    assert.equal(hoverAt(analyze(text), text, 3), undefined);
    const mixed = 'kubeProxyReplacement: true\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    assert.equal(hoverAt(analyze(mixed), mixed, mixed.indexOf('Deployment')), undefined);
    assert.ok(hoverAt(analyze(mixed), mixed, 2));
  });
});

describe('hover on a parent mapping', () => {
  it('attributes effects to the keys below it, not to its own line', () => {
    const text =
      '# cilium-version: 1.13\nkubeProxyReplacement: strict\nbpf:\n  masquerade: true\nendpointRoutes:\n  enabled: true\n';
    const md = hover(text, 'endpointRoutes');
    assert.match(md, /A key below this one makes Host Routing Legacy\*\* \(`host-routing-endpoint-routes`/);
    assert.doesNotMatch(md, /Not a reason for Legacy host routing/);
    assert.doesNotMatch(md, /This line makes/);
  });
});
