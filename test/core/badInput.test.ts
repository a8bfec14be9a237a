// Bad input: every case goes through analyze() and must come back without an exception, with a clear finding
// where there is something to say, and at all (no hang). Cases that could blow up in time or memory (alias
// bombs, deep nesting, a huge file) run in a worker thread with a watchdog, because a synchronous hang in the
// main thread would freeze the test runner instead of failing the test. The watchdog is hang detection, not a
// performance assertion: its limit is deliberately far above any sane run time.

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { analyze, type Analysis, type AnalyzeOptions } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/positions';
import type { Finding } from '../../server/src/core/types';
import { findRepoRoot } from '../../tools/repoRoot';

// ---------------------------------------------------------------------------------------------------------
// helpers

const repoRoot = findRepoRoot();

function all(a: Analysis): Finding[] {
  return [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)];
}

function describeFindings(a: Analysis): string {
  return (
    all(a)
      .map((f) => f.rule)
      .join(', ') || 'none'
  );
}

/** The finding with this rule (fails if none), with its 1-based start and end positions. */
function expectFinding(text: string, a: Analysis, rule: string) {
  const f = all(a).find((x) => x.rule === rule);
  assert.ok(f, `expected a ${rule} finding; got: ${describeFindings(a)}`);
  assert.equal(typeof f.message, 'string');
  assert.ok(f.message.trim().length > 0, `${rule} finding has an empty message`);
  const index = new LineIndex(text);
  return { finding: f, start: index.position(f.range.start), end: index.position(f.range.end) };
}

function findingsWith(a: Analysis, rule: string): Finding[] {
  return all(a).filter((f) => f.rule === rule);
}

function run(text: string, options: AnalyzeOptions = {}): Analysis {
  let result: Analysis | undefined;
  assert.doesNotThrow(() => {
    result = analyze(text, options);
  }, 'analyze() threw');
  return result!;
}

function assertNothing(a: Analysis): void {
  assert.equal(a.documents.length, 0, `expected no Cilium document, got ${a.documents.map((d) => d.kind).join(', ')}`);
  assert.deepEqual(
    all(a).map((f) => `${f.rule}: ${f.message}`),
    [],
  );
}

/** Deterministic pseudo-random bytes (xorshift32), so a failure can be reproduced exactly. */
function randomBytes(n: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

interface IsolatedSummary {
  fileFindings: { rule: string; severity: string; message: string }[];
  documents: {
    kind: string;
    kpr: boolean;
    hostRouting: string;
    findings: { rule: string; severity: string; message: string }[];
  }[];
}

// Runs in a worker: registers tsx for require(), analyses, and posts a small summary back (the Analysis itself
// holds YAML nodes that do not survive structured cloning).
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
require(require.resolve('tsx/cjs/api', { paths: [workerData.repoRoot] })).register();
const { analyze } = require(workerData.module);
const a = analyze(workerData.text, workerData.options);
const slim = (f) => ({ rule: f.rule, severity: f.severity, message: f.message });
parentPort.postMessage({
  fileFindings: a.fileFindings.map(slim),
  documents: a.documents.map((d) => ({
    kind: d.kind,
    kpr: d.datapath.kubeProxyReplacement.enabled,
    hostRouting: d.datapath.hostRouting.status,
    findings: d.findings.map(slim),
  })),
});
`;

/** Hang guard only (see the top of the file): generous enough for a slow CI machine. */
const WATCHDOG_MS = 60_000;

function analyzeIsolated(label: string, text: string, options: AnalyzeOptions = {}): Promise<IsolatedSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { repoRoot, module: path.join(repoRoot, 'server/src/core/analyze.ts'), text, options },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
      execArgv: [],
    });
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(
        new Error(
          `analyze() did not finish on "${label}" within ${WATCHDOG_MS / 1000} s: it hangs or explodes on this input`,
        ),
      );
    }, WATCHDOG_MS);
    worker.once('message', (m: IsolatedSummary) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`analyze() threw (or ran out of memory) on "${label}": ${err.stack ?? err.message}`));
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`the analysis worker for "${label}" exited with code ${code} before answering`));
    });
  });
}

function isolatedRules(s: IsolatedSummary): string[] {
  return [...s.fileFindings, ...s.documents.flatMap((d) => d.findings)].map((f) => f.rule);
}

const FAST_PATH = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'bpf:',
  '  masquerade: true',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------------------

describe('malformed YAML in a Cilium values file', () => {
  it('an unclosed double quote is a yaml-syntax finding on the line of the opening quote', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'k8sServiceHost: "10.0.0.1', // line 3: never closed
      'k8sServicePort: 6443',
      'bpf:',
      '  masquerade: true',
      '',
    ].join('\n');
    const a = run(text);
    const { start, end } = expectFinding(text, a, 'yaml-syntax');
    // Helm (go-yaml) reports this at line 3 ("while scanning a quoted scalar at line 3"): that is where the
    // user must fix it. The end of the file is not a useful place to point at.
    assert.equal(
      start.line,
      3,
      `yaml-syntax finding starts at ${start.line}:${start.column} (ends ${end.line}:${end.column}), expected line 3`,
    );
  });

  it('an unclosed single quote is a yaml-syntax finding on the line of the opening quote', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      "routingMode: 'native",
      'bpf:',
      '  masquerade: true',
      '',
    ].join('\n');
    const a = run(text);
    const { start } = expectFinding(text, a, 'yaml-syntax');
    assert.equal(start.line, 3, `yaml-syntax finding starts at line ${start.line}, expected line 3`);
  });

  it('a key indented less than its siblings is a yaml-syntax finding on that line', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'bpf:',
      '    masquerade: true',
      '  hostLegacyRouting: false', // line 5: indentation does not match
      'routingMode: native',
      '',
    ].join('\n');
    const a = run(text);
    const { start } = expectFinding(text, a, 'yaml-syntax');
    assert.equal(start.line, 5);
    assert.equal(start.column, 1);
  });

  it('a key indented more than its siblings is a yaml-syntax finding that covers that line', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'bpf:',
      '  masquerade: true',
      '   hostLegacyRouting: false', // line 5: one space too many
      'routingMode: native',
      '',
    ].join('\n');
    const a = run(text);
    const hits = findingsWith(a, 'yaml-syntax');
    assert.ok(hits.length > 0, `expected yaml-syntax; got ${describeFindings(a)}`);
    const index = new LineIndex(text);
    const covers = hits.some((f) => index.position(f.range.start).line <= 5 && index.position(f.range.end).line >= 5);
    assert.ok(
      covers,
      `no yaml-syntax finding covers line 5: ${hits.map((f) => `${index.position(f.range.start).line}-${index.position(f.range.end).line}`).join(', ')}`,
    );
    for (const f of hits) assert.ok(f.message.trim().length > 0);
  });

  it('without a version comment, recognisable Cilium keys are enough for the syntax error to be shown', () => {
    const text = [
      'kubeProxyReplacement: true',
      'k8sServiceHost: 10.0.0.1',
      'bpf:',
      '    masquerade: true',
      '  hostLegacyRouting: false',
      '',
    ].join('\n');
    const a = run(text);
    const { start } = expectFinding(text, a, 'yaml-syntax');
    assert.equal(start.line, 5);
  });

  it('tabs used for indentation are a yaml-tab-indent finding on the tab line', () => {
    const text = ['# cilium-version: 1.16', 'kubeProxyReplacement: true', 'bpf:', '\tmasquerade: true', ''].join('\n');
    const a = run(text);
    const { start } = expectFinding(text, a, 'yaml-tab-indent');
    assert.equal(start.line, 4);
    assert.equal(start.column, 1);
  });

  it('bpf: written twice is a yaml-duplicate-key finding on the second one', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'bpf:',
      '  masquerade: true',
      'routingMode: tunnel',
      'bpf:', // line 6
      '  hostLegacyRouting: false',
      '',
    ].join('\n');
    const a = run(text);
    const { start } = expectFinding(text, a, 'yaml-duplicate-key');
    assert.equal(start.line, 6);
    assert.equal(start.column, 1);
  });

  it('masquerade written twice under bpf is a yaml-duplicate-key finding on the second one', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'bpf:',
      '  masquerade: true',
      '  masquerade: false',
      '',
    ].join('\n');
    const a = run(text);
    const { start } = expectFinding(text, a, 'yaml-duplicate-key');
    assert.equal(start.line, 5);
    assert.equal(start.column, 3);
  });
});

describe('binary content', () => {
  const bytes = randomBytes(4096);
  bytes[100] = 0; // make sure a NUL is in there
  bytes[2000] = 0;

  it('random bytes with NUL, decoded as UTF-8, are a not-text finding and nothing else', () => {
    const a = run(bytes.toString('utf8'), { path: 'cilium-values.yaml' });
    expectFinding(bytes.toString('utf8'), a, 'not-text');
    assert.equal(a.documents.length, 0);
    assert.deepEqual(
      all(a).map((f) => f.rule),
      ['not-text'],
    );
  });

  it('random bytes with NUL, decoded as latin1, are a not-text finding', () => {
    const text = bytes.toString('latin1');
    const a = run(text, { path: 'cilium-values.yaml' });
    expectFinding(text, a, 'not-text');
    assert.equal(a.documents.length, 0);
  });

  it('random bytes without NUL, decoded as UTF-8, are a not-text finding', () => {
    const noNul = Buffer.from(randomBytes(4096, 12345).map((b) => (b === 0 ? 1 : b)));
    const text = noNul.toString('utf8');
    const a = run(text);
    expectFinding(text, a, 'not-text');
  });

  it('a values file followed by binary garbage is not text either (no crash half way)', () => {
    const text = FAST_PATH + bytes.toString('latin1');
    const a = run(text);
    expectFinding(text, a, 'not-text');
  });
});

describe('size limits', { concurrency: true }, () => {
  // About 5.3 MB of perfectly valid Helm values: the real keys first, then a long extraConfig map.
  const lines = [FAST_PATH.trimEnd(), 'extraConfig:'];
  for (let i = 0; i < 150_000; i++)
    lines.push(`  custom-key-${String(i).padStart(6, '0')}: "value-${String(i).padStart(6, '0')}"`);
  const huge = lines.join('\n') + '\n';

  it('a 5 MB file gets one file-too-large finding and is not analysed', () => {
    assert.ok(huge.length > 5_000_000, `generator made only ${huge.length} characters`);
    const a = run(huge);
    const { finding } = expectFinding(huge, a, 'file-too-large');
    assert.equal(finding.severity, 'info');
    assert.equal(a.documents.length, 0);
    assert.deepEqual(
      all(a).map((f) => f.rule),
      ['file-too-large'],
    );
  });

  it('the same file with a raised maxChars is analysed without throwing', async () => {
    const s = await analyzeIsolated('5 MB values with maxChars 10M', huge, { maxChars: 10_000_000 });
    const rules = isolatedRules(s);
    assert.ok(!rules.includes('file-too-large'), `still too large: ${rules.join(', ')}`);
    assert.ok(!rules.includes('yaml-syntax'), `syntax error in a valid file: ${rules.join(', ')}`);
    assert.equal(s.documents.length, 1, `expected one document, got ${s.documents.length}`);
    assert.equal(s.documents[0].kind, 'helm-values');
    assert.equal(s.documents[0].kpr, true);
    assert.equal(s.documents[0].hostRouting, 'BPF');
  });
});

// Concurrent: each case runs in its own worker, so a hanging case costs one watchdog period, not one each.
describe('alias bombs and deep nesting finish without throwing', { concurrency: true }, () => {
  // Billion laughs: 10 levels, each anchor a list of ten aliases of the previous one (10^10 leaves if expanded).
  const laughs = (indent: string) => {
    const out = [`${indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
    for (let i = 1; i <= 9; i++)
      out.push(`${indent}l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
    return out;
  };
  // The mapping variant: every level merges ten copies of the previous map (`<<`).
  const mapLaughs = () => {
    const out = ['m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}'];
    for (let i = 1; i <= 9; i++)
      out.push(`m${i}: &m${i} {<<: [${Array.from({ length: 10 }, () => `*m${i - 1}`).join(', ')}], k${i}: ${i}}`);
    return out;
  };

  const cases: [string, string][] = [
    [
      'sequence bomb under extraConfig, used by typed keys',
      [
        '# cilium-version: 1.16',
        'kubeProxyReplacement: true',
        'bpf:',
        '  masquerade: true',
        'extraConfig:',
        ...laughs('  '),
        'tolerations: *l9',
        'hubble:',
        '  metrics:',
        '    enabled: *l9',
        'extraArgs: *l9',
        '',
      ].join('\n'),
    ],
    [
      'sequence bomb at the top level',
      [
        '# cilium-version: 1.16',
        'kubeProxyReplacement: true',
        ...laughs(''),
        'devices: *l9',
        'tolerations: *l9',
        '',
      ].join('\n'),
    ],
    [
      'merge-key bomb pulled into known mappings',
      [
        '# cilium-version: 1.16',
        ...mapLaughs(),
        'kubeProxyReplacement: true',
        'bpf:',
        '  <<: *m9',
        '  masquerade: true',
        'hubble: *m9',
        'extraConfig: *m9',
        'podAnnotations: *m9',
        '',
      ].join('\n'),
    ],
    [
      'bomb inside an Argo CD Application helm.valuesObject',
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata: {name: cilium}',
        'spec:',
        '  source:',
        '    chart: cilium',
        '    targetRevision: 1.16.5',
        '    helm:',
        '      valuesObject:',
        '        kubeProxyReplacement: true',
        ...laughs('        '),
        '        tolerations: *l9',
        '',
      ].join('\n'),
    ],
    [
      '5,000 nested flow sequences',
      `# cilium-version: 1.16\nkubeProxyReplacement: true\nextraConfig:\n  x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    ],
    [
      '5,000 unclosed flow sequences',
      `# cilium-version: 1.16\nkubeProxyReplacement: true\ntolerations: ${'['.repeat(5000)}\n`,
    ],
    [
      '5,000 nested flow mappings under a known key',
      `# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf: ${'{masquerade: '.repeat(5000)}true${'}'.repeat(5000)}\n`,
    ],
    [
      '5,000 nested block sequences',
      `# cilium-version: 1.16\nkubeProxyReplacement: true\ntolerations:\n${'- '.repeat(5000)}x\n`,
    ],
    [
      '1,500 nested block mappings under extraConfig',
      (() => {
        let t = '# cilium-version: 1.16\nkubeProxyReplacement: true\nextraConfig:\n';
        for (let i = 0; i < 1500; i++) t += ' '.repeat(i + 2) + 'a:\n';
        return t + ' '.repeat(1502) + 'b: 1\n';
      })(),
    ],
    [
      '1,500 nested block mappings under hubble (a key the rules walk into)',
      (() => {
        let t = '# cilium-version: 1.16\nkubeProxyReplacement: true\nhubble:\n';
        for (let i = 0; i < 1500; i++) t += ' '.repeat(i + 2) + 'metrics:\n';
        return t + ' '.repeat(1502) + 'enabled: true\n';
      })(),
    ],
  ];

  for (const [label, text] of cases) {
    it(label, async () => {
      const s = await analyzeIsolated(label, text);
      for (const f of [...s.fileFindings, ...s.documents.flatMap((d) => d.findings)]) {
        assert.ok(f.message.trim().length > 0, `${f.rule} finding with an empty message`);
      }
      // A syntax problem may be reported, but as a handful of findings, not one per nesting level.
      const syntax = isolatedRules(s).filter((r) => r === 'yaml-syntax').length;
      assert.ok(syntax <= 20, `${syntax} yaml-syntax findings for one problem: the editor would be flooded`);
    });
  }

  it('the bomb does not stop the rest of the file from being analysed', async () => {
    const s = await analyzeIsolated(
      'bomb + fast path',
      [FAST_PATH.trimEnd(), 'extraConfig:', ...laughs('  '), 'tolerations: *l9', ''].join('\n'),
    );
    assert.equal(s.documents.length, 1);
    assert.equal(s.documents[0].kind, 'helm-values');
    assert.equal(s.documents[0].hostRouting, 'BPF');
  });
});

describe('template expressions', () => {
  it('Helm {{ }} values and {{- if }} control lines: one template-syntax info, templated keys not type-checked', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: {{ .Values.kpr }}',
      'k8sServiceHost: {{ .Values.apiHost | quote }}',
      'k8sServicePort: {{ .Values.apiPort }}',
      '{{- if .Values.bpfMasquerade }}',
      'bpf:',
      '  masquerade: {{ .Values.bpfMasquerade }}',
      '{{- end }}',
      'routingMode: "{{ .Values.routing }}"',
      'tunnelProtocol: vxlan',
      '',
    ].join('\n');
    const a = run(text);
    const { finding, start } = expectFinding(text, a, 'template-syntax');
    assert.equal(finding.severity, 'info');
    assert.equal(start.line, 2);
    assert.equal(a.documents.length, 1, `expected one Cilium document; findings: ${describeFindings(a)}`);
    assert.equal(a.documents[0].kind, 'helm-values');
    const bad = all(a).filter((f) =>
      [
        'wrong-type',
        'quoted-boolean',
        'yaml-syntax',
        'unknown-key',
        'kpr-deprecated-value',
        'chart-kpr-invalid',
        'routing-mode-invalid',
      ].includes(f.rule),
    );
    assert.deepEqual(
      bad.map((f) => `${f.rule} ${f.key ?? ''}: ${f.message}`),
      [],
    );
  });

  it('the same key in the if and else branches of a template is not a duplicate key', () => {
    // Only one branch is rendered, so Helm never sees both (real example: corpus file 037, deckhouse).
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      '{{- if eq .Values.mode "native" }}',
      'routingMode: native',
      'ipv4NativeRoutingCIDR: 10.0.0.0/8',
      '{{- else }}',
      'routingMode: tunnel',
      '{{- end }}',
      '',
    ].join('\n');
    const a = run(text);
    expectFinding(text, a, 'template-syntax');
    assert.deepEqual(
      findingsWith(a, 'yaml-duplicate-key').map((f) => f.message),
      [],
    );
  });

  it('Terraform %{ if } lines and ${var} values: template-syntax, no wrong-type on the templated keys', () => {
    const text = [
      '# cilium-version: 1.17',
      'kubeProxyReplacement: ${kpr}',
      'k8sServiceHost: ${api_host}',
      'k8sServicePort: ${api_port}',
      '%{ if bpf_masquerade }',
      'bpf:',
      '  masquerade: true',
      '%{ endif }',
      'ipv4NativeRoutingCIDR: ${native_cidr}',
      'routingMode: native',
      '',
    ].join('\n');
    const a = run(text);
    const { finding } = expectFinding(text, a, 'template-syntax');
    assert.equal(finding.severity, 'info');
    assert.equal(a.documents.length, 1, `expected one Cilium document; findings: ${describeFindings(a)}`);
    const bad = all(a).filter((f) => ['wrong-type', 'quoted-boolean', 'yaml-syntax', 'unknown-key'].includes(f.rule));
    assert.deepEqual(
      bad.map((f) => `${f.rule} ${f.key ?? ''}: ${f.message}`),
      [],
    );
  });

  it('a Terraform %{ if } directive right after a key renders to nothing, so the YAML around it stays valid', () => {
    // Real example: corpus file 001 (`ingress:%{ if ingress }` ... `nip.io%{ endif }`). Either way Terraform renders
    // it, `ingress:` is followed by a newline, so the file is valid YAML for Helm.
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'hubble:',
      '  ui:',
      '    enabled: true',
      '    ingress:%{ if ingress }',
      '      enabled: true',
      '      hosts:',
      '      - hubble-ui.example.com%{ endif }',
      'k8sServicePort: 6443',
      '',
    ].join('\n');
    const a = run(text);
    expectFinding(text, a, 'template-syntax');
    assert.equal(a.documents.length, 1, `expected one Cilium document; findings: ${describeFindings(a)}`);
    const bad = all(a).filter((f) => ['wrong-type', 'yaml-syntax', 'unknown-key'].includes(f.rule));
    assert.deepEqual(
      bad.map((f) => `${f.rule} ${f.key ?? ''}: ${f.message}`),
      [],
    );
  });
});

describe('degenerate files', () => {
  const nothing: [string, string][] = [
    ['an empty file', ''],
    ['only whitespace and newlines', '\n\n   \n\t\n'],
    ['only comments', '# Cilium values\n# nothing here yet\n   # indented comment\n'],
    ['only a version comment', '# cilium-version: 1.16\n'],
    ['only ---', '---\n'],
    ['only --- several times', '---\n---\n...\n---\n'],
    ['a YAML scalar document', 'just a string\n'],
    ['a scalar document with a version comment', '# cilium-version: 1.16\n42\n'],
    ['a top-level sequence', '- kubeProxyReplacement\n- bpf\n'],
    ['an unrelated JSON document', '{"name": "my-app", "version": "1.0.0", "dependencies": {"yaml": "^2"}}\n'],
    [
      'an unrelated Kubernetes Deployment',
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        '  namespace: default',
        'spec:',
        '  replicas: 2',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '          ports:',
        '            - containerPort: 80',
        '',
      ].join('\n'),
    ],
    [
      'an unrelated Deployment with its own mistakes (duplicate key) is still left alone',
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        '  name: web2',
        'spec:',
        '  replicas: 1',
        '',
      ].join('\n'),
    ],
    [
      'an unrelated values file of another chart',
      'replicaCount: 2\nimage:\n  repository: nginx\n  tag: "1.27"\nservice:\n  type: ClusterIP\n',
    ],
  ];
  for (const [label, text] of nothing) {
    it(`${label}: no document and no finding`, () => assertNothing(run(text)));
  }

  it('Cilium values written as JSON are analysed like YAML', () => {
    const text =
      JSON.stringify(
        { kubeProxyReplacement: true, k8sServiceHost: '10.0.0.1', k8sServicePort: 6443, bpf: { masquerade: true } },
        null,
        2,
      ) + '\n';
    const a = run(text, { version: '1.16' });
    assert.equal(a.documents.length, 1, `findings: ${describeFindings(a)}`);
    assert.equal(a.documents[0].kind, 'helm-values');
    assert.equal(a.documents[0].datapath.hostRouting.status, 'BPF');
    assert.deepEqual(findingsWith(a, 'yaml-syntax'), []);
  });

  it('CRLF line endings: values read without \\r and findings on the right line and column', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'k8sServicePort: 6443',
      'bpf:',
      '  masquerade: true',
      '  masquerade: true', // line 6: duplicate
      'routingMode: native',
      'ipv4NativeRoutingCIDR: 10.0.0.0/8',
      '',
    ].join('\r\n');
    const a = run(text);
    assert.equal(a.documents.length, 1);
    const d = a.documents[0];
    assert.equal(d.version, '1.16');
    assert.equal(d.datapath.kubeProxyReplacement.enabled, true);
    assert.equal(d.datapath.routing.mode, 'native');
    assert.equal(
      d.datapath.hostRouting.status,
      'BPF',
      `reasons: ${d.datapath.hostRouting.reasons.map((r) => r.id).join(', ')}`,
    );
    const { start } = expectFinding(text, a, 'yaml-duplicate-key');
    assert.equal(start.line, 6);
    assert.equal(start.column, 3);
    assert.deepEqual(findingsWith(a, 'wrong-type'), [], 'a \\r must not end up in a value');
  });

  it('CRLF line endings: a datapath finding sits on the key that caused it', () => {
    const text = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'k8sServiceHost: 10.0.0.1',
      'enableIPv4Masquerade: true',
      '',
    ].join('\r\n');
    const a = run(text);
    const { start } = expectFinding(text, a, 'host-routing-iptables-masquerade');
    assert.equal(start.line, 4);
    assert.equal(start.column, 1);
  });

  it('a UTF-8 BOM before the version comment changes nothing', () => {
    const text =
      '\uFEFF' +
      ['# cilium-version: 1.15', 'kubeProxyReplacement: true', 'bpf:', '  masquerade: true', 'bpf: {}', ''].join('\n');
    const a = run(text);
    assert.equal(a.documents.length, 1);
    assert.equal(a.documents[0].version, '1.15');
    assert.equal(a.documents[0].versionSource, 'comment');
    assert.deepEqual(findingsWith(a, 'yaml-syntax'), []);
    const { start } = expectFinding(text, a, 'yaml-duplicate-key');
    assert.equal(start.line, 5);
  });

  it('a UTF-8 BOM right before the first key still reads that key', () => {
    const text = '\uFEFFkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nbpf:\n  masquerade: true\n';
    const a = run(text, { version: '1.16' });
    assert.equal(a.documents.length, 1);
    assert.equal(a.documents[0].datapath.kubeProxyReplacement.enabled, true);
    assert.deepEqual(findingsWith(a, 'unknown-key'), [], 'the BOM must not become part of the key name');
  });
});
