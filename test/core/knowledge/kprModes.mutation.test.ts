// Facts of knowledge/kprModes.ts that test/core/kprModes.test.ts left open, found by mutation testing
// (docs/mutation.md): every row says where it was read, and the chart note reaches the chart failure's message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KPR_FACTS, kprFacts } from '../../../server/src/core/knowledge/kprModes';
import { tagOf } from '../../../server/src/core/knowledge/versions';
import { OLDEST_VERSION, versionRow } from '../../../server/src/core/version';
import { doc, finding } from '../../helpers';

describe('knowledge/kprModes.ts', () => {
  it("every row cites the agent's check, the agent's default and the chart's check at the tag of its first version", () => {
    for (const f of KPR_FACTS) {
      const tag = tagOf(versionRow(f.since ?? OLDEST_VERSION));
      assert.equal(tag, `v${versionRow(f.since ?? OLDEST_VERSION).release}`);
      assert.deepEqual(Object.keys(f.cite).sort(), ['agent', 'chart', 'default'], `${f.since ?? ''}..${f.until ?? ''}`);
      for (const [what, cite] of Object.entries(f.cite)) {
        const label = `${f.since ?? ''}..${f.until ?? ''} ${what}: ${cite}`;
        assert.match(cite, /^[\w./-]+\.(go|yaml)@v\d+\.\d+\.\d+ l\.\d+/, label);
        assert.ok(cite.includes(`@${tag}`), label);
        assert.match(cite, what === 'chart' ? /^templates\/[\w-]+\.yaml@/ : /\.go@/, label);
      }
    }
  });

  it('the chart failure explains that an old upgradeCompatibility makes the chart default to probe (1.13-1.17)', () => {
    // templates/cilium-configmap.yaml@v1.14.19 l.32 and l.36-38: an upgradeCompatibility below 1.12 leaves the
    // chart's KPR default at "probe", which its own check at l.69-71 then refuses; the 1.18 values.yaml sets
    // kubeProxyReplacement: "false" itself (values.yaml@v1.18.7 l.2132), so the default no longer matters.
    for (const v of ['1.13', '1.14', '1.15', '1.16', '1.17'] as const) {
      const message = finding(
        doc(`# cilium-version: ${v}\nupgradeCompatibility: "1.10"\n`),
        'chart-kpr-invalid',
      ).message;
      assert.ok(kprFacts(v).chartNote, v);
      assert.ok(message.includes(`; ${kprFacts(v).chartNote})`), `${v}: ${message}`);
      assert.match(kprFacts(v).chartNote!, /upgradeCompatibility below 1\.12 .* default is probe/, v);
    }
  });
});
