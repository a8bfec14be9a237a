// The real-world corpus (../shared/corpus/real, 47 files users actually wrote, described in MANIFEST.tsv):
// analyze() must never throw on any of them, for any target version, and must recognise the Cilium documents
// we expect in each file. The expectations are per file, below, each with the reason.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import type { DocumentKind } from '../../server/src/core/parse/recognise';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
const corpusDir = path.resolve(repoRoot, '../shared/corpus/real');
const corpusMissing = !existsSync(path.join(corpusDir, 'MANIFEST.tsv'));
const MISSING_MESSAGE = `The real-world corpus is missing: expected ${corpusDir} with MANIFEST.tsv (the shared data directory next to the repository). These tests need it; they do not skip.`;

interface ManifestRow {
  file: string;
  repo: string;
  path: string;
  kind: string;
  notes: string;
}

function readManifest(): ManifestRow[] {
  const lines = readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  const col = (name: string) => {
    const i = header.indexOf(name);
    assert.ok(i >= 0, `MANIFEST.tsv has no "${name}" column (columns: ${header.join(', ')})`);
    return i;
  };
  const [iFile, iRepo, iPath, iKind, iNotes] = [col('file'), col('repo'), col('path'), col('kind'), col('notes')];
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    return { file: c[iFile], repo: c[iRepo], path: c[iPath], kind: c[iKind], notes: c[iNotes] ?? '' };
  });
}

/** MANIFEST's kind column → our DocumentKind (only the kinds the MANIFEST and we share). */
const MANIFEST_KIND: Record<string, DocumentKind> = {
  'helm-values': 'helm-values',
  configmap: 'configmap',
  helmrelease: 'helmrelease',
  argocd: 'argocd-application',
  helmfile: 'helmfile',
  kustomize: 'kustomize',
};

/**
 * The Cilium documents we expect in each file, in order. An empty list means "nothing to analyse here", with
 * the reason. Files the MANIFEST calls "other" get our own kind where we support the wrapper.
 */
const EXPECTED: Record<string, { kinds: DocumentKind[]; why?: string }> = {
  '001-labtop-tf-template-values.yaml': {
    kinds: ['helm-values'],
    why: 'Terraform %{ if } inside values; the rest is plain values',
  },
  '002-kpr-strict-l2announce-values.yaml': { kinds: ['helm-values'] },
  '003-pi-k8s-values.yaml': { kinds: ['helm-values'] },
  '004-rke2-blueprint-values.yaml': { kinds: ['helm-values'] },
  '005-aws-eni-migration-values.yaml': { kinds: ['helm-values'] },
  '006-ffddorf-dualstack-values.yaml': { kinds: ['helm-values'] },
  '007-falkwinkler-k3s-helmrelease.yaml': { kinds: ['helmrelease'] },
  '008-lokiraze-k3s-helmrelease.yaml': { kinds: ['helmrelease'] },
  '009-heavyops-helmrelease-valuesfrom.yaml': {
    kinds: ['helmrelease'],
    why: 'valuesFrom plus partial inline values (hubble, prometheus): the inline part is analysed',
  },
  '010-bjws-netkit-values.yaml': { kinds: ['helm-values'] },
  '011-hidora-rke2-helmchartconfig.yaml': {
    kinds: ['helmchart'],
    why: 'MANIFEST "other": an RKE2 HelmChartConfig for rke2-cilium with valuesContent (a wrapper we support); its block scalar is broken by column-0 comments, which must show as a syntax finding',
  },
  '012-pve-k8s-values-configmap.yaml': {
    kinds: ['helm-values'],
    why: 'MANIFEST "other": a ConfigMap named cilium-values that carries Helm values as a string for Flux valuesFrom; the string is analysed because it reads as Cilium values by the same test as a plain values file (here it also holds enableCiliumEndpointSlice, which the 1.18+ chart refuses)',
  },
  '013-thomas-kube-wiregard-typo-values.yaml': { kinds: ['helm-values'] },
  '014-brb-no-netfilter-rendered.yaml': {
    kinds: ['configmap'],
    why: 'rendered manifest: only the cilium-config ConfigMap among many objects',
  },
  '015-nirmata-rendered-quoted.yaml': { kinds: ['configmap'], why: 'rendered manifest, keys in odd order' },
  '016-katt-upstream-rendered.yaml': { kinds: ['configmap'], why: 'rendered manifest' },
  '017-katt-upstream-values.yaml': { kinds: ['helm-values'] },
  '018-bewing-multipool-values.yaml': { kinds: ['helm-values'] },
  '019-kubelab-kustomize-helmcharts.yaml': {
    kinds: [],
    why: 'kustomize helmCharts with valuesFile only (the values are file 020): no inline values',
  },
  '020-kubelab-proxyless-values.yaml': { kinds: ['helm-values'] },
  '021-kreatoo-argocd-app.yaml': { kinds: ['argocd-application'], why: 'helm.values block string' },
  '022-kind-playground-argocd-values-strict.yaml': { kinds: ['argocd-application'] },
  '023-gitops-metal3-argocd.yaml': { kinds: ['argocd-application'] },
  '024-kenlasko-argocd-multisource.yaml': {
    kinds: [],
    why: 'multi-source Application with helm.valueFiles only ($values/...): no inline values',
  },
  '025-kenlasko-k3s-values.yaml': { kinds: ['helm-values'] },
  '026-kenlasko-home-kustomize-helmcharts.yaml': {
    kinds: [],
    why: 'kustomize helmCharts with valuesFile only (values are file 027)',
  },
  '027-kenlasko-home-talos-values.yaml': { kinds: ['helm-values'] },
  '028-kubenetsec-rendered-ns-cilium.yaml': {
    kinds: ['configmap'],
    why: 'rendered manifest, cilium-config in namespace "cilium"',
  },
  '029-palewhale-appset-values-duplicate-key.yaml': {
    kinds: ['argocd-application'],
    why: 'MANIFEST "argocd": an ApplicationSet git-generator config whose app.helm.values block string holds the Cilium values inline (with a duplicate key users need to see); the values are inline, so they should be found',
  },
  '030-palewhale-appset-values-fixed.yaml': { kinds: ['argocd-application'], why: 'same layout as 029, fixed' },
  '031-palewhale-tf-template-values.yaml': { kinds: ['helm-values'], why: 'Terraform ${} placeholders in values' },
  '032-qjoly-rendered-1.18.2.yaml': { kinds: ['configmap'], why: 'rendered 1.18.2 manifest' },
  '033-qjoly-turing-helmfile.yaml': {
    kinds: [],
    why: 'helmfile release whose values are a list of file names (034): no inline values',
  },
  '034-qjoly-turing-values.yaml': { kinds: ['helm-values'] },
  '035-qjoly-mocha-values.yaml': { kinds: ['helm-values'] },
  '036-thdctrl-talos-values-invalid-daemon.yaml': { kinds: ['helm-values'] },
  '037-deckhouse-configmap-gotemplate.yaml': {
    kinds: ['configmap'],
    why: 'Go-templated cilium-config: templates are masked, the literal keys are analysed',
  },
  '038-ujstor-umbrella-subchart-values.yaml': { kinds: ['helm-values'], why: 'umbrella chart: values under cilium:' },
  '039-kube-hetzner-k3s-helmchart.yaml': {
    kinds: [],
    why: 'MANIFEST "other": k3s HelmChart whose valuesContent is only a Terraform ${values} placeholder',
  },
  '040-diaoul-helmrelease-automount-typo.yaml': {
    kinds: ['helmrelease'],
    why: 'chartRef OCIRepository (no version in the file)',
  },
  '041-diaoul-bootstrap-helmfile.yaml': {
    kinds: [],
    why: 'helmfile whose cilium release has no values in this file (they come from a gotmpl via bases)',
  },
  '042-diaoul-helmfile-values-gotmpl.yaml': {
    kinds: [],
    why: 'the whole file is one Go template expression: no values before rendering',
  },
  '043-ahinko-helmrelease-automount-typo.yaml': { kinds: ['helmrelease'] },
  '044-ahinko-bootstrap-helmfile.yaml': {
    kinds: [],
    why: 'helmfile releases whose values are gotmpl file names: no inline values',
  },
  '045-tosuke-kustomize-helmcharts-patches.yaml': {
    kinds: [],
    why: 'kustomize helmCharts with valuesFile only (values are file 046)',
  },
  '046-tosuke-values-extraconfig.yaml': { kinds: ['helm-values'] },
  '047-jhuertom-kustomize-valuesinline.yaml': { kinds: ['kustomize'], why: 'helmCharts valuesInline' },
};

/** Findings a file must produce because the file really has that problem. */
const MUST_HAVE: Record<string, string[]> = {
  '011-hidora-rke2-helmchartconfig.yaml': ['yaml-syntax'],
};

function filePathHint(row: ManifestRow | undefined, file: string): string {
  // The file's name in its own repository, as the editor or CLI would see it; the corpus name otherwise.
  return row && row.path && row.path !== 'unknown' ? row.path : file;
}

function summary(a: Analysis): string {
  const rules = [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)].map((f) => f.rule);
  return `documents: [${a.documents.map((d) => d.kind).join(', ')}], findings: [${rules.join(', ')}]`;
}

describe('real-world corpus', () => {
  it('the corpus directory exists', () => {
    assert.ok(!corpusMissing, MISSING_MESSAGE);
  });

  if (corpusMissing) return;

  const manifest = readManifest();
  const files = readdirSync(corpusDir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
  const rowOf = new Map(manifest.map((r) => [r.file, r]));

  it('has one file per MANIFEST row and every file is in the MANIFEST and in the expectation table', () => {
    assert.equal(files.length, manifest.length, `${files.length} files but ${manifest.length} MANIFEST rows`);
    for (const f of files) {
      assert.ok(rowOf.has(f), `${f} is not in MANIFEST.tsv`);
      assert.ok(EXPECTED[f], `${f} has no entry in this test's EXPECTED table: look at the file and add one`);
    }
    for (const r of manifest) assert.ok(files.includes(r.file), `MANIFEST row ${r.file} has no file`);
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      const row = rowOf.get(file);
      const hint = filePathHint(row, file);
      const expected = EXPECTED[file];

      it('is analysed without throwing and recognised as expected', () => {
        let a: Analysis | undefined;
        assert.doesNotThrow(() => {
          a = analyze(text, { path: hint });
        });
        assert.ok(a && Array.isArray(a.documents) && Array.isArray(a.fileFindings), 'analyze() returned no result');
        for (const f of [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)]) {
          assert.ok(
            f.rule && f.message.trim().length > 0,
            `finding without rule or message: ${JSON.stringify(f.rule)}`,
          );
          assert.ok(
            f.range.start >= 0 && f.range.end >= f.range.start && f.range.end <= text.length,
            `${f.rule}: range ${f.range.start}-${f.range.end} outside the file`,
          );
        }
        assert.ok(expected, `no expectation for ${file}`);
        assert.deepEqual(
          a.documents.map((d) => d.kind),
          expected.kinds,
          `${file}${expected.why ? ` (${expected.why})` : ''}: ${summary(a)}`,
        );
        const manifestKind = row && MANIFEST_KIND[row.kind];
        if (manifestKind) {
          for (const d of a.documents) assert.equal(d.kind, manifestKind, `${file}: MANIFEST says ${row!.kind}`);
        }
        for (const rule of MUST_HAVE[file] ?? []) {
          const all = [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)];
          assert.ok(
            all.some((f) => f.rule === rule),
            `${file}: expected a ${rule} finding; ${summary(a)}`,
          );
        }
      });

      it('is analysed for every supported version without throwing', () => {
        // Recognition does not depend on the target version: compare with the analysis without one.
        let base: string[] | undefined;
        try {
          base = analyze(text, { path: hint }).documents.map((d) => d.kind);
        } catch {
          base = undefined; // reported by the test above; still try every version here
        }
        for (const version of SUPPORTED_VERSIONS) {
          let a: Analysis | undefined;
          assert.doesNotThrow(() => {
            a = analyze(text, { path: hint, version });
          }, `analyze() threw for version ${version}`);
          assert.ok(a, `no result for version ${version}`);
          if (base)
            assert.deepEqual(
              a.documents.map((d) => d.kind),
              base,
              `${file} @${version}: recognition must not depend on the version; ${summary(a)}`,
            );
          for (const d of a.documents) {
            assert.equal(d.version, version, `${file}: --version ${version} must win`);
            assert.equal(d.versionSource, 'option');
            assert.ok(['BPF', 'Legacy'].includes(d.datapath.hostRouting.status));
          }
        }
      });
    });
  }
});
