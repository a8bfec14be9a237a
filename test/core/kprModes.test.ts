// The kube-proxy replacement table (knowledge/kprModes.ts), each column checked against something written apart
// from it: the accepted and deprecated words against the chart's own check (rendered by the chart engine, whose
// failure message lists them), the agent's default and how it parses the value against the extracted key lists
// (configKeys.json), and the words for full replacement against the cited source lines written out below. Then
// every reader of the table: the agent model, the exit message, completion, the quick-fix and the chart note.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderChart } from '../../server/src/core/chart/helm/render';
import { completeAt } from '../../server/src/core/completion';
import { analyze } from '../../server/src/core/analyze';
import { configKeyInfo } from '../../server/src/core/knowledge/configKeys';
import {
  KPR_FACTS,
  KPR_SUCCESSORS,
  kprDeprecationNote,
  kprFacts,
  kprWordsText,
  type KprWord,
} from '../../server/src/core/knowledge/kprModes';
import { inRange, SUPPORTED_VERSIONS, type CiliumVersion } from '../../server/src/core/version';
import { doc, finding, noFinding } from '../helpers';

const ALL_WORDS: KprWord[] = ['true', 'false', 'strict', 'partial', 'probe', 'disabled'];

/** The chart's own refusal of a word (its `fail` message), or undefined when it renders. */
function chartRefusal(v: CiliumVersion, values: string): string | undefined {
  const r = renderChart(v, values, { templates: 'configmap' })!;
  return r.failures.find((f) => /kube[pP]roxyReplacement/.test(f.message))?.message;
}

const cm = (v: string, value: string) =>
  `# cilium-version: ${v}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n  kube-proxy-replacement: "${value}"\n`;

describe('the kube-proxy replacement table', () => {
  it('has exactly one row for every supported version, oldest first', () => {
    for (const v of SUPPORTED_VERSIONS)
      assert.equal(KPR_FACTS.filter((f) => inRange(v, f.since, f.until)).length, 1, v);
  });

  it("accepted and deprecated words are the ones the chart's own check lists", () => {
    for (const v of SUPPORTED_VERSIONS) {
      const f = kprFacts(v);
      const message = chartRefusal(v, 'kubeProxyReplacement: "bogus"\n');
      assert.ok(message, `${v}: the chart refuses an unknown word`);
      const list = message.slice(message.indexOf('('), message.lastIndexOf(')'));
      const listed = [...list.matchAll(/\b(true|false|strict|partial|probe|disabled)\b( \(deprecated\))?/g)];
      assert.deepEqual(listed.map((m) => m[1]).sort(), [...f.words].sort(), `${v}: ${message}`);
      assert.deepEqual(
        listed
          .filter((m) => m[2])
          .map((m) => m[1])
          .sort(),
        Object.keys(f.deprecated ?? {}).sort(),
        `${v} deprecated: ${message}`,
      );
      for (const w of ALL_WORDS) {
        const refused = chartRefusal(v, `kubeProxyReplacement: "${w}"\n`);
        assert.equal(refused === undefined, f.words.includes(w), `${v} ${w}`);
      }
      // Case matters to the chart as to the agent.
      assert.ok(
        chartRefusal(v, `kubeProxyReplacement: "${f.words[0].toUpperCase()}"\n`),
        `${v}: upper case is refused`,
      );
    }
  });

  it("the agent's default and how it reads the value are the extracted flag's", () => {
    for (const v of SUPPORTED_VERSIONS) {
      const info = configKeyInfo('kube-proxy-replacement', v)!;
      const agentDefault = /^agent: ([^;]+)/.exec(info.default)?.[1] ?? info.default;
      assert.equal(kprFacts(v).agentDefault, agentDefault, v);
      assert.equal(kprFacts(v).parse, info.types.agent === 'bool' ? 'bool' : 'words', `${v}: ${info.types.agent}`);
    }
  });

  // Full replacement: `strict` (daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.84-85, @v1.13.18 l.73), `strict`
  // or `true` (@v1.14.19 l.74-75, @v1.15.19 l.74-75), `true` (@v1.16.19 l.49, @v1.17.13 l.48, then a bool).
  it('the words for full replacement and for none', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const f = kprFacts(v);
      const expected = inRange(v, undefined, '1.13')
        ? ['strict']
        : inRange(v, '1.14', '1.15')
          ? ['true', 'strict']
          : ['true'];
      assert.deepEqual([...f.full], expected, v);
      assert.equal(f.off, f.words.includes('false') ? 'false' : 'disabled', v);
      for (const w of [...f.full, f.off]) assert.ok(f.words.includes(w), `${v}: ${w} is accepted`);
    }
  });

  it('the chart note names what an old upgradeCompatibility does', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const refused = chartRefusal(v, 'upgradeCompatibility: "1.10"\n');
      assert.equal(refused !== undefined, kprFacts(v).chartNote !== undefined, `${v}: ${refused}`);
    }
  });
});

describe('readers of the kube-proxy replacement table', () => {
  it('the agent model: every accepted word is a mode, anything else (other case too) stops the agent', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const f = kprFacts(v);
      for (const w of ALL_WORDS) {
        const d = doc(cm(v, w));
        if (f.words.includes(w)) noFinding(d, 'kpr-invalid-value');
        else finding(d, 'kpr-invalid-value');
        assert.equal(d.datapath.kubeProxyReplacement.enabled, f.full.includes(w), `${v} ${w}`);
      }
      const upper = doc(cm(v, 'True'));
      if (f.parse === 'bool') noFinding(upper, 'kpr-invalid-value');
      else finding(upper, 'kpr-invalid-value');
    }
  });

  it("the agent's default applies when the key is absent", () => {
    for (const v of SUPPORTED_VERSIONS) {
      const d = doc(cm(v, 'x').replace(/  kube-proxy-replacement: "x"\n/, '  enable-ipv4: "true"\n'));
      assert.equal(d.agent.kpr.raw, kprFacts(v).agentDefault, v);
    }
  });

  it('completion offers the accepted words, the deprecated ones marked', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const text = `# cilium-version: ${v}\nkubeProxyReplacement: `;
      const items = completeAt(analyze(text), text, text.length);
      assert.deepEqual(
        items.map((i) => i.label),
        [...kprFacts(v).words],
        v,
      );
      assert.deepEqual(
        items
          .filter((i) => i.deprecated)
          .map((i) => i.label)
          .sort(),
        Object.keys(kprFacts(v).deprecated ?? {}).sort(),
        v,
      );
    }
  });

  it('messages list the accepted words, the deprecated ones apart (one sentence per kind of row)', () => {
    assert.equal(kprWordsText('1.12'), 'disabled, partial, strict or probe');
    assert.equal(kprWordsText('1.14'), 'true, false, or the deprecated strict, partial, disabled');
    assert.equal(kprWordsText('1.16'), 'true or false');
  });

  it('a deprecated word says since when it is deprecated, from when it is refused, and what to write instead', () => {
    // 1.14 deprecated strict, partial and disabled (kube_proxy_replacement.go@v1.14.19 l.46-58); 1.16 refuses them.
    assert.equal(kprDeprecationNote('strict', '1.14'), 'deprecated since 1.14, refused from 1.16: write true');
    assert.equal(kprDeprecationNote('disabled', '1.15'), 'deprecated since 1.14, refused from 1.16: write false');
    assert.equal(
      kprDeprecationNote('partial', '1.15'),
      'deprecated since 1.14, refused from 1.16: write false and turn on the features you need one by one',
    );
    assert.equal(kprDeprecationNote('true', '1.14'), undefined);
    assert.equal(kprDeprecationNote('strict', '1.13'), undefined);
  });

  it('the old words a fix can rename are the deprecated ones with a single successor (partial has none)', () => {
    assert.deepEqual(KPR_SUCCESSORS, { strict: 'true', disabled: 'false' });
  });

  it('the exit message lists the accepted words', () => {
    for (const v of SUPPORTED_VERSIONS.filter((x) => kprFacts(x).parse === 'words')) {
      const message = finding(doc(cm(v, 'bogus')), 'kpr-invalid-value').message;
      for (const w of kprFacts(v).words) assert.match(message, new RegExp(`\\b${w}\\b`), `${v}: ${message}`);
    }
  });
});
