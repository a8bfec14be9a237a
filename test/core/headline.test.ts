// Messages people can act on: every diagnostic starts with one sentence of at most 120 characters, and nothing of
// the full message is lost (the rest goes below it). Checked over the whole corpus at every supported version, the
// examples, and inputs that trigger the rules the corpus does not.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { HEADLINE_MAX, sentences, splitMessage } from '../../server/src/core/rules/headline';
import type { Finding } from '../../server/src/core/types';
import { RULES } from '../../server/src/core/rules/defs/index';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';

const root = findRepoRoot();
const CORPUS = path.resolve(root, '../shared/corpus/real');

/** Inputs for rules the corpus does not trigger (each names the rule it is for). */
const EXTRA: [string, string][] = [
  ['1.16', 'kubeProxyReplacement: false\nbpf:\n  masquerade: true\nenableIPv4Masquerade: true\n'],
  ['1.16', 'kubeProxyReplacement: strict\n'],
  ['1.19', 'kubeProxyReplacement: true\nroutingMode: tunnel\nautoDirectNodeRoutes: true\n'],
  ['1.19', 'kubeProxyReplacement: true\nroutingMode: native\nenableIPv4Masquerade: true\n'],
  ['1.19', 'kubeProxyReplacement: true\nbpf:\n  tproxy: true\n  datapathMode: netkit\n'],
  ['1.19', 'kubeProxyReplacement: true\nloadBalancer:\n  mode: dsr\n'],
  ['1.13', 'kubeProxyReplacement: strict\nendpointRoutes:\n  enabled: true\nenableIPv4Masquerade: true\n'],
  ['1.19', 'kubeProxyReplacement: true\nipam:\n  mode: eni\nroutingMode: tunnel\n'],
  ['1.19', 'kubeProxyReplacement: true\nprometheus:\n  serviceMonitor:\n    enabled: true\n'],
  [
    '1.19',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n  kube-proxy-replacement: "disabled"\n  unmanaged-pod-watcher-interval: "15"\n  bpf-lb-bypass-fib-lookup: "true"\n  netfilter-compatible-mode: "true"\n',
  ],
];

function findingsOf(text: string, version: string, file = 'values.yaml'): Finding[] {
  const a = analyze(text, { version, path: file, assumeCilium: true });
  return [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)];
}

function everyFinding(): Finding[] {
  const out: Finding[] = [];
  for (const name of readdirSync(CORPUS).filter((n) => /\.ya?ml$/.test(n))) {
    const text = readFileSync(path.join(CORPUS, name), 'utf8');
    for (const v of SUPPORTED_VERSIONS) out.push(...findingsOf(text, v, name));
  }
  for (const name of readdirSync(path.join(root, 'examples')).filter((n) => /\.ya?ml$/.test(n))) {
    const text = readFileSync(path.join(root, 'examples', name), 'utf8');
    for (const v of SUPPORTED_VERSIONS) out.push(...findingsOf(text, v, name));
  }
  for (const [v, text] of EXTRA) out.push(...findingsOf(text, v));
  return out;
}

describe('diagnostic headlines', () => {
  const all = everyFinding();

  // A rule's own headline (its `headline`) is what the editor shows for its bad example: the code is alive, and it
  // fits. configmap-value-stops-agent writes one only for a key or value too long for its first sentence.
  it('every rule that writes its own headline shows it for one of its bad examples', () => {
    const unused = RULES.filter((r) => r.headline && r.examples.length > 0 && r.id !== 'configmap-value-stops-agent')
      .filter(
        (r) =>
          !r.examples.some((ex) =>
            findingsOf(ex.bad, ex.version).some((f) => {
              const own = f.rule === r.id ? r.headline!(f) : undefined;
              return own !== undefined && own.length <= HEADLINE_MAX && splitMessage(f).headline === own;
            }),
          ),
      )
      .map((r) => r.id);
    assert.deepEqual(unused, []);
  });

  it('covers many rules', () => {
    const rules = new Set(all.map((f) => f.rule));
    assert.ok(rules.size >= 40, `only ${rules.size} rules triggered`);
  });

  it(`every diagnostic starts with one sentence of at most ${HEADLINE_MAX} characters`, () => {
    const long = all
      .map((f) => [f.rule, splitMessage(f).headline] as const)
      .filter(([, h]) => h.length > HEADLINE_MAX || h.length < 10);
    assert.deepEqual([...new Map(long)].slice(0, 10), []);
  });

  it('headlines end a sentence and carry no arrows or internal shorthand', () => {
    for (const f of all) {
      const h = splitMessage(f).headline;
      assert.match(h, /[.!?"`)]$/, `${f.rule}: ${h}`);
      assert.doesNotMatch(h, /→/, `${f.rule}: ${h}`);
    }
  });

  it('loses nothing: the quoted agent or Helm words and every further sentence are in the details', () => {
    for (const f of all) {
      const { headline, details } = splitMessage(f);
      const joined = [headline, ...details].join(' ');
      const quote =
        /(Agent log|The agent exits with|helm fails with|Cilium says|cilium-agent says|cilium-operator says|cilium-agent and cilium-operator say)( if it were first)?: "[^]*$/.exec(
          f.message,
        )?.[0];
      if (quote) assert.ok(joined.includes(quote), `${f.rule}: lost ${quote}`);
      const ours = quote ? f.message.slice(0, f.message.indexOf(quote)) : f.message;
      for (const s of sentences(ours.trim())) assert.ok(joined.includes(s), `${f.rule}: lost "${s}"`);
    }
  });

  it('says the endpoint-routes fallback in plain words (no "bypasses cilium_host → Legacy")', () => {
    const f = findingsOf('kubeProxyReplacement: strict\nendpointRoutes:\n  enabled: true\n', '1.13').find(
      (x) => x.rule === 'host-routing-endpoint-routes',
    )!;
    assert.equal(
      splitMessage(f).headline,
      'Per-endpoint routes make Host Routing Legacy on Cilium 1.13; from 1.14 both work together.',
    );
  });
});

describe('splitMessage remembers what it split', () => {
  it('answers by rule, key and message, each caller with its own copy', () => {
    const long =
      'The agent reads this key at start-up and refuses every value it does not know, so it stops before it serves a single pod; the chart copies it unchanged. Set one of the documented words.';
    const a: Finding = { rule: 'configmap-wrong-type', severity: 'error', message: long, range: { start: 0, end: 1 } };
    const first = splitMessage(a);
    first.details.push('changed by a caller');
    assert.deepEqual(splitMessage(a), { ...first, details: first.details.slice(0, -1) });
    // The same message under another key or rule is another headline (the rule's own headline names the key).
    assert.notEqual(splitMessage({ ...a, key: 'bpf.masquerade' }).headline, splitMessage(a).headline);
    assert.notEqual(splitMessage({ ...a, rule: 'unknown-key' }).headline, splitMessage(a).headline);
  });
});
