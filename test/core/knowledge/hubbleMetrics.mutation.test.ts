// knowledge/hubbleMetrics.ts checked by mutation testing (docs/mutation.md): the context options and identifiers
// each version's agent parses, read from pkg/hubble/metrics/api/context.go (ParseContextOptions and
// parseContextIdentifier) at v1.12.19 l.88-98 and l.123-129, v1.13.18 l.143-161 and l.198-208, v1.14.19 l.154-170
// and l.207-243, v1.15.19 l.160-178, v1.16.19 l.160-178 and l.215-251, v1.19.1 l.159-177 and l.216-252,
// v1.20.0-pre.4 (7527a668) and v1.21.0-pre.0 (e8649862) l.159-177 and l.213-249; kept apart from the table it
// checks. How the values are split: context.go@v1.16.19 l.185-186 (always on "|"), api.go@v1.17.13 l.196-215
// (on "|" when there is one, else on ",", dropping empty parts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CONFLICTING_METRICS,
  CONTEXT_IDENTIFIERS,
  CONTEXT_OPTIONS,
  contextValues,
  failureIn,
  setFor,
} from '../../../server/src/core/knowledge/hubbleMetrics';
import { minorOf, SUPPORTED_VERSIONS, type CiliumVersion } from '../../../server/src/core/version';
import { doc, finding, noFinding } from '../../helpers';

const sorted = (xs: readonly string[]) => [...xs].sort();

/** parseContextIdentifier's cases per minor. */
function identifiers(v: CiliumVersion): string[] {
  const m = minorOf(v);
  if (m === 12) return ['identity', 'namespace', 'pod', 'pod-short', 'dns', 'ip'];
  const since13 = [
    'identity',
    'namespace',
    'pod',
    'pod-name',
    'dns',
    'ip',
    'reserved-identity',
    'workload-name',
    'app',
  ];
  if (m === 13) return [...since13, 'pod-short'];
  if (m === 14) return since13;
  return [...since13, 'workload'];
}

/** ParseContextOptions's cases per minor. */
function options(v: CiliumVersion): string[] {
  const m = minorOf(v);
  const base = ['sourceContext', 'destinationContext'];
  if (m === 12) return base;
  if (m === 13) return [...base, 'labelsContext'];
  return [
    ...base,
    'labelsContext',
    'sourceEgressContext',
    'sourceIngressContext',
    'destinationEgressContext',
    'destinationIngressContext',
  ];
}

const values = (metric: string) =>
  `kubeProxyReplacement: true\nhubble:\n  enabled: true\n  metrics:\n    enabled:\n      - ${metric}\n`;

describe('knowledge/hubbleMetrics.ts', () => {
  it('knows exactly the context identifiers and options each version parses', () => {
    for (const v of SUPPORTED_VERSIONS) {
      assert.deepEqual(sorted(setFor(CONTEXT_IDENTIFIERS, v)), sorted(identifiers(v)), `identifiers ${v}`);
      assert.deepEqual(sorted(setFor(CONTEXT_OPTIONS, v)), sorted(options(v)), `options ${v}`);
    }
  });

  it('each identifier is accepted where parsed and refused elsewhere; an option is checked only where parsed', () => {
    const everyId = [...new Set(SUPPORTED_VERSIONS.flatMap(identifiers))];
    for (const v of SUPPORTED_VERSIONS) {
      for (const id of everyId) {
        const d = doc(values(`drop:sourceContext=${id}`), { version: v });
        if (identifiers(v).includes(id)) noFinding(d, 'hubble-metric-option-invalid');
        else assert.match(finding(d, 'hubble-metric-option-invalid').message, new RegExp(`unknown context '${id}'`));
      }
      // An option the version does not parse is ignored, so its bad value goes unchecked (label names are not
      // checked at all: labelsContext is tried without a value, which every version that parses it refuses).
      for (const opt of options('1.21')) {
        const d = doc(values(opt === 'labelsContext' ? `drop:${opt}` : `drop:${opt}=bogus`), { version: v });
        if (options(v).includes(opt)) finding(d, 'hubble-metric-option-invalid');
        else noFinding(d, 'hubble-metric-option-invalid');
      }
    }
  });

  it('splits a context value as the agent does: "|" up to 1.16; "|" or else "," from 1.17, without empty parts', () => {
    assert.deepEqual(contextValues('pod|namespace', '1.16'), ['pod', 'namespace']);
    assert.deepEqual(contextValues('pod||namespace', '1.16'), ['pod', '', 'namespace']);
    assert.deepEqual(contextValues('pod,namespace', '1.16'), ['pod,namespace']);
    assert.deepEqual(contextValues('pod||namespace', '1.17'), ['pod', 'namespace']);
    assert.deepEqual(contextValues('pod,namespace', '1.17'), ['pod', 'namespace']);
    assert.deepEqual(contextValues('pod|namespace,dns', '1.17'), ['pod', 'namespace,dns']);
    assert.deepEqual(contextValues(',', '1.19'), []);
    assert.deepEqual(contextValues('', '1.12'), ['']);
    // "pod||namespace" on 1.16: the empty part is an unknown context, the agent gives up on the metrics.
    assert.match(
      finding(doc(values('drop:sourceContext=pod||namespace'), { version: '1.16' }), 'hubble-metric-option-invalid')
        .message,
      /sourceContext is empty/,
    );
    noFinding(doc(values('drop:sourceContext=pod||namespace'), { version: '1.17' }), 'hubble-metric-option-invalid');
  });

  it('what a parse error costs: metrics off up to 1.16, Hubble off in 1.17, the agent from 1.18', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const m = minorOf(v);
      assert.equal(failureIn(v), m <= 16 ? 'metrics-off' : m === 17 ? 'hubble-off' : 'agent-exit', v);
    }
  });

  it('http and httpV2 refuse each other in every version that has both (http/plugin.go@v1.13.18 l.29-31, l.51-53)', () => {
    assert.deepEqual(CONFLICTING_METRICS, [['http', 'httpV2']]);
    const both =
      'kubeProxyReplacement: true\nhubble:\n  enabled: true\n  metrics:\n    enabled:\n      - http\n      - httpV2\n';
    for (const v of SUPPORTED_VERSIONS.filter((x) => minorOf(x) >= 13)) {
      const f = finding(doc(both, { version: v }), 'hubble-metrics-conflict');
      assert.match(f.message, /plugin httpV2 conflicts with plugin http/, v);
      assert.equal(f.severity, failureIn(v) === 'agent-exit' ? 'error' : 'warning', v);
    }
  });
});
