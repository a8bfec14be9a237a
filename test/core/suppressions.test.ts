// Inline `# cilium-lint-disable…` directives: applied by the core after every rule, so the CLI and the editor
// hide the same findings, and a directive that hides nothing is itself reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/positions';

const all = (a: Analysis) => [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)];
const on = (text: string, a: Analysis, rule: string) =>
  all(a)
    .filter((f) => f.rule === rule)
    .map((f) => new LineIndex(text).position(f.range.start).line);

const BASE = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'bpf:',
  '  masquerade: true',
];
const withLines = (...extra: string[]) => [...BASE, ...extra, ''].join('\n');

describe('inline suppressions', () => {
  it('the file without directives has the findings the tests hide', () => {
    const text = withLines('  masqurade: true', '  hostLegacyRoutnig: true');
    const a = analyze(text);
    assert.deepEqual(on(text, a, 'unknown-key'), [7, 8]);
  });

  it('disable-next-line hides that rule on the next line only, and the reason after -- is ignored', () => {
    const text = withLines(
      '  # cilium-lint-disable-next-line unknown-key -- kept for the fork of the chart we run',
      '  masqurade: true',
      '  hostLegacyRoutnig: true',
    );
    const a = analyze(text);
    assert.deepEqual(on(text, a, 'unknown-key'), [9]);
    assert.deepEqual(on(text, a, 'unused-suppression'), []);
  });

  it('a directive for another rule hides nothing and is reported as unused (info)', () => {
    const text = withLines('  # cilium-lint-disable-next-line wrong-type', '  masqurade: true');
    const a = analyze(text);
    assert.deepEqual(on(text, a, 'unknown-key'), [8]);
    const unused = all(a).filter((f) => f.rule === 'unused-suppression');
    assert.equal(unused.length, 1);
    assert.equal(unused[0].severity, 'info');
    assert.match(unused[0].message, /wrong-type/);
    assert.equal(text.slice(unused[0].range.start, unused[0].range.end), '# cilium-lint-disable-next-line wrong-type');
  });

  it('a list of rules; a misspelt id is named as not a rule', () => {
    const text = withLines('  # cilium-lint-disable-next-line unknown-key, unknwn-key', '  masqurade: true');
    const a = analyze(text);
    assert.deepEqual(on(text, a, 'unknown-key'), []);
    const unused = all(a).filter((f) => f.rule === 'unused-suppression');
    assert.equal(unused.length, 1);
    assert.match(unused[0].message, /"unknwn-key" is not a rule id/);
  });

  it('stacked directives above one line both apply (comments and blank lines are skipped)', () => {
    const text = withLines(
      '  # cilium-lint-disable-next-line unknown-key',
      '',
      '  # another comment',
      '  masqurade: true',
    );
    const a = analyze(text);
    assert.deepEqual(on(text, a, 'unknown-key'), []);
    assert.deepEqual(on(text, a, 'unused-suppression'), []);
  });

  it('cilium-lint-disable RULE covers the whole file; without a rule, every rule', () => {
    const text = [
      '# cilium-lint-disable unknown-key -- generated file',
      ...BASE.slice(0),
      '  masqurade: true',
      '  hostLegacyRoutnig: true',
      '',
    ].join('\n');
    assert.deepEqual(on(text, analyze(text), 'unknown-key'), []);
    const everything = ['# cilium-lint-disable', withLines('  masqurade: true')].join('\n');
    const a = analyze(everything);
    assert.deepEqual(
      all(a)
        .filter((f) => f.rule !== 'unused-suppression' && f.severity !== 'info')
        .map((f) => f.rule),
      [],
    );
    const nothing = ['# cilium-lint-disable', ...BASE, ''].join('\n');
    assert.deepEqual(on(nothing, analyze(nothing), 'unused-suppression'), [1]);
  });

  it('a similar word is not a directive', () => {
    const text = withLines('  # cilium-lint-disabled-next-line unknown-key', '  masqurade: true');
    const a = analyze(text);
    assert.deepEqual(on(text, a, 'unknown-key'), [8]);
    assert.deepEqual(on(text, a, 'unused-suppression'), []);
  });

  it('works in a ConfigMap and in a wrapper (directives are plain YAML comments wherever they are)', () => {
    const text = [
      '# cilium-version: 1.16',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: cilium-config',
      'data:',
      '  # cilium-lint-disable-next-line configmap-value-not-string',
      '  enable-bpf-masquerade: true',
      '',
    ].join('\n');
    const a = analyze(text);
    assert.equal(a.documents.length, 1);
    assert.deepEqual(on(text, a, 'configmap-value-not-string'), []);
    const plain = analyze(text.replace('  # cilium-lint-disable-next-line configmap-value-not-string\n', ''));
    assert.ok(
      all(plain).some((f) => f.rule === 'configmap-value-not-string'),
      'the finding exists without the directive',
    );
  });
});
