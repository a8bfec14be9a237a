// Document links from comments (core/links.ts): rule ids of rules we have and the version comment, only inside
// comments (not in quoted values or after a `#` glued to a word), and only whole ids.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { documentLinks } from '../../server/src/core/links';

const linked = (text: string) =>
  documentLinks(analyze(text, {}), text).map((l) => ({
    text: text.slice(l.range.start, l.range.end),
    target: l.target.kind === 'rule' ? l.target.rule : l.target.url,
  }));

describe('document links', () => {
  it('links the version comment and rule ids in comments, wherever the comment starts', () => {
    const text = [
      '# cilium-version: 1.18',
      '# cilium-lint: ignore host-routing-explicit-legacy',
      'bpf:',
      '  masquerade: true # see host-routing-explicit-legacy, then kube-proxy-replacement-x',
      '',
    ].join('\n');
    assert.deepEqual(linked(text), [
      { text: '1.18', target: 'https://docs.cilium.io/en/v1.18/helm-reference/' },
      { text: 'host-routing-explicit-legacy', target: 'host-routing-explicit-legacy' },
      { text: 'host-routing-explicit-legacy', target: 'host-routing-explicit-legacy' },
    ]);
  });

  it('leaves a # inside quotes or glued to a word, longer words and other YAML alone', () => {
    const text = [
      'bpf:',
      '  masquerade: true',
      'extraConfig:',
      '  a: "x # host-routing-explicit-legacy"',
      "  b: 'x # host-routing-explicit-legacy'",
      '  c: x#host-routing-explicit-legacy',
      '# host-routing-explicit-legacy-and-more xhost-routing-explicit-legacy',
      '',
    ].join('\n');
    assert.deepEqual(linked(text), []);
    assert.deepEqual(linked('kind: Deployment\n# host-routing-explicit-legacy\n'), []);
  });
});
