// Inputs that used to crash the CLI or the language server (issue 10, "Crashes"). Each one runs through the
// core in this process where that is safe, and through a child process where a failure would be a fatal V8
// abort: an abort there fails the test instead of killing the test runner.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { hoverAt } from '../../server/src/core/hover';
import { locate } from '../../server/src/core/locate';
import { findExcessiveNesting, MAX_NESTING } from '../../server/src/core/parse/nesting';
import { LineIndex } from '../../server/src/core/positions';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
const cliJs = path.join(repoRoot, 'dist/cli.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-crashes-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function rulesOf(a: Analysis): string[] {
  return [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)].map((f) => f.rule);
}

describe('a key written twice while typing', () => {
  const cases: [string, string, string][] = [
    // [label, text, a key path inside the FIRST copy that hover/locate must still find]
    ['the issue reproducer: a map, then the same key empty', 'bpf:\n  masquerade: true\nbpf:\n', 'bpf.masquerade'],
    [
      'a map, then the same key as a scalar',
      'kubeProxyReplacement: true\nbpf:\n  masquerade: true\nbpf: 3\n',
      'bpf.masquerade',
    ],
    [
      'nested: a map, then the same key as a list',
      'hubble:\n  relay:\n    enabled: true\n  relay: [a]\n',
      'hubble.relay.enabled',
    ],
    [
      'a map under an open map, then a scalar',
      'kubeProxyReplacement: true\nextraConfig:\n  a:\n    b: 1\n  a: x\n',
      'extraConfig.a.b',
    ],
  ];
  for (const [label, text, inner] of cases) {
    it(`${label}: analysed, hovered and completed without an exception`, () => {
      const a = analyze(text, { version: '1.16', path: 'cilium-values.yaml' });
      assert.ok(rulesOf(a).includes('yaml-duplicate-key'), `rules: ${rulesOf(a).join(', ')}`);
      assert.equal(a.documents.length, 1);
      const last = inner.split('.').pop()!;
      const at = text.indexOf(`${last}:`);
      // The editor views look inside the copy under the cursor, not the last copy of the key.
      const where = locate(a, at + 1);
      assert.deepEqual(where?.path, inner.split('.'));
      assert.doesNotThrow(() => hoverAt(a, text, at + 1));
      for (let offset = 0; offset <= text.length; offset++) {
        assert.doesNotThrow(() => completeAt(a, text, offset), `completion at ${offset}`);
        assert.doesNotThrow(() => hoverAt(a, text, offset), `hover at ${offset}`);
      }
    });
  }

  it('keys inside the first copy are still checked (a typo there is reported on its own line)', () => {
    const text = 'kubeProxyReplacement: true\nbpf:\n  masqurade: true\nbpf:\n';
    const a = analyze(text, { version: '1.16' });
    const typo = a.documents[0].findings.find((f) => f.rule === 'unknown-key');
    assert.ok(typo, `rules: ${rulesOf(a).join(', ')}`);
    assert.equal(new LineIndex(text).position(typo.range.start).line, 3);
  });

  it('the CLI reports the duplicate instead of printing a stack trace', () => {
    const file = path.join(tmp, 'dup.yaml');
    writeFileSync(file, 'bpf:\n  masquerade: true\nbpf:\n');
    const r = spawnSync(process.execPath, [cliJs, '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.error, undefined);
    assert.doesNotMatch(r.stderr, /TypeError|at .*\.js:\d+/);
    assert.equal(r.status, 1, 'an error-severity finding (the duplicate key) gives exit 1, as documented');
    const report = JSON.stringify(JSON.parse(r.stdout));
    assert.match(report, /yaml-duplicate-key/);
  });
});

describe('deep nesting is refused before the parser sees it', () => {
  const deep: [string, string][] = [
    ['1,100 compact block sequences (`- - - … x`)', `${'- '.repeat(1100)}x\n`],
    ['6,000 nested flow sequences under a key', `a: ${'['.repeat(6000)}${']'.repeat(6000)}\n`],
    ['6,000 nested flow mappings', `${'{a: '.repeat(6000)}1${'}'.repeat(6000)}\n`],
    ['1,500 nested block mappings', Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + '\n'],
    [
      'flow nesting hidden behind a block scalar with an unbalanced bracket and quote',
      `a: |\n  [ "\nb: ${'['.repeat(3000)}\n`,
    ],
    ['flow nesting after quoted brackets that close nothing', `a: ${'[ "]" '.repeat(3000)}\n`],
    ['block nesting that starts inside a flow collection', `a: [\n${'- '.repeat(1100)}x\n`],
    ['lone CR line endings', Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}a:`).join('\r') + '\r'],
  ];

  for (const [label, text] of deep) {
    it(`${label}: one yaml-too-deep finding, nothing parsed`, () => {
      const a = analyze(text);
      assert.deepEqual(rulesOf(a), ['yaml-too-deep']);
      assert.equal(a.documents.length, 0);
      assert.match(a.fileFindings[0].message, new RegExp(`more than ${MAX_NESTING} levels`));
    });
  }

  it('every reproducer analysed six times in one child process: no fatal abort', () => {
    // A fatal V8 error (RegExpCompiler allocation failure) cannot be caught, so the repeated analyses run in a
    // child; the second one was the one that died. Exit status and output tell us it survived.
    const file = path.join(tmp, 'deep.json');
    writeFileSync(file, JSON.stringify(deep.map(([, t]) => t)));
    const script = [
      `const { analyze } = require(${JSON.stringify(path.join(repoRoot, 'server/src/core/analyze.ts'))});`,
      `const texts = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'));`,
      'const out = [];',
      'for (let round = 0; round < 6; round++) for (const t of texts) out.push(analyze(t).fileFindings.map((f) => f.rule).join(","));',
      'process.stdout.write(JSON.stringify(out));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 300_000,
    });
    assert.equal(r.signal, null, `child killed by ${r.signal}: ${r.stderr.slice(0, 500)}`);
    assert.equal(r.status, 0, r.stderr.slice(0, 2000));
    const results = JSON.parse(r.stdout) as string[];
    assert.equal(results.length, deep.length * 6);
    assert.ok(
      results.every((x) => x === 'yaml-too-deep'),
      results.join(' | '),
    );
  });

  it('the CLI analyses the same deep file five times in one run without aborting', () => {
    const seq = path.join(tmp, 'seq.yaml');
    const flow = path.join(tmp, 'flow.yaml');
    writeFileSync(seq, `${'- '.repeat(1100)}x\n`);
    writeFileSync(flow, `a: ${'['.repeat(6000)}${']'.repeat(6000)}\n`);
    const r = spawnSync(
      process.execPath,
      [cliJs, '--format', 'json', seq, flow, seq, flow, seq, flow, seq, flow, seq, flow],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    assert.equal(r.signal, null, `cli killed by ${r.signal}: ${r.stderr.slice(0, 500)}`);
    assert.doesNotMatch(r.stderr, /FATAL|Allocation failed/);
    assert.equal((r.stdout.match(/yaml-too-deep/g) ?? []).length, 10, r.stdout.slice(0, 2000));
  });

  it('nesting just under the limit is still analysed', () => {
    const text = `kubeProxyReplacement: true\nextraConfig:\n  x: ${'['.repeat(MAX_NESTING - 5)}${']'.repeat(MAX_NESTING - 5)}\n`;
    const a = analyze(text, { version: '1.16' });
    assert.equal(a.documents.length, 1);
    assert.ok(!rulesOf(a).includes('yaml-too-deep'));
  });

  it('deep nesting inside an embedded values string is refused too, with the finding on that line', () => {
    // The pre-scan is conservative: it counts brackets in block-scalar text as well, so the whole file is refused.
    const text = [
      'apiVersion: helm.cattle.io/v1',
      'kind: HelmChartConfig',
      'metadata: {name: rke2-cilium, namespace: kube-system}',
      'spec:',
      '  valuesContent: |-',
      '    kubeProxyReplacement: true',
      `    a: ${'['.repeat(1000)}`,
      '',
    ].join('\n');
    const a = analyze(text, { version: '1.16' });
    assert.deepEqual(rulesOf(a), ['yaml-too-deep']);
    assert.equal(new LineIndex(text).position(a.fileFindings[0].range.start).line, 7);
  });

  it('the scan is linear: 4x the input costs about 4x the steps', async () => {
    const { nestingScanSteps } = await import('../../server/src/core/parse/nesting');
    const stepsFor = (text: string) => {
      nestingScanSteps.count = 0;
      findExcessiveNesting(text, Number.MAX_SAFE_INTEGER);
      return nestingScanSteps.count;
    };
    const unit = 'a:\n  b: [1, {c: "x]"}]\n  - - y # [[[\n';
    const small = stepsFor(unit.repeat(2000));
    const big = stepsFor(unit.repeat(8000));
    assert.ok(big / small < 4.5, `steps ${small} → ${big}`);
  });
});
