// What model/helmValues.ts decides, pinned where StrykerJS found nothing watching it (docs/mutation.md): chart
// defaults of every shape (numbers, lists, maps) come back as plain values equal to the chart's values.yaml; a path
// Helm has nothing at (a `~` default, a section the user nulled) is undefined, not a crash; a templated value stays
// unknown (not the masked text the render saw); without the chart's values only the user's lines count.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HelmValues } from '../../../server/src/core/model/helmValues';
import { TEMPLATED } from '../../../server/src/core/parse/tree';
import { doc, finding } from '../../helpers';

/** The effective values of a Helm values file, as the rules read them. */
function helmOf(text: string, version: '1.16' | '1.18'): HelmValues {
  const d = doc(`# cilium-version: ${version}\n${text}`);
  assert.ok(d.chart, 'the chart rendered');
  return new HelmValues(d.source.root, version, d.chart.render.values);
}

describe('chart defaults as plain values (install/kubernetes/cilium/values.yaml@v1.18.7)', () => {
  const helm = helmOf('kubeProxyReplacement: true\n', '1.18');

  it('a number, a list of maps and a map read as the chart writes them', () => {
    // l.2878 `replicas: 2` under operator.
    assert.deepEqual(helm.get('operator.replicas'), {
      value: 2,
      origin: { kind: 'chart-default', key: 'operator.replicas', version: '1.18' },
    });
    // l.2920-2928: four tolerations, each `key: …` with `operator: Exists`.
    assert.deepEqual(helm.get('operator.tolerations')?.value, [
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
      { key: 'node-role.kubernetes.io/master', operator: 'Exists' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
      { key: 'node.cloudprovider.kubernetes.io/uninitialized', operator: 'Exists' },
    ]);
    // l.141 and l.145: cluster.name "default", cluster.id 0.
    assert.deepEqual(helm.get('cluster')?.value, { name: 'default', id: 0 });
  });

  it("the user's own value keeps its line and is not marked templated", () => {
    const own = helm.get('kubeProxyReplacement');
    assert.equal(own?.value, true);
    assert.equal(own?.origin.kind, 'user');
    assert.equal(own?.origin.kind === 'user' && own.origin.templated, undefined);
  });
});

describe('where Helm has nothing, the answer is undefined', () => {
  it('a `~` default: the 1.16 chart leaves bpf.masquerade nil (values.yaml@v1.16.19 l.518)', () => {
    assert.equal(helmOf('kubeProxyReplacement: true\n', '1.16').get('bpf.masquerade'), undefined);
  });

  it('a path the chart does not have, and a path under a section the user nulled (Helm deletes it)', () => {
    const helm = helmOf('hubble: null\n', '1.16');
    assert.equal(helm.get('noSuchSection.enabled'), undefined);
    assert.equal(helm.get('hubble.enabled'), undefined);
    // The user's null line itself is still what they wrote.
    assert.equal(helm.user('hubble')?.value, null);
  });
});

describe('a templated value stays unknown', () => {
  it('encryption.enabled: ${ENC} reads as unknown, not as the masked text the render saw, nor as "off"', () => {
    const text = 'encryption:\n  enabled: ${ENC}\n  type: ipsek\n';
    const enabled = helmOf(text, '1.16').get('encryption.enabled');
    assert.equal(enabled?.origin.kind === 'user' && enabled.origin.templated, true);
    // The chart was rendered with the template masked (parse/templates.ts TEMPLATE_FILL), a string any rule
    // would take for a real word; the reader gets the unknown mark instead.
    assert.equal(enabled?.value, TEMPLATED);
    // So the wrong word is not excused as "encryption is off": it may well be on after substitution.
    const f = finding(doc(`# cilium-version: 1.16\n${text}`), 'encryption-type-invalid');
    assert.equal(f.severity, 'error');
    assert.doesNotMatch(f.message, /Encryption is off/);
  });

  it('hubble.enabled: ${HUBBLE} still has its metrics list checked', () => {
    finding(
      doc('# cilium-version: 1.16\nhubble:\n  enabled: ${HUBBLE}\n  metrics:\n    enabled: [dnsx]\n'),
      'hubble-metric-unknown',
    );
  });
});

describe('without the chart values (a values file Helm cannot read), only what the user wrote counts', () => {
  it('a user true is on, a user null and a missing key are nothing', () => {
    const d = doc('# cilium-version: 1.16\nencryption:\n  enabled: true\n  type: ipsek\nhubble:\n  enabled: null\n');
    const helm = new HelmValues(d.source.root, '1.16');
    assert.equal(helm.get('encryption.enabled')?.value, true);
    assert.equal(helm.get('hubble.enabled'), undefined);
    assert.equal(helm.get('bpf.masquerade'), undefined);
  });

  it('`MTU: .inf` (a number JSON cannot hold, so no chart render): the encryption rule reads the user line', () => {
    const on = doc('# cilium-version: 1.16\nMTU: .inf\nencryption:\n  enabled: true\n  type: ipsek\n');
    assert.equal(on.chart, undefined);
    assert.equal(finding(on, 'encryption-type-invalid').severity, 'error');
    const unset = doc('# cilium-version: 1.16\nMTU: .inf\nencryption:\n  type: ipsek\n');
    assert.equal(finding(unset, 'encryption-type-invalid').severity, 'warning');
  });
});
