// A values file that a wrapper names (kustomize helmCharts valuesFile, a helmfile release's values list, an Argo
// CD source's `$ref/path` valueFiles) is analysed at the wrapper's Cilium version, and the report says where the
// version came from. Built from real corpus files (019 → 020, 024 → 025), saved under the names their wrapper uses.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { valuesReferencesIn } from '../../server/src/core/valuesReferences';
import { wrappersNear } from '../../server/src/io/valuesReferences';
import { cli, repoRoot } from './runCli';

const corpus = (name: string) => readFileSync(path.resolve(repoRoot, '../shared/corpus/real', name), 'utf8');

describe('values files named by a wrapper', () => {
  let tmp: string;
  const at = (rel: string) => path.join(tmp, rel);
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(at(rel)), { recursive: true });
    writeFileSync(at(rel), text);
  };

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-values-refs-'));
    mkdirSync(at('repo/.git'), { recursive: true });
    // corpus 019 names cilium-proxyless.values.yaml (corpus 020) for chart 1.13.3
    put('repo/kubelab/cilium/kustomization.yaml', corpus('019-kubelab-kustomize-helmcharts.yaml'));
    put('repo/kubelab/cilium/cilium-proxyless.values.yaml', corpus('020-kubelab-proxyless-values.yaml'));
    // the same values alone: nothing names them
    put('repo/alone/values.yaml', corpus('020-kubelab-proxyless-values.yaml'));
    // corpus 024 names $values/cilium/values.yaml (corpus 025); its `1.*` made a fixed version here
    put(
      'repo/argocd/cilium.yaml',
      corpus('024-kenlasko-argocd-multisource.yaml').replace('targetRevision: 1.*', 'targetRevision: 1.16.5'),
    );
    put('repo/cilium/values.yaml', corpus('025-kenlasko-k3s-values.yaml'));
    put(
      'repo/helmfile.yaml',
      'releases:\n  - name: cilium\n    chart: cilium/cilium\n    version: "1.14.2"\n    values:\n      - net/cilium.yaml\n',
    );
    put('repo/net/cilium.yaml', 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads what each wrapper names, with its version (kustomize, helmfile, Argo CD $ref)', () => {
    assert.deepEqual(valuesReferencesIn(corpus('019-kubelab-kustomize-helmcharts.yaml')), [
      { path: 'cilium-proxyless.values.yaml', base: 'file', version: '1.13.3', wrapper: 'kustomize helmCharts cilium' },
    ]);
    assert.deepEqual(valuesReferencesIn(corpus('033-qjoly-turing-helmfile.yaml')), [
      { path: 'helm/cilium/values.yaml', base: 'file', version: '1.19.7', wrapper: 'helmfile release cilium' },
    ]);
    assert.deepEqual(valuesReferencesIn(corpus('024-kenlasko-argocd-multisource.yaml')), [
      { path: 'cilium/values.yaml', base: 'repo', version: '1.*', wrapper: 'Argo CD Application cilium' },
    ]);
    // Plain values, and a chart other than cilium, name nothing.
    assert.deepEqual(valuesReferencesIn(corpus('020-kubelab-proxyless-values.yaml')), []);
    assert.deepEqual(
      valuesReferencesIn(
        'releases:\n  - name: x\n    chart: bitnami/redis\n    version: 1.2.3\n    values: [cilium.yaml]\n',
      ),
      [],
    );
  });

  it('a kustomization beside the values file gives its version: 020 is valid at 1.13 and refused at the assumed 1.19', () => {
    const named = cli([at('repo/kubelab/cilium/cilium-proxyless.values.yaml')]);
    assert.match(
      named.stdout,
      /Cilium 1\.13 \(from the wrapper that names this values file: kustomize helmCharts cilium in .*kustomization\.yaml\)/,
    );
    assert.doesNotMatch(named.stdout, /chart-kpr-invalid/);
    assert.equal(named.code, 0, named.stdout);
    const alone = cli([at('repo/alone/values.yaml')]);
    assert.match(alone.stdout, /assumed Cilium 1\.19/);
    assert.match(alone.stdout, /chart-kpr-invalid/);
    assert.equal(alone.code, 1);
  });

  it('a helmfile above the values file gives its version; JSON says "used-by"', () => {
    assert.deepEqual(
      wrappersNear(at('repo/net/cilium.yaml')).map((u) => [u.version, u.wrapper]),
      [['1.14.2', 'helmfile release cilium']],
    );
    const json = JSON.parse(cli(['--format', 'json', at('repo/net/cilium.yaml')]).stdout);
    assert.deepEqual(
      json.files[0].documents.map((d: { ciliumVersion: string; versionSource: string }) => [
        d.ciliumVersion,
        d.versionSource,
      ]),
      [['1.14', 'used-by']],
    );
  });

  it('an Argo CD Application of the same run names a file by `$ref/path` from the repository root', () => {
    const run = cli(['--format', 'json', at('repo/argocd'), at('repo/cilium')]);
    const values = JSON.parse(run.stdout).files.find((f: { path: string }) =>
      f.path.endsWith(path.join('cilium', 'values.yaml')),
    );
    assert.deepEqual(
      values.documents.map((d: { ciliumVersion: string; versionSource: string }) => [d.ciliumVersion, d.versionSource]),
      [['1.16', 'used-by']],
    );
    // Given alone, nothing beside it names it (Argo CD files can be called anything): the newest release.
    const alone = JSON.parse(cli(['--format', 'json', at('repo/cilium/values.yaml')]).stdout);
    assert.equal(alone.files[0].documents[0].versionSource, 'default');
  });

  it("the # cilium-version comment still wins, and the wrapper does not apply to a wrapper's own inline values", () => {
    const text = '# cilium-version: 1.18\nkubeProxyReplacement: true\n';
    const usedBy = [{ file: 'kustomization.yaml', wrapper: 'kustomize helmCharts cilium', version: '1.13.3' }];
    assert.equal(analyze(text, { usedBy }).documents[0].version, '1.18');
    assert.deepEqual(
      analyze('kubeProxyReplacement: true\n', { usedBy }).documents.map((d) => [
        d.version,
        d.versionSource,
        d.versionFile,
      ]),
      [['1.13', 'used-by', 'kustomize helmCharts cilium in kustomization.yaml']],
    );
    const release =
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\nspec:\n  chart:\n    spec:\n      chart: cilium\n      version: 1.17.0\n  values:\n    kubeProxyReplacement: true\n';
    assert.equal(analyze(release, { usedBy }).documents[0].version, '1.17');
  });
});
