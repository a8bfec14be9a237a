// Hubble metrics: names each version registers, context options it parses, and what a mistake costs per
// version (metrics off up to 1.16, Hubble off in 1.17, the agent refusing to start from 1.18).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { METRIC_NAMES, setFor } from '../../server/src/core/knowledge/hubbleMetrics';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { doc, finding, noFinding, rules } from '../helpers';

const values = (...metrics: string[]) =>
  `kubeProxyReplacement: true\nhubble:\n  enabled: true\n  metrics:\n    enabled:\n${metrics.map((m) => `      - ${m}\n`).join('')}`;
const CM = (metrics: string, extra = '') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  kube-proxy-replacement: "true"\n  enable-hubble: "true"\n  hubble-metrics-server: ":9965"\n  hubble-metrics: "${metrics}"\n${extra}`;

describe('Hubble metrics', () => {
  it('an unknown metric name gets the nearest name and a fix that writes it', () => {
    const text = values('dns', 'httpv2:exemplars=true;labelsContext=source_ip');
    const d = doc(text, { version: '1.19' });
    const f = finding(d, 'hubble-metric-unknown');
    assert.match(f.message, /Did you mean httpV2\?/);
    assert.match(f.message, /skips it with a warning/);
    assert.equal(text.slice(f.range.start, f.range.end), 'httpv2');
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.match(fixed, /- httpV2:exemplars=true;labelsContext=source_ip/);
    noFinding(doc(fixed, { version: '1.19' }), 'hubble-metric-unknown');
  });

  it('what an unknown name costs depends on the version', () => {
    assert.match(
      finding(doc(values('dns', 'tpc'), { version: '1.16' }), 'hubble-metric-unknown').message,
      /no Hubble metric at all/,
    );
    assert.match(
      finding(doc(values('dns', 'tpc'), { version: '1.17' }), 'hubble-metric-unknown').message,
      /Hubble \(flows, Relay and every metric\) stays off/,
    );
  });

  it('every registered name of every version passes; names follow the source (httpV2 from 1.13, kafka gone and sctp new in 1.20)', () => {
    for (const v of SUPPORTED_VERSIONS)
      noFinding(
        doc(values(...setFor(METRIC_NAMES, v).filter((n) => n !== 'http')), { version: v }),
        'hubble-metric-unknown',
      );
    finding(doc(values('httpV2'), { version: '1.12' }), 'hubble-metric-unknown');
    finding(doc(values('kafka'), { version: '1.20' }), 'hubble-metric-unknown');
    noFinding(doc(values('kafka'), { version: '1.19' }), 'hubble-metric-unknown');
    noFinding(doc(values('sctp'), { version: '1.20' }), 'hubble-metric-unknown');
  });

  it('accepts exactly the names each version registers (pinned: a changed cell of METRIC_NAMES fails here)', () => {
    // Read from the Register("…") calls in pkg/hubble/metrics/*/plugin.go at v1.12.19, v1.13.18, v1.16.19,
    // v1.19.1, v1.20.0-pre.4 (7527a668e91c) and v1.21.0-pre.0 (e864986222d3); kept apart from the table it checks.
    const base = ['dns', 'drop', 'flow', 'flows-to-world', 'http', 'icmp', 'port-distribution', 'tcp'];
    const registered = (v: string): string[] => {
      if (v === '1.12') return base;
      if (Number(v.split('.')[1]) <= 19) return [...base, 'httpV2', 'kafka', 'policy'];
      return [...base, 'httpV2', 'policy', 'sctp'];
    };
    const every = [...new Set([...base, 'httpV2', 'kafka', 'policy', 'sctp'])];
    // http and httpV2 refuse each other, so each is checked in its own list.
    for (const without of ['http', 'httpV2']) {
      for (const v of SUPPORTED_VERSIONS) {
        const text = values(...every.filter((n) => n !== without));
        const flagged = doc(text, { version: v })
          .findings.filter((f) => f.rule === 'hubble-metric-unknown')
          .map((f) => text.slice(f.range.start, f.range.end))
          .sort();
        assert.deepEqual(
          flagged,
          every.filter((n) => n !== without && !registered(v).includes(n)).sort(),
          `${v} without ${without}`,
        );
      }
    }
  });

  it('sourceContext without a value: the agent refuses to start from 1.18, Hubble is off in 1.17, metrics off before', () => {
    const text = values('flow:sourceContext;destinationContext=pod');
    const f18 = finding(doc(text, { version: '1.18' }), 'hubble-metric-option-invalid');
    assert.equal(f18.severity, 'error');
    assert.match(f18.message, /refuses to start/);
    assert.match(f18.message, /unknown context ''/);
    assert.equal(text.slice(f18.range.start, f18.range.end), 'sourceContext');
    assert.equal(
      doc(text, { version: '1.18' }).datapath.agentStarts,
      false,
      'the verdict agrees: the agent does not start',
    );
    assert.equal(doc(text, { version: '1.17' }).datapath.agentStarts, true);
    const f17 = finding(doc(text, { version: '1.17' }), 'hubble-metric-option-invalid');
    assert.equal(f17.severity, 'warning');
    assert.doesNotMatch(f17.message, /refuses/);
    assert.equal(finding(doc(text, { version: '1.14' }), 'hubble-metric-option-invalid').severity, 'warning');
  });

  it('an unknown context gets the nearest one; valid contexts pass', () => {
    const f = finding(
      doc(values('drop:sourceContext=podd|namespace'), { version: '1.19' }),
      'hubble-metric-option-invalid',
    );
    assert.match(f.message, /did you mean pod\?/);
    noFinding(
      doc(values('drop:sourceContext=pod|namespace;destinationContext=workload-name|reserved-identity'), {
        version: '1.19',
      }),
      'hubble-metric-option-invalid',
    );
    // workload is a context from 1.15 only.
    finding(doc(values('drop:sourceContext=workload'), { version: '1.14' }), 'hubble-metric-option-invalid');
    noFinding(doc(values('drop:sourceContext=workload'), { version: '1.15' }), 'hubble-metric-option-invalid');
  });

  it('"sourceContext=" and comma lists: refused up to 1.16, accepted from 1.17 (the parser changed)', () => {
    finding(doc(values('flow:sourceContext='), { version: '1.16' }), 'hubble-metric-option-invalid');
    noFinding(doc(values('flow:sourceContext='), { version: '1.17' }), 'hubble-metric-option-invalid');
    assert.match(
      finding(doc(values('flow:sourceContext=pod,namespace'), { version: '1.16' }), 'hubble-metric-option-invalid')
        .message,
      /separated by "\|"/,
    );
    noFinding(doc(values('flow:sourceContext=pod,namespace'), { version: '1.17' }), 'hubble-metric-option-invalid');
  });

  it('a misspelt context option is ignored by the agent: a warning with the option it meant, and a fix', () => {
    const text = values('dns:query;sourceContex=pod');
    const d = doc(text, { version: '1.19' });
    const f = finding(d, 'hubble-metric-option-ignored');
    assert.match(f.message, /Did you mean sourceContext\?/);
    assert.match(applyEdits(text, f.fixes![0].edits), /- dns:query;sourceContext=pod/);
    // Options of the metric itself (query) are not context options and not reported.
    assert.deepEqual(
      rules(d).filter((r) => r.startsWith('hubble-metric')),
      ['hubble-metric-option-ignored'],
    );
  });

  it('http and httpV2 together: the agent refuses them (1.18+)', () => {
    const f = finding(doc(values('http', 'httpV2'), { version: '1.18' }), 'hubble-metrics-conflict');
    assert.equal(f.severity, 'error');
    noFinding(doc(values('httpV2'), { version: '1.18' }), 'hubble-metrics-conflict');
  });

  it('nothing is reported while Hubble is off', () => {
    const off = values('httpv2', 'flow:sourceContext').replace('enabled: true\n  metrics', 'enabled: false\n  metrics');
    const d = doc(off, { version: '1.19' });
    assert.deepEqual(
      rules(d).filter((r) => r.startsWith('hubble-metric')),
      [],
    );
  });

  it('the ConfigMap list is space separated; each word is located in the file', () => {
    const text = CM('dns drop httpv2 flow:sourceContext');
    const a = analyze(text, { version: '1.19' });
    const d = a.documents[0];
    const unknown = finding(d, 'hubble-metric-unknown');
    assert.equal(text.slice(unknown.range.start, unknown.range.end), 'httpv2');
    const bad = finding(d, 'hubble-metric-option-invalid');
    assert.equal(text.slice(bad.range.start, bad.range.end), 'sourceContext');
  });
});
