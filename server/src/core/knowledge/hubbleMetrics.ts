// Hubble metrics: the metric names and context options each version's agent knows, and what a wrong one does.
// Sources (tags as cited): the plugins registered in pkg/hubble/metrics/*/plugin.go (init → Register), the
// context parsing in pkg/hubble/metrics/api/context.go, the option parsing in pkg/hubble/metrics/api/options.go
// (<= 1.16) or api.go (1.17+), and where the agent calls it.
//
// What a problem costs changed twice:
// - up to 1.16 the metrics server is set up in a goroutine; an error is logged as a warning and no Hubble metric
//   is served at all (daemon/cmd/hubble.go@v1.12.19 l.107-110, @v1.16.19 l.195-198);
// - 1.17 sets the metrics up while launching Hubble: the error stops Hubble itself (flows, Relay), the agent
//   keeps running (pkg/hubble/cell/hubbleintegration.go@v1.17.13 l.149-155 and l.394-397);
// - from 1.18 the metrics are a cell of the agent: an error fails the agent's start
//   (pkg/hubble/metrics/cell/cell.go@v1.18.7 l.92-110, @v1.19.1 l.107-109, @v1.20.0-pre.4 l.109), except an
//   unknown metric name, which is now skipped with a warning (pkg/hubble/metrics/api/registry.go@v1.18.7 l.57-61).

import { inRange, type CiliumVersion } from '../version';

export const HUBBLE_METRICS_CITE =
  'pkg/hubble/metrics/*/plugin.go@v1.12.19, @v1.13.18, @v1.19.1, @v1.20.0-pre.4 (registered names); pkg/hubble/metrics/api/registry.go@v1.16.19 l.55-66, @v1.18.7 l.57-61; pkg/hubble/metrics/api/context.go@v1.12.19, @v1.16.19 l.158-260, @v1.19.1 l.158-250; pkg/hubble/metrics/api/options.go@v1.16.19 l.14-31; pkg/hubble/metrics/api/api.go@v1.19.1 l.150-213; daemon/cmd/hubble.go@v1.16.19 l.195-198; pkg/hubble/cell/hubbleintegration.go@v1.17.13 l.149-155; pkg/hubble/metrics/cell/cell.go@v1.18.7 l.92-110';

/** A word (a metric name, an option, a context) and the versions that know it (none: every version). */
export interface VersionedWord {
  word: string;
  since?: CiliumVersion;
  until?: CiliumVersion;
}

/** The metric plugins each version registers: httpV2, kafka and policy came in 1.13; 1.20 dropped kafka for sctp. */
export const METRIC_NAMES: readonly VersionedWord[] = [
  { word: 'dns' },
  { word: 'drop' },
  { word: 'flow' },
  { word: 'flows-to-world' },
  { word: 'http' },
  { word: 'httpV2', since: '1.13' },
  { word: 'icmp' },
  { word: 'kafka', since: '1.13', until: '1.19' },
  { word: 'policy', since: '1.13' },
  { word: 'port-distribution' },
  { word: 'sctp', since: '1.20' },
  { word: 'tcp' },
];

/** Options every metric reads through api.ParseContextOptions (matched ignoring case). */
export const CONTEXT_OPTIONS: readonly VersionedWord[] = [
  { word: 'sourceContext' },
  { word: 'sourceEgressContext', since: '1.14' },
  { word: 'sourceIngressContext', since: '1.14' },
  { word: 'destinationContext' },
  { word: 'destinationEgressContext', since: '1.14' },
  { word: 'destinationIngressContext', since: '1.14' },
  { word: 'labelsContext', since: '1.13' },
];

/** The words a source/destination context takes (matched ignoring case). */
export const CONTEXT_IDENTIFIERS: readonly VersionedWord[] = [
  { word: 'identity' },
  { word: 'namespace' },
  { word: 'pod' },
  { word: 'pod-short', until: '1.13' },
  { word: 'pod-name', since: '1.13' },
  { word: 'dns' },
  { word: 'ip' },
  { word: 'reserved-identity', since: '1.13' },
  { word: 'workload', since: '1.15' },
  { word: 'workload-name', since: '1.13' },
  { word: 'app', since: '1.13' },
];

/** http and httpV2 refuse each other (pkg/hubble/metrics/http/plugin.go@v1.13.18 l.29-31 and l.51-53, @v1.19.1). */
export const CONFLICTING_METRICS: readonly [string, string][] = [['http', 'httpV2']];

/** The words of `words` that version `v` knows, in the table's order. */
export function setFor(words: readonly VersionedWord[], v: CiliumVersion): readonly string[] {
  return words.filter((w) => inRange(v, w.since, w.until)).map((w) => w.word);
}

export type MetricsFailure = 'metrics-off' | 'hubble-off' | 'agent-exit';

/** What an option the agent cannot parse (or a conflict) does in this version. */
export function failureIn(v: CiliumVersion): MetricsFailure {
  if (inRange(v, '1.18')) return 'agent-exit';
  return v === '1.17' ? 'hubble-off' : 'metrics-off';
}

export function failureText(f: MetricsFailure, v: CiliumVersion): string {
  switch (f) {
    case 'agent-exit':
      return `Cilium ${v} cannot set up Hubble metrics with it, and the agent refuses to start.`;
    case 'hubble-off':
      return `Cilium ${v} fails to launch Hubble with it: the agent runs, but Hubble (flows, Relay and every metric) stays off.`;
    case 'metrics-off':
      return `Cilium ${v} logs a warning and serves no Hubble metric at all.`;
  }
}

/**
 * The values of a context option as the agent splits them: up to 1.16 always on "|"; from 1.17 on "|" when
 * there is one, else on "," (for labelsContext), dropping empty parts.
 */
export function contextValues(raw: string, v: CiliumVersion): string[] {
  if (inRange(v, undefined, '1.16')) return raw.split('|');
  return (raw.includes('|') ? raw.split('|') : raw.split(',')).filter((x) => x !== '');
}
