// Facts of knowledge/keyHistory.ts checked by mutation testing (docs/mutation.md): the old kube-proxy replacement
// words and what replaced them, warned about only where the version still accepts them; and the advice rows
// against the generated catalog of the charts (values.yaml of every supported version).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyExistsIn } from '../../../server/src/core/knowledge/catalog';
import { deprecationOf } from '../../../server/src/core/knowledge/deprecatedValues';
import { adviceFor, KEY_ADVICE, KPR_LEGACY_VALUES } from '../../../server/src/core/knowledge/keyHistory';
import { NEWEST_VERSION } from '../../../server/src/core/version';
import { kprFacts } from '../../../server/src/core/knowledge/kprModes';
import { doc, finding, noFinding } from '../../helpers';

const values = (v: string, kpr: string) =>
  `# cilium-version: ${v}\nkubeProxyReplacement: ${kpr}\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n`;

describe('knowledge/keyHistory.ts: old kube-proxy replacement words', () => {
  it('each deprecated word of 1.14-1.15 has its modern spelling, and nothing else is listed', () => {
    // daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.54-58: strict, partial and disabled log "Deprecated value …
    // (use either "true", or "false")"; strict meant full replacement and disabled none (l.74-75).
    assert.deepEqual(Object.keys(KPR_LEGACY_VALUES).sort(), Object.keys(kprFacts('1.14').deprecated!).sort());
    assert.equal(KPR_LEGACY_VALUES.strict, 'true');
    assert.equal(KPR_LEGACY_VALUES.disabled, 'false');
    assert.match(KPR_LEGACY_VALUES.partial, /^false \(then enable the individual features you need\)$/);
  });

  it('1.14 and 1.15 warn about a deprecated word and say what to write', () => {
    for (const v of ['1.14', '1.15']) {
      const f = finding(doc(values(v, 'strict')), 'kpr-deprecated-value');
      assert.match(f.message, /^kubeProxyReplacement: strict is deprecated since 1\.14, .* Write true\.$/, v);
      assert.match(finding(doc(values(v, 'disabled')), 'kpr-deprecated-value').message, /Write false\.$/, v);
    }
  });

  it('probe is not "deprecated" on 1.14: agent and chart refuse it there, and that is the finding', () => {
    // The 1.14 agent accepts only strict, partial, disabled, true, false (kube_proxy_replacement.go@v1.14.19
    // l.46-51); the chart's check refuses anything else (templates/cilium-configmap.yaml@v1.14.19 l.69-71).
    for (const v of ['1.14', '1.15']) {
      const d = doc(values(v, 'probe'));
      noFinding(d, 'kpr-deprecated-value');
      finding(d, 'chart-kpr-invalid');
    }
  });

  it('no deprecation warning before 1.14 (the words are current) nor from 1.16 (they are refused)', () => {
    noFinding(doc(values('1.13', 'strict')), 'kpr-deprecated-value');
    const d16 = doc(values('1.16', 'strict'));
    noFinding(d16, 'kpr-deprecated-value');
    finding(d16, 'chart-kpr-invalid');
  });

  it('a word that only looks like a table key is not a deprecated word', () => {
    noFinding(doc(values('1.14', 'constructor')), 'kpr-deprecated-value');
  });
});

describe('knowledge/keyHistory.ts: advice for keys that moved', () => {
  it('each advised key is gone from the newest chart (or deprecated there), and each row is found by its key', () => {
    // values.yaml@v1.14.19 l.2128-2135 deprecates tunnel, gone from the 1.15 chart: the advice must know it.
    assert.ok(adviceFor('tunnel'));
    for (const a of KEY_ADVICE) {
      assert.match(a.key, /^[a-zA-Z][\w.]*$/, a.key);
      assert.equal(adviceFor(a.key), a, a.key);
      assert.ok(!keyExistsIn(a.key, NEWEST_VERSION) || deprecationOf(a.key, NEWEST_VERSION), a.key);
    }
  });

  it('a rename names a key the newest chart has and writes it as the replacement; other advice starts with a current key or says there is nothing', () => {
    for (const a of KEY_ADVICE) {
      if (a.renameTo) {
        assert.ok(keyExistsIn(a.renameTo, NEWEST_VERSION), `${a.key} → ${a.renameTo}`);
        assert.equal(a.replacement, a.renameTo, a.key);
      } else {
        const first = /^[\w.]+/.exec(a.replacement)?.[0] ?? '';
        assert.ok(first === 'nothing' || keyExistsIn(first, NEWEST_VERSION), `${a.key}: ${a.replacement}`);
        assert.ok(a.replacement.length > first.length, `${a.key}: the advice says more than a word`);
      }
    }
  });
});
