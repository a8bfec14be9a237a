// Facts of knowledge/enumValues.ts that test/core/enumValues.test.ts left open, found by mutation testing
// (docs/mutation.md): the words of the agent's refusal, the 1.20 pre-release the rules cite, which spec completion
// offers for a ConfigMap key and in which versions, and what the helpers give for a version a spec does not cover.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedIn, enumSpecFor, R120, type EnumSpec } from '../../../server/src/core/knowledge/enumValues';
import { VALUE_WORD_RULES } from '../../../server/src/core/rules/defs/index';
import { versionRow } from '../../../server/src/core/version';
import { configMapText, doc, finding } from '../../helpers';

const spec = (over: Partial<EnumSpec>): EnumSpec => ({
  id: 'test-words',
  severity: 'error',
  what: 'test word',
  sets: [{ values: ['a', 'b'] }],
  cite: 'none',
  consequence: () => undefined,
  ...over,
});

describe('knowledge/enumValues.ts', () => {
  it('R120 is the 1.20 pre-release tag and commit of the version table, as the rules cite it', () => {
    const row = versionRow('1.20');
    assert.equal(R120, `@v${row.release} (${row.commit.slice(0, 8)})`);
    const citing = VALUE_WORD_RULES.filter((r) => r.cite.includes(R120)).map((r) => r.id);
    assert.ok(citing.includes('lb-mode-invalid') && citing.includes('datapath-mode-invalid'), citing.join(' '));
  });

  it('a refused word says the agent refuses to start, then quotes the agent', () => {
    // 1.18+: the load-balancer words are parsed whatever kube-proxy replacement says (refusedFrom('1.18', ...)).
    const d = doc(configMapText('1.19', { 'bpf-lb-mode': 'dsrr' }));
    const f = finding(d, 'lb-mode-invalid');
    assert.match(
      f.message,
      /The agent refuses to start\. The agent exits with: "Invalid value for --bpf-lb-mode: dsrr"/,
    );
  });

  it('completion finds the spec by its ConfigMap key too, only in the versions it covers', () => {
    assert.equal(enumSpecFor(VALUE_WORD_RULES, 'bpf-lb-mode', '1.19')?.id, 'lb-mode-invalid');
    assert.equal(enumSpecFor(VALUE_WORD_RULES, 'loadBalancer.mode', '1.19')?.id, 'lb-mode-invalid');
    // underlayProtocol: from 1.18 (values.yaml@v1.18.7 l.2816, absent @v1.17.13); loadBalancer.l7.algorithm from 1.13
    // (values.yaml@v1.13.18 l.1633, absent @v1.12.19).
    assert.equal(enumSpecFor(VALUE_WORD_RULES, 'underlay-protocol', '1.18')?.id, 'underlay-protocol-invalid');
    assert.equal(enumSpecFor(VALUE_WORD_RULES, 'underlayProtocol', '1.17'), undefined);
    assert.equal(enumSpecFor(VALUE_WORD_RULES, 'underlay-protocol', '1.17'), undefined);
    assert.equal(enumSpecFor(VALUE_WORD_RULES, 'loadBalancer.l7.algorithm', '1.12'), undefined);
    assert.equal(enumSpecFor(VALUE_WORD_RULES, 'no-such-key', '1.19'), undefined);
  });

  it("allowedIn: nothing outside the spec's own versions, and nothing (no throw) where no set applies", () => {
    const bounded = spec({ since: '1.18', sets: [{ values: ['a'] }] });
    assert.equal(allowedIn(bounded, '1.17'), undefined);
    assert.deepEqual(allowedIn(bounded, '1.18'), ['a']);
    const gap = spec({
      sets: [
        { until: '1.13', values: ['a'] },
        { since: '1.16', values: ['b'] },
      ],
    });
    assert.equal(allowedIn(gap, '1.14'), undefined);
    assert.deepEqual(allowedIn(gap, '1.13'), ['a']);
    assert.deepEqual(allowedIn(gap, '1.21'), ['b']);
  });
});
