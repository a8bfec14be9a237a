import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';

const rulesOf = (text: string, version = '1.19') =>
  analyze(text, { version, path: 'values.yaml', assumeCilium: true }).documents.flatMap((d) =>
    d.findings.map((f) => f.rule),
  );

describe('findings of a document whose YAML does not parse', () => {
  // Corpus 011 (HidoraSwiss/kubernetes-kvm): column-0 comments end the valuesContent block scalar after its
  // first line, so the values read are only `cilium:`; the rest of the file is a syntax error.
  const rke2 = [
    'apiVersion: helm.cattle.io/v1',
    'kind: HelmChartConfig',
    'metadata:',
    '  name: rke2-cilium',
    '  namespace: kube-system',
    'spec:',
    '  valuesContent: |-',
    '    cilium:',
    '#      kubeProxyReplacement: "strict"',
    '      operator:',
    '        replicas: 1',
    '      l7Proxy: false',
    '',
  ].join('\n');

  it('reports only the syntax error when the values were cut short by it', () => {
    const a = analyze(rke2);
    const rules = a.documents.flatMap((d) => d.findings.map((f) => f.rule));
    assert.ok(rules.includes('yaml-syntax'), rules.join(', '));
    // Before: "cilium is not a value", "KPR off" and "iptables masquerading" were stated from the broken parse.
    assert.deepEqual(
      rules.filter((r) => r !== 'yaml-syntax'),
      [],
    );
  });

  it('the same values, indented correctly, are analysed (the rule is about the error, not the wrapper)', () => {
    const fixed = rke2.replace('#      kubeProxyReplacement: "strict"', '      # kubeProxyReplacement: "strict"');
    const rules = analyze(fixed).documents.flatMap((d) => d.findings.map((f) => f.rule));
    assert.ok(!rules.includes('yaml-syntax'));
    assert.ok(rules.includes('host-routing-kpr-off'), rules.join(', '));
  });

  const values = [
    'tunnel: vxlan',
    'hubble:',
    '  relay:',
    '    enabled: true',
    ' bad: indent',
    'hostServices:',
    '  enabled: true',
    '',
  ].join('\n');

  it('keeps a finding on a written value before the error, drops those after it and those from defaults', () => {
    const rules = rulesOf(values);
    assert.ok(rules.includes('yaml-syntax'), rules.join(', '));
    // `tunnel` (line 1) is before the error: still a removed key, whatever follows.
    assert.equal(rules.filter((r) => r !== 'yaml-syntax').length > 0, true, rules.join(', '));
    const a = analyze(values, { version: '1.19', path: 'values.yaml', assumeCilium: true });
    const findings = a.documents.flatMap((d) => d.findings);
    const errorAt = Math.min(...findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.range.start));
    assert.ok(
      findings.some((f) => f.rule !== 'yaml-syntax' && f.range.start < errorAt),
      'the tunnel finding before the error is kept',
    );
    assert.deepEqual(
      findings.filter((f) => f.rule !== 'yaml-syntax' && f.range.start >= errorAt).map((f) => f.rule),
      [],
      'nothing after the error',
    );
    assert.deepEqual(
      findings.filter((f) => f.fromDefaults).map((f) => f.rule),
      [],
      'nothing decided by defaults',
    );
  });

  it('without the error, the keys after it and the defaults are reported again', () => {
    const a = analyze(values.replace(' bad: indent\n', ''), {
      version: '1.19',
      path: 'values.yaml',
      assumeCilium: true,
    });
    const findings = a.documents.flatMap((d) => d.findings);
    assert.ok(
      findings.some((f) => f.key === 'hostServices' || f.key === 'hostServices.enabled'),
      findings.map((f) => `${f.rule}:${f.key}`).join(', '),
    );
    assert.ok(
      findings.some((f) => f.fromDefaults),
      'defaults-based findings exist when the file parses',
    );
  });
});
