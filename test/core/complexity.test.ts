// Freezes (issue 10): inputs that made the analysis super-linear. No wall-clock limit anywhere: each test either
// counts the steps of an instrumented loop, or compares, in one run, the time of `factor` analyses of a small
// input with one analysis of an input `factor` times larger. Linear work gives a ratio near 1, quadratic work
// a ratio near `factor`, exponential work far more; the threshold sits in between with generous slack.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { verdictOf } from '../../server/src/core/explain';
import { maskSteps, maskTemplates, TEMPLATE_FILL } from '../../server/src/core/parse/templates';
import { parseYamlFile, templateBranchSteps } from '../../server/src/core/parse/yamlFile';
import { keyIndexSteps } from '../../server/src/core/parse/tree';
import { configKeysIn } from '../../server/src/core/knowledge/configKeys';
import { suggestAmong, suggestSteps } from '../../server/src/core/rules/configKeySuggest';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { capFindings, MAX_FINDINGS_PER_DOCUMENT } from '../../server/src/core/rules/cap';
import type { Finding } from '../../server/src/core/types';

/** Best of five: the least disturbed measurement on a shared machine (GC pauses, other processes). */
function bestTime(run: () => void, trials = 5): number {
  let best = Infinity;
  for (let trial = 0; trial < trials; trial++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Time of one run on the big input over the time of `factor` runs on the small one (same total input size).
 * ≈1 for linear work, ≈factor for quadratic.
 */
function growth(small: string, big: string, factor: number, work: (text: string) => void, trials = 5): number {
  work(small); // warm up the JIT and any lazily built tables
  work(big);
  const smallTime = bestTime(() => {
    for (let i = 0; i < factor; i++) work(small);
  }, trials);
  const bigTime = bestTime(() => work(big), trials);
  return bigTime / Math.max(smallTime, 0.001);
}

describe('template masking is linear', () => {
  it('a line of `{{a}}` × k (exponential regex before): work per character does not grow with k', () => {
    // 10 → 16 repetitions: the old regex took 2^6 = 64 times longer, per character ~40 times.
    const make = (k: number) => `${'{{a}}'.repeat(k)}x\n`;
    const small = make(10);
    const big = make(16);
    const ratio = growth(small.repeat(16), big.repeat(10), 1, (t) => maskTemplates(t));
    assert.ok(ratio < 4, `masking ${big.length * 10} chars took ${ratio.toFixed(1)}x the time of ${small.length * 16}`);
    maskSteps.count = 0;
    maskTemplates(big);
    assert.ok(maskSteps.count <= big.length + 2, `${maskSteps.count} steps for ${big.length} characters`);
  });

  for (const [label, unit] of [
    ['`${`', '${'],
    ['`{{`', '{{'],
    ['`%{`', '%{'],
  ] as const) {
    it(`a line \`a: \` + ${label} × N (quadratic before): 8x N costs about 8x`, () => {
      const make = (n: number) => `a: ${unit.repeat(n)}\n`;
      const ratio = growth(make(2_000), make(16_000), 8, (t) => maskTemplates(t));
      assert.ok(ratio < 3, `8x the input took ${(ratio * 8).toFixed(1)}x the time`);
    });
  }

  it('the whole analysis of `a: ${` × N grows linearly too', () => {
    const make = (n: number) => `# cilium-version: 1.16\nkubeProxyReplacement: true\na: ${'${'.repeat(n)}\n`;
    const ratio = growth(make(2_000), make(16_000), 8, (t) => analyze(t), 3);
    assert.ok(ratio < 3, `8x the input took ${(ratio * 8).toFixed(1)}x the time`);
  });

  it('masking keeps the semantics: a control line is blanked, inline templates keep their width', () => {
    const text = '{{- if .Values.x }}\nk: {{ .Values.k }}\nre: ${1}\ntf: %{ if a }x%{ endif }\n{{ a }} b {{ c }}\n';
    const m = maskTemplates(text);
    assert.equal(m.text.length, text.length);
    assert.equal(
      m.text,
      `${' '.repeat(19)}\nk: ${TEMPLATE_FILL.repeat(15)}\nre: \${1}\ntf: ${' '.repeat(9)}x${' '.repeat(10)}\n${' '.repeat(17)}\n`,
    );
    assert.deepEqual(
      m.templates.map((t) => text.slice(t.start, t.end)),
      ['{{- if .Values.x }}', '{{ .Values.k }}', '%{ if a }', '%{ endif }', '{{ a }} b {{ c }}'],
    );
  });
});

describe('duplicate keys across template branches are found in n log n', () => {
  it('`{{ if .x }}` / `k: 1` × N (quadratic before): steps grow like N log N', () => {
    const make = (n: number) => '{{ if .x }}\nk: 1\n'.repeat(n);
    const stepsFor = (n: number) => {
      templateBranchSteps.count = 0;
      parseYamlFile(make(n));
      return templateBranchSteps.count;
    };
    const small = stepsFor(1_000);
    const big = stepsFor(8_000);
    assert.ok(small > 0, 'the counter must see the work');
    assert.ok(big / small < 8 * 1.5, `steps ${small} → ${big} for 8x the lines`);
  });

  it('keys in two template branches are still not duplicates, keys with no branch between still are', () => {
    const branches = parseYamlFile('{{ if .x }}\nk: 1\n{{ else }}\nk: 2\n{{ end }}\n');
    assert.deepEqual(
      branches.problems.map((p) => p.code),
      [],
    );
    const plain = parseYamlFile('{{ if .x }}\nk: 1\nk: 2\n{{ end }}\n');
    assert.deepEqual(
      plain.problems.map((p) => p.code),
      ['DUPLICATE_KEY'],
    );
  });
});

describe('verdicts of many documents are linear', () => {
  it('one verdict per document: 16x the documents costs about 16x (quadratic before)', () => {
    const make = (n: number) => `# cilium-version: 1.16\n${'kubeProxyReplacement: true\n---\n'.repeat(n)}`;
    const smallText = make(250);
    const bigText = make(4_000);
    const small = analyze(smallText);
    const big = analyze(bigText);
    assert.equal(big.documents.length, 4_000);
    // Quadratic work would give a ratio near 16; linear work near 1.
    // Each measurement repeats the verdicts 20 times: one pass over 4,000 documents is only milliseconds.
    const ratio = growth(smallText, bigText, 16, (t) => {
      const a = t === smallText ? small : big;
      for (let r = 0; r < 20; r++) for (const d of a.documents) verdictOf(d, t);
    });
    assert.ok(ratio < 5, `16x the documents took ${(ratio * 16).toFixed(1)}x the time`);
    // And the lines are right: document i starts on line 1 + 2i (0-based).
    assert.deepEqual(
      big.documents.slice(0, 3).map((d) => verdictOf(d, bigText).line),
      [1, 3, 5],
    );
    assert.equal(verdictOf(big.documents[3_999], bigText).line, 1 + 2 * 3_999);
  });

  it('the whole analysis of N documents grows linearly', () => {
    const make = (n: number) => `# cilium-version: 1.16\n${'kubeProxyReplacement: true\n---\n'.repeat(n)}`;
    const ratio = growth(make(100), make(800), 8, (t) => analyze(t), 3);
    assert.ok(ratio < 3, `8x the documents took ${(ratio * 8).toFixed(1)}x the time`);
  });
});

describe('findings per document are capped', () => {
  it('20,000 unknown keys: at most the cap, and one finding that counts the rest', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `unknownKey${i}: 1`).join('\n');
    const a = analyze(`# cilium-version: 1.16\nkubeProxyReplacement: true\n${keys}\n`);
    const findings = a.documents[0].findings;
    assert.equal(findings.length, MAX_FINDINGS_PER_DOCUMENT);
    const summary = findings.filter((f) => f.rule === 'too-many-findings');
    assert.equal(summary.length, 1);
    // The key walk itself stops at 20,000 keys, so about 19,500 are counted as not shown.
    const dropped = Number(/^(\d+) more findings/.exec(summary[0].message)?.[1]);
    assert.ok(dropped >= 19_000 && dropped <= 20_000 - (MAX_FINDINGS_PER_DOCUMENT - 1) + 5, summary[0].message);
    // The datapath verdicts are rare and kept; the flood of unknown keys is what gets cut.
    assert.ok(
      findings.some((f) => f.rule === 'host-routing-iptables-masquerade'),
      'datapath finding kept',
    );
  });

  it('capFindings counts exactly what it drops and keeps the original order', () => {
    const make = (i: number, severity: Finding['severity'], rule = 'unknown-key'): Finding => ({
      rule,
      severity,
      message: `m${i}`,
      range: { start: i, end: i + 1 },
    });
    const input = [
      ...Array.from({ length: 10 }, (_, i) => make(i, 'warning')),
      make(10, 'info', 'rare'),
      make(11, 'error', 'bad'),
    ];
    const out = capFindings(input, { start: 0, end: 1 }, 5);
    // The error first, then the warnings in order; the info does not fit. Kept ones stay in file order.
    assert.deepEqual(
      out.slice(0, 4).map((f) => f.message),
      ['m0', 'm1', 'm2', 'm11'],
    );
    assert.equal(out.length, 5);
    assert.match(out[4].message, /^8 more findings/);
  });

  it('the most severe findings are the ones kept', () => {
    const keys = Array.from({ length: 2 * MAX_FINDINGS_PER_DOCUMENT }, (_, i) => `unknownKey${i}: 1`).join('\n');
    // The chart refuses this (error); it comes after a thousand warnings and must still be shown.
    const a = analyze(
      `# cilium-version: 1.16\n${keys}\nkubeProxyReplacement: true\nk8sServiceHost: ""\nhubble:\n  relay:\n    enabled: true\n  enabled: false\n`,
    );
    const d = a.documents[0];
    assert.ok(
      d.findings.some((f) => f.severity === 'error'),
      `rules: ${[...new Set(d.findings.map((f) => f.rule))].join(', ')}`,
    );
    assert.ok(d.findings.some((f) => f.rule === 'too-many-findings'));
  });

  it('a document under the cap is untouched', () => {
    const a = analyze('# cilium-version: 1.16\nkubeProxyReplacement: true\nunknownKeyA: 1\n');
    assert.ok(!a.documents[0].findings.some((f) => f.rule === 'too-many-findings'));
  });
});

describe('cilium-config keys of a huge ConfigMap or extraConfig are checked in linear time', () => {
  // Names like a generated config would have: none is a key, a few look like one.
  const names = (n: number) =>
    Array.from({ length: n }, (_, i) => `custom-${['timeout', 'lb', 'policy', 'map'][i % 4]}-key-${i}`);
  const values = (n: number) =>
    `# cilium-version: 1.16\nkubeProxyReplacement: true\nextraConfig:\n${names(n)
      .map((k) => `  ${k}: "x"\n`)
      .join('')}`;

  it('each unknown key costs a bounded number of did-you-mean steps, not one per known key', () => {
    const known = configKeysIn('1.16');
    suggestSteps.count = 0;
    analyze(values(4_000));
    const perKey = suggestSteps.count / 4_000;
    // A full scan judges every known key twice (near typo, then words): over 1,200 steps per name.
    assert.ok(perKey < known.length / 10, `${perKey.toFixed(0)} steps per unknown key (${known.length} known keys)`);
  });

  it('the key index of extraConfig is built once, not once per finding that offers a fix', () => {
    keyIndexSteps.count = 0;
    const a = analyze(values(5_000));
    assert.ok(a.documents[0].findings.some((f) => f.rule === 'configmap-unknown-key'));
    assert.ok(keyIndexSteps.count < 3 * 5_000, `${keyIndexSteps.count} entries indexed for 5,000 keys`);
  });

  it('the index gives exactly the suggestions of a full scan (every seventh key of every version, mutated five ways)', () => {
    let compared = 0;
    let suggested = 0;
    for (const v of SUPPORTED_VERSIONS) {
      const known = configKeysIn(v);
      for (const [i, key] of known.entries()) {
        if (i % 7 !== 0) continue;
        const at = (i * 7) % key.length;
        const mutations = [
          key.slice(0, at) + key.slice(at + 1), // a letter dropped
          `${key.slice(0, at)}x${key.slice(at + 1)}`, // a letter changed
          `${key.slice(0, at)}e${key.slice(at)}q`, // two letters added
          key.split('-').slice(1).join('-'), // the first word dropped
          key
            .replace(/-lb-/, '-load-balancer-')
            .replace(/^enable-/, '')
            .toUpperCase(), // spelt out, case changed
        ];
        for (const m of mutations) {
          const indexed = suggestAmong(m, known, true);
          assert.equal(indexed, suggestAmong(m, known, false), `${v}: ${m}`);
          compared++;
          if (indexed) suggested++;
        }
      }
    }
    assert.ok(suggested > compared / 3, `only ${suggested} of ${compared} mutated names got a suggestion`);
  });
});
