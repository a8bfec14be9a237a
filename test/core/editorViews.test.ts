// Hover, completion and the explanation: what an editor shows, computed from the analysis.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { explainMarkdown, verdictOf } from '../../server/src/core/explain';
import { renderedConfigText } from '../../server/src/core/renderedConfig';
import { hoverAt } from '../../server/src/core/hover';
import { keyExistsIn } from '../../server/src/core/knowledge/catalog';
import { keyDocs } from '../../server/src/core/knowledge/keyDocs';
import { KeyDocsSchema } from '../../server/src/core/knowledge/keyDocsSchema';
import raw from '../../server/src/core/knowledge/keyDocs.json';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';

const hover = (text: string, at: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(at, i + 1);
  assert.ok(i >= 0, `${at} not in text`);
  return hoverAt(analyze(text), text, i + 1)?.markdown ?? '';
};

const legacy13 =
  '# cilium-version: 1.13\nkubeProxyReplacement: strict\nendpointRoutes:\n  enabled: true\nenableIPv4Masquerade: true\n';

describe('key docs', () => {
  it('are schema-valid, cover at least 80 datapath keys, and every Helm key exists in some chart version', () => {
    KeyDocsSchema.parse(raw);
    const helm = Object.keys(keyDocs().helm);
    assert.ok(helm.length + Object.keys(keyDocs().configMap).length >= 80, `${helm.length} Helm keys`);
    const missing = helm.filter((k) => !SUPPORTED_VERSIONS.some((v) => keyExistsIn(k, v)));
    assert.deepEqual(missing, []);
  });
});

describe('hover', () => {
  it('says which line makes Host Routing Legacy, on the masquerade key', () => {
    const md = hover(
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\n',
      'enableIPv4Masquerade',
    );
    assert.match(md, /\*\*enableIPv4Masquerade\*\* — Helm value · cilium chart 1\.16/);
    assert.match(md, /This line makes Host Routing Legacy.*host-routing-iptables-masquerade/);
    assert.match(md, /enable-ipv4-masquerade: "true"/);
    assert.match(md, /docs\.cilium\.io\/en\/v1\.16\/helm-reference/);
  });

  it('endpointRoutes: a fallback on 1.13, an explanation of the 1.14 change on newer targets', () => {
    const on13 = hover(legacy13, 'enabled: true');
    assert.match(on13, /This line makes Host Routing Legacy.*host-routing-endpoint-routes/);
    const on16 = hover(legacy13.replace('1.13', '1.16').replace('strict', 'true'), 'enabled: true');
    assert.doesNotMatch(on16, /This line makes Host Routing Legacy.*endpoint-routes/);
    assert.match(on16, /63583e9132/);
    assert.match(on16, /1\.14/);
  });

  it('works on a value, on the parent key, inside an Argo CD helm.values block, and on a ConfigMap key', () => {
    assert.match(hover(legacy13, 'true'), /endpointRoutes\.enabled/);
    assert.match(hover(legacy13, 'endpointRoutes'), /Installs one route per pod/);
    const argo =
      'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: cilium\nspec:\n  source:\n    chart: cilium\n    targetRevision: 1.16.0\n    helm:\n      values: |\n        bpf:\n          masquerade: true\n';
    assert.match(hover(argo, 'masquerade'), /\*\*bpf\.masquerade\*\*.*1\.16/);
    const cm =
      '# cilium-version: 1.17\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  enable-bpf-masquerade: "true"\n';
    assert.match(hover(cm, 'enable-bpf-masquerade'), /cilium-config key/);
  });

  it('unknown and removed keys say so', () => {
    assert.match(
      hover('# cilium-version: 1.16\nbpf:\n  masqurade: true\n', 'masqurade'),
      /Did you mean `bpf\.masquerade`/,
    );
    assert.match(
      hover('# cilium-version: 1.16\ntunnel: vxlan\nkubeProxyReplacement: true\n', 'tunnel'),
      /Not in the 1\.16 chart.*1\.12–1\.14/,
    );
  });

  it('is silent outside Cilium documents', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    assert.equal(hoverAt(analyze(text), text, 3), undefined);
  });

  it('shows the user chart description when one is given', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\n';
    const md = hoverAt(analyze(text), text, 30, {
      chartDescription: (v, k) => (k === 'kubeProxyReplacement' ? `desc for ${v}` : undefined),
    })?.markdown;
    assert.match(md ?? '', /From your chart: desc for 1\.16/);
  });
});

describe('completion', () => {
  const labels = (text: string, cursor = text.length) => completeAt(analyze(text), text, cursor).map((c) => c.label);

  it('completes bpf: children on a half-typed line and leaves out keys already there', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  preallocateMaps: true\n  mas';
    const l = labels(text);
    assert.ok(l.includes('masquerade'), l.join(','));
    assert.ok(!l.includes('preallocateMaps'));
    assert.ok(!l.includes('kubeProxyReplacement'));
  });

  it('completes top-level keys for the target version only', () => {
    const v13 = labels('# cilium-version: 1.13\nkubeProxyReplacement: strict\nrout');
    const v16 = labels('# cilium-version: 1.16\nkubeProxyReplacement: true\nrout');
    assert.ok(!v13.includes('routingMode'));
    assert.ok(v16.includes('routingMode'));
  });

  it('completes enum values per version', () => {
    assert.deepEqual(labels('# cilium-version: 1.16\nbpf:\n  masquerade: true\nkubeProxyReplacement: '), [
      'true',
      'false',
    ]);
    assert.deepEqual(labels('# cilium-version: 1.13\nbpf:\n  masquerade: true\nkubeProxyReplacement: '), [
      'disabled',
      'partial',
      'strict',
    ]);
    assert.deepEqual(labels('# cilium-version: 1.16\nkubeProxyReplacement: true\nroutingMode: n'), [
      'tunnel',
      'native',
    ]);
    assert.deepEqual(labels('# cilium-version: 1.16\nkubeProxyReplacement: true\nloadBalancer:\n  mode: '), [
      'snat',
      'dsr',
      'hybrid',
    ]);
  });

  it('completes quoted values in a ConfigMap', () => {
    const text =
      '# cilium-version: 1.17\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: ';
    const items = completeAt(analyze(text), text, text.length);
    assert.deepEqual(
      items.map((c) => c.insertText),
      ['"true"', '"false"'],
    );
  });
});

describe('explain', () => {
  it('lists every reason with line numbers and the one the agent logs', () => {
    const md = explainMarkdown(analyze(legacy13), legacy13);
    assert.match(md, /### Host Routing: Legacy/);
    assert.match(
      md,
      /host-routing-iptables-masquerade`\*\* \(the agent logs this one\)|host-routing-iptables-masquerade` \*\*\(the agent logs this one\)\*\*/,
    );
    assert.match(md, /`endpointRoutes\.enabled: true` \(line 4\)/);
    assert.match(md, /Host Routing: +Legacy/);
  });

  it('renders the cilium-config keys and a one-line verdict', () => {
    const a = analyze(legacy13);
    const cm = renderedConfigText(a.documents, legacy13)!;
    assert.match(cm, /enable-endpoint-routes: "true" {2}# your value: endpointRoutes\.enabled/);
    assert.match(cm, /kube-proxy-replacement: strict {2}# your value: kubeProxyReplacement/);
    const v = verdictOf(a.documents[0], legacy13);
    assert.equal(v.hostRouting, 'Legacy');
    assert.equal(v.fellBack, true);
    assert.equal(v.line, 1);
    assert.match(v.summary, /Host Routing: Legacy/);
  });
});
