// A chart stop reached through what the chart reads from the cluster — `lookup` (objects in the cluster) or
// `.Capabilities` (API versions, Kubernetes version) — depends on the cluster Helm installs into, not on the values
// alone. The renderer marks such reads as provenance and every failure says what of the cluster it depended on
// (ChartFailure.cluster), for any check, listed in chartFailureNotes.ts or not. Synthetic charts show the marking
// follows the path the `fail` was reached on (a read of the cluster elsewhere in the template does not count); the
// real charts show the notes written about cluster checks are exactly the ones the renderer marks.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { PackedChart } from '../../server/src/core/chart/helm/chartData';
import {
  renderableVersions,
  renderChart,
  renderChartData,
  type ChartFailure,
  type RenderOptions,
} from '../../server/src/core/chart/helm/render';
import { chartFailureNote } from '../../server/src/core/knowledge/chartFailureNotes';
import { CHART_NOTE_RULES } from '../../server/src/core/rules/defs/index';
import { findRepoRoot } from '../../tools/repoRoot';

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cilium-config
data:
  a-key: {{ .Values.aKey | quote }}
`;

function chart(templates: Record<string, string>): PackedChart {
  return {
    minor: '0.1',
    chart: { name: 'cilium', version: '0.1.0', apiVersion: 'v2' },
    chartYaml: 'name: cilium\nversion: 0.1.0\napiVersion: v2\n',
    defaults: { aKey: 'x' },
    render: Object.keys(templates).filter((t) => !t.endsWith('.tpl')),
    templates: { 'templates/cilium-configmap.yaml': CONFIGMAP, ...templates },
    files: {},
  };
}

const SYNTHETIC = chart({
  'templates/needs-crd.yaml':
    '{{- if .Values.monitor }}{{- if not (.Capabilities.APIVersions.Has "example.com/v1") }}{{ fail "needs the example.com/v1 CRDs" }}{{- end }}{{- end }}',
  'templates/needs-secret.yaml':
    '{{- $s := lookup "v1" "Secret" .Release.Namespace "s" }}{{- if and .Values.secret (not $s) }}{{ fail "secret s not found" }}{{- end }}',
  'templates/_helpers.tpl':
    '{{- define "oldKube" }}{{- if semverCompare "<1.20.0-0" .Capabilities.KubeVersion.Version }}{{ fail "Kubernetes too old" }}{{- end }}{{- end }}',
  'templates/via-include.yaml': '{{- if .Values.kubeCheck }}{{ include "oldKube" . }}{{- end }}',
  'templates/values-only.yaml':
    '{{- $k := .Capabilities.KubeVersion.Version }}{{- if .Values.bad }}{{ fail (printf "bad is set (%s)" .Values.bad) }}{{- end }}',
  'templates/helm-version.yaml':
    '{{- if and .Values.helmCheck .Capabilities.HelmVersion.Version }}{{ fail "helm version check" }}{{- end }}',
});

const ALL_ON = { monitor: true, secret: true, kubeCheck: true, bad: 'yes', helmCheck: true };

function byMessage(failures: readonly ChartFailure[], message: string): ChartFailure {
  const f = failures.find((x) => x.message === message);
  assert.ok(f, `no failure "${message}" among ${failures.map((x) => x.message).join(' | ')}`);
  return f;
}

describe('stops that depend on the cluster', () => {
  for (const opts of [{}, { lenient: true }] as RenderOptions[]) {
    it(`a fail under a .Capabilities or lookup condition is marked, one on the values alone is not (${opts.lenient ? 'lifted' : 'first stops'})`, () => {
      const r = renderChartData(SYNTHETIC, new Map(Object.entries(ALL_ON)), { ...opts, kubeVersion: 'v1.19.0' });
      assert.deepEqual(byMessage(r.failures, 'needs the example.com/v1 CRDs').cluster, ['.Capabilities.APIVersions']);
      assert.deepEqual(byMessage(r.failures, 'secret s not found').cluster, ['lookup']);
      // Through include: the define's condition reads the Kubernetes version.
      assert.deepEqual(byMessage(r.failures, 'Kubernetes too old').cluster, ['.Capabilities.KubeVersion']);
      // Read in the template, but not on the way to the fail; and the Helm version is Helm's, not the cluster's.
      assert.deepEqual(byMessage(r.failures, 'bad is set (yes)').cluster, []);
      assert.deepEqual(byMessage(r.failures, 'helm version check').cluster, []);
      // The values each stop depended on are still there for placing it on the user's key.
      assert.deepEqual(byMessage(r.failures, 'needs the example.com/v1 CRDs').deps, ['monitor']);
      assert.ok(byMessage(r.failures, 'secret s not found').deps.includes('secret'));
    });
  }

  it('the cluster decides: with the API version served, or a newer Kubernetes, those checks pass', () => {
    const r = renderChartData(SYNTHETIC, new Map(Object.entries(ALL_ON)), {
      apiVersions: ['example.com/v1'],
      kubeVersion: 'v1.30.0',
    });
    const messages = r.failures.map((f) => f.message);
    assert.ok(!messages.includes('needs the example.com/v1 CRDs'));
    assert.ok(!messages.includes('Kubernetes too old'));
    assert.ok(messages.includes('secret s not found'));
  });

  it('the real charts: the notes about cluster checks are exactly the stops the renderer marks (ServiceMonitor CRDs, k8sServiceHost: auto)', () => {
    const shared = path.resolve(findRepoRoot(), '../shared');
    const corpus = path.join(shared, 'corpus/real');
    const texts = existsSync(corpus)
      ? readdirSync(corpus)
          .filter((n) => /values.*\.ya?ml$/.test(n))
          .map((n) => readFileSync(path.join(corpus, n), 'utf8'))
      : [];
    const triggers = [
      'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n',
      'kubeProxyReplacement: true\nk8sServiceHost: auto\nk8sServicePort: 6443\n',
      'hubble:\n  enabled: false\n  relay:\n    enabled: true\n',
      'tunnel: vxlan\n',
    ];
    const seen = { cluster: new Set<string>(), values: new Set<string>() };
    for (const version of renderableVersions()) {
      for (const text of [...triggers, ...texts]) {
        let r;
        try {
          r = renderChart(version, text, { lenient: true });
        } catch {
          continue; // values Helm cannot read
        }
        for (const f of r?.failures ?? []) {
          const note =
            f.kind === 'template-error'
              ? chartFailureNote(CHART_NOTE_RULES, f.detail, true)
              : chartFailureNote(CHART_NOTE_RULES, f.message);
          if (!note) continue;
          assert.equal(
            !!note.readsCluster,
            f.cluster.length > 0,
            `${version} ${note.id}: note says ${note.readsCluster ? '' : 'not '}cluster, render found ${JSON.stringify(f.cluster)}`,
          );
          (f.cluster.length > 0 ? seen.cluster : seen.values).add(note.id);
        }
      }
    }
    assert.deepEqual([...seen.cluster].sort(), ['chart-k8s-service-host-auto-lookup', 'chart-servicemonitor-crds']);
    assert.ok(seen.values.size >= 3, `notes on values-only checks seen: ${[...seen.values].join(', ')}`);
  });
});
