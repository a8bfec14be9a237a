import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { doc, finding, lineOf, yaml } from '../helpers';

describe('document kinds', () => {
  it('leaves unrelated YAML alone', () => {
    const a = analyze('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n');
    assert.equal(a.documents.length, 0);
    assert.equal(a.fileFindings.length, 0);
    assert.equal(analyze('image:\n  repository: nginx\nreplicaCount: 2\n').documents.length, 0);
    assert.equal(
      analyze('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  a: b\n').documents.length,
      0,
    );
  });

  it('Flux HelmRelease: values, and the chart version decides the target', () => {
    const text = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: cilium
      spec:
        chart:
          spec:
            chart: cilium
            version: 1.13.4
        values:
          kubeProxyReplacement: strict
          endpointRoutes:
            enabled: true
    `;
    const d = doc(text);
    assert.equal(d.kind, 'helmrelease');
    assert.equal(d.version, '1.13');
    assert.equal(d.versionSource, 'wrapper');
    assert.match(lineOf(text, finding(d, 'host-routing-endpoint-routes')).text, /^\s+enabled: true/);
  });

  it('Argo CD Application with helm.values as a string maps findings into the block scalar', () => {
    const text = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: cilium
      spec:
        source:
          repoURL: https://helm.cilium.io/
          chart: cilium
          targetRevision: 1.13.2
          helm:
            values: |
              kubeProxyReplacement: strict
              endpointRoutes:
                enabled: true
    `;
    const d = doc(text);
    assert.equal(d.kind, 'argocd-application');
    assert.equal(d.version, '1.13');
    const f = finding(d, 'host-routing-endpoint-routes');
    const at = lineOf(text, f);
    assert.match(at.text, /^ {10}enabled: true$/);
    assert.equal(text.slice(f.range.start, f.range.end), 'enabled');
  });

  it('Argo CD valuesObject and multiple sources', () => {
    const text = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: cilium
      spec:
        sources:
          - repoURL: https://example.com/git
            path: manifests
          - chart: cilium
            repoURL: https://helm.cilium.io/
            targetRevision: 1.16.0
            helm:
              valuesObject:
                kubeProxyReplacement: true
    `;
    const d = doc(text);
    assert.equal(d.kind, 'argocd-application');
    assert.equal(d.version, '1.16');
  });

  it('helmfile releases with inline values', () => {
    const text = yaml`
      releases:
        - name: cilium
          namespace: kube-system
          chart: cilium/cilium
          version: 1.15.3
          values:
            - kubeProxyReplacement: true
              bpf:
                masquerade: true
    `;
    const d = doc(text);
    assert.equal(d.kind, 'helmfile');
    assert.equal(d.version, '1.15');
    assert.equal(d.datapath.hostRouting.status, 'BPF');
  });

  it('kustomize helmCharts valuesInline', () => {
    const text = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      helmCharts:
        - name: cilium
          repo: https://helm.cilium.io
          version: 1.14.5
          valuesInline:
            kubeProxyReplacement: true
    `;
    const d = doc(text);
    assert.equal(d.kind, 'kustomize');
    assert.equal(d.version, '1.14');
  });

  it('RKE2 HelmChartConfig valuesContent with the umbrella cilium: block', () => {
    const text = yaml`
      apiVersion: helm.cattle.io/v1
      kind: HelmChartConfig
      metadata:
        name: rke2-cilium
        namespace: kube-system
      spec:
        valuesContent: |-
          cilium:
            kubeProxyReplacement: true
            bpf:
              masqurade: true
    `;
    const d = doc(text, { version: '1.16' });
    assert.equal(d.kind, 'helmchart');
    const f = finding(d, 'unknown-key');
    assert.equal(lineOf(text, f).line, 11);
    assert.equal(text.slice(f.range.start, f.range.end), 'masqurade');
  });

  it('an umbrella chart values file with a cilium: block', () => {
    const d = doc('cilium:\n  kubeProxyReplacement: true\n  bpf:\n    masquerade: true\nother:\n  x: 1\n', {
      version: '1.16',
    });
    assert.equal(d.kind, 'helm-values');
    assert.equal(d.datapath.kubeProxyReplacement.enabled, true);
  });

  it('several documents in one file', () => {
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: true\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: "true"\n';
    const a = analyze(text);
    assert.deepEqual(
      a.documents.map((d) => [d.index, d.kind]),
      [
        [0, 'helm-values'],
        [1, 'configmap'],
      ],
    );
  });
});

describe('target version', () => {
  const text = '# cilium-version: 1.13\nkubeProxyReplacement: strict\n';
  it('comes from the option first, then the comment, else the newest release (1.19, not the 1.20 pre-release)', () => {
    assert.equal(doc(text, { version: '1.15' }).version, '1.15');
    assert.equal(doc(text).version, '1.13');
    assert.equal(doc(text).versionSource, 'comment');
    const d = doc('kubeProxyReplacement: true\n');
    assert.equal(d.version, '1.19');
    assert.equal(d.versionSource, 'default');
  });

  it('an unsupported version in a wrapper is reported and the newest release is used', () => {
    const d = doc(
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.9.1\n  values:\n    kubeProxyReplacement: true\n',
    );
    finding(d, 'unsupported-version');
    assert.equal(d.version, '1.19');
  });
});

describe('Helm values kept in a ConfigMap for valuesFrom', () => {
  it('a values.yaml string that reads as Cilium values is analysed as Helm values; other ConfigMaps are not', () => {
    const cm = (key: string, body: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-values\ndata:\n  ${key}: |-\n${body
        .split('\n')
        .map((l) => (l ? `    ${l}` : l))
        .join('\n')}\n`;
    const a = analyze(
      cm('values.yaml', '# cilium-version: 1.19\nkubeProxyReplacement: true\nenableCiliumEndpointSlice: true\n'),
    );
    assert.equal(a.documents.length, 1);
    assert.equal(a.documents[0].kind, 'helm-values');
    assert.match(a.documents[0].label, /ConfigMap cilium-values \(values\.yaml\)/);
    const f = a.documents[0].findings.find((x) => x.rule === 'chart-ces-legacy-removed');
    assert.ok(f, 'the values are checked');
    assert.equal(a.documents.length, 1);
    // Some other application's values, or a key that is not a YAML file: nothing.
    assert.equal(analyze(cm('values.yaml', 'replicaCount: 2\nimage:\n  tag: v1\n')).documents.length, 0);
    assert.equal(analyze(cm('notes.txt', 'kubeProxyReplacement: true\n')).documents.length, 0);
  });
});

describe('a HelmRelease whose values are partly in valuesFrom', () => {
  const release = (valuesFrom: string) =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.17.1\n${valuesFrom}  values:\n    hubble:\n      relay:\n        enabled: true\n`;
  it('warnings that only defaults decided become information that says the other values may change them (corpus 009)', () => {
    const d = doc(release('  valuesFrom:\n    - kind: ConfigMap\n      name: cilium-helm-values\n'));
    const f = finding(d, 'host-routing-kpr-off');
    assert.equal(f.severity, 'info');
    assert.match(
      f.message,
      /values from valuesFrom \(ConfigMap cilium-helm-values\) are not in this file: they may set it otherwise/,
    );
    // Without valuesFrom the defaults are the values: a warning as before.
    assert.equal(finding(doc(release('')), 'host-routing-kpr-off').severity, 'warning');
  });

  it('a warning about a value written in the file stays a warning', () => {
    const d = doc(
      release('  valuesFrom:\n    - kind: Secret\n      name: extra\n').replace(
        '    hubble:',
        '    kubeProxyReplacement: false\n    hubble:',
      ),
    );
    assert.equal(finding(d, 'host-routing-kpr-off').severity, 'warning');
  });
});
