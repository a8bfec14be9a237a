// A key written with a dot in its name (`eni.enabled: true`) is one key to YAML and Helm: the chart reads
// `.Values.eni.enabled` and never sees it. Reported as a warning, with a fix that nests it, keeps its comment
// and merges into a mapping that is already there; the fixed file parses to the intended value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { fixAllEdits } from '../../server/src/core/fixes/index';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { doc, finding, noFinding, rules } from '../helpers';

function fixOnce(text: string, version: string): string {
  const f = finding(doc(text, { version }), 'dotted-key');
  assert.ok(f.fixes && f.fixes.length > 0, 'no fix offered');
  return applyEdits(text, f.fixes[0].edits);
}

describe('dotted keys', () => {
  it('eni.enabled at the top is a warning on the key, and the chart does not see it', () => {
    const text = 'kubeProxyReplacement: true\neni.enabled: true\n';
    const d = doc(text, { version: '1.16' });
    const f = finding(d, 'dotted-key');
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.range.start, f.range.end), 'eni.enabled');
    assert.match(f.message, /eni: with enabled: indented below it/);
    // Not an unknown key too: one finding for one mistake.
    noFinding(d, 'unknown-key');
    // The model agrees with Helm: the dotted key changes nothing the agent gets, as if the line were absent,
    // while the nested key is seen (on 1.16 ENI mode changes what the chart writes for the agent).
    const agentOf = (t: string) => JSON.stringify(doc(t, { version: '1.16' }).agent);
    assert.equal(agentOf(text), agentOf('kubeProxyReplacement: true\n'));
    assert.notEqual(
      agentOf('kubeProxyReplacement: true\neni:\n  enabled: true\n'),
      agentOf('kubeProxyReplacement: true\n'),
    );
  });

  it('the fix nests it, keeps the comment, and the result parses to the intended value', () => {
    const text = '# my cluster\nkubeProxyReplacement: true\neni.enabled: true # AWS\nipam:\n  mode: eni\n';
    const fixed = fixOnce(text, '1.16');
    assert.deepEqual(parse(fixed).eni, { enabled: true });
    assert.equal(parse(fixed)['eni.enabled'], undefined);
    assert.match(fixed, /# AWS/);
    assert.match(fixed, /# my cluster/);
    noFinding(doc(fixed, { version: '1.16' }), 'dotted-key');
  });

  it('merges into an existing mapping', () => {
    const text = 'kubeProxyReplacement: true\neni:\n  awsEnablePrefixDelegation: true  # keep\neni.enabled: true\n';
    const fixed = fixOnce(text, '1.16');
    assert.deepEqual(parse(fixed).eni, { awsEnablePrefixDelegation: true, enabled: true });
    assert.match(fixed, /awsEnablePrefixDelegation: true {2}# keep/);
  });

  it('works below a mapping (bpf: distributedLRU.enabled:) and for longer paths', () => {
    const text = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n  distributedLRU.enabled: true\n';
    const f = finding(doc(text, { version: '1.19' }), 'dotted-key');
    assert.equal(f.key, 'bpf.distributedLRU.enabled');
    const fixed = fixOnce(text, '1.19');
    assert.deepEqual(parse(fixed).bpf, { masquerade: true, distributedLRU: { enabled: true } });
    const deep = 'kubeProxyReplacement: true\nhubble.relay.enabled: true\n';
    assert.deepEqual(parse(fixOnce(deep, '1.19')).hubble, { relay: { enabled: true } });
  });

  it("offers no fix when the nested key is written too (which one is meant is the user's call)", () => {
    const text = 'kubeProxyReplacement: true\neni:\n  enabled: false\neni.enabled: true\n';
    const f = finding(doc(text, { version: '1.16' }), 'dotted-key');
    assert.equal(f.fixes, undefined);
  });

  it('dots that belong in a key are left alone: free-form maps and keys the chart does not know', () => {
    const text =
      'kubeProxyReplacement: true\npodAnnotations:\n  prometheus.io/scrape: "true"\nnodeSelector:\n  kubernetes.io/os: linux\nmy.custom: 1\n';
    const d = doc(text, { version: '1.16' });
    noFinding(d, 'dotted-key');
    assert.ok(!rules(d).includes('dotted-key'));
  });

  it('fix-all nests it too', () => {
    const text = 'kubeProxyReplacement: true\neni.enabled: true\nbpf:\n  masquerade: true\n';
    const fixed = applyEdits(text, fixAllEdits(text, { version: '1.16' }));
    assert.deepEqual(parse(fixed).eni, { enabled: true });
  });
});
