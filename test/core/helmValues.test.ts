// HelmValues (the effective Helm values rules read: is Hubble on, is encryption on, which L7 backend) reads the
// coalesced `.Values` of the real render: the chart's own values.yaml of the target version under the user's
// values, with Helm's rules. These tests pin cases where an answer from our key catalog, or from the user's
// tree alone, would differ from what Helm's templates see.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderChart } from '../../server/src/core/chart/helm/render';
import { defaultIn } from '../../server/src/core/knowledge/catalog';
import { HelmValues } from '../../server/src/core/model/helmValues';
import { doc, finding, noFinding } from '../helpers';

describe('HelmValues reads what the chart sees', () => {
  it('a default the catalog does not keep comes from the chart values.yaml of that version', () => {
    // values.yaml@v1.18.7 sets operator.tolerations to a list of four entries; the catalog stores no list defaults.
    const d = doc('# cilium-version: 1.18\nkubeProxyReplacement: true\n');
    assert.equal(defaultIn('operator.tolerations', '1.18'), undefined);
    const expected = renderChart('1.18', new Map())!.values.get('operator');
    assert.ok(expected instanceof Map);
    const helm = new HelmValues(d.source.root, '1.18', d.chart!.render.values);
    const got = helm.get('operator.tolerations');
    assert.ok(Array.isArray(got?.value) && got.value.length === (expected.get('tolerations') as unknown[]).length);
    assert.deepEqual(got.origin, { kind: 'chart-default', key: 'operator.tolerations', version: '1.18' });
    // The user's own line wins, with its origin.
    const own = doc('# cilium-version: 1.18\nkubeProxyReplacement: true\n');
    const user = new HelmValues(own.source.root, '1.18', own.chart!.render.values).get('kubeProxyReplacement');
    assert.equal(user?.value, true);
    assert.equal(user?.origin.kind, 'user');
  });

  it('a user null deletes the chart default: Hubble off, so the metrics rule says nothing (values.yaml@v1.18.7 hubble.enabled: true)', () => {
    const on = doc('# cilium-version: 1.18\nhubble:\n  metrics:\n    enabled: [dnsx]\n');
    finding(on, 'hubble-metric-unknown');
    const deleted = doc('# cilium-version: 1.18\nhubble:\n  enabled: null\n  metrics:\n    enabled: [dnsx]\n');
    // The chart then writes enable-hubble from an empty value: Hubble stays off, nothing reads the list.
    assert.equal(deleted.configMap.get('enable-hubble')?.value, '');
    noFinding(deleted, 'hubble-metric-unknown');
  });

  it('merge keys are read as Helm reads them, by the render and by the rules alike', () => {
    const text =
      '# cilium-version: 1.18\nshared: &off\n  enabled: false\nhubble:\n  <<: *off\n  metrics:\n    enabled: [dnsx]\nencryption:\n  <<: *off\n  type: wireguardd\n';
    const d = doc(text);
    // The chart saw hubble.enabled: false through the merge key (it writes enable-hubble: "false").
    assert.equal(d.configMap.get('enable-hubble')?.value, 'false');
    noFinding(d, 'hubble-metric-unknown');
    // Encryption is off through the merge key too: the wrong word is only a warning for the day it is turned on.
    assert.equal(finding(d, 'encryption-type-invalid').severity, 'warning');
    const on = doc(text.replace('encryption:\n  <<: *off\n', 'encryption:\n  enabled: true\n'));
    assert.equal(finding(on, 'encryption-type-invalid').severity, 'error');
    noFinding(on, 'hubble-metric-unknown');
  });

  it('the L7 algorithm rule reads the L7 backend default of the chart (values.yaml@v1.16.19 loadBalancer.l7.backend: disabled)', () => {
    noFinding(
      doc('# cilium-version: 1.16\nloadBalancer:\n  l7:\n    algorithm: round_robbin\n'),
      'lb-l7-algorithm-invalid',
    );
    finding(
      doc('# cilium-version: 1.16\nloadBalancer:\n  l7:\n    backend: envoy\n    algorithm: round_robbin\n'),
      'lb-l7-algorithm-invalid',
    );
  });
});
