// What we add to the chart's own `fail`/`required` texts, for the failures users meet often: the shape of a note
// (how the chart's message is recognised, our explanation in our words, advice), the helpers that write the
// common ones, and the generic and schema rules' facts. Each note is a chart rule object in rules/defs/<id>.ts
// (with its summary, examples and quick-fix), listed in CHART_NOTE_RULES, which the model is handed. Whether
// the chart fails is never decided here: the chart itself is rendered (chart/helm/render.ts) and a failure is
// matched to a note by the chart's message. A failure no note matches is still reported, as `chart-fail`.
//
// Messages checked in install/kubernetes/cilium/templates/validate.yaml and cilium-configmap.yaml at v1.12.19,
// v1.13.18, v1.14.19, v1.15.19, v1.16.19, v1.17.13, v1.18.7, v1.19.1 and the 1.20/1.21 pre-release charts
// (../shared/cilium-charts/v1.NN/templates, the same texts as the packed chart data).

import type { Severity } from '../types';
import type { CiliumVersion } from '../version';
import { adviceFor } from './keyHistory';

export interface ChartFailureNote {
  id: string;
  /** Matches the chart's message (what `fail`/`required` was given). */
  match: RegExp;
  /** Matches a Go template error the same check meets first for some values (a bool compared with a string). */
  matchError?: (detail: string) => boolean;
  since?: CiliumVersion;
  until?: CiliumVersion;
  cite: string;
  /**
   * The check reads the cluster (lookup, .Capabilities) and `explain` already says how the cluster decides it, so
   * the general sentence about the cluster is left out, and the catalog lists the rule as a warning. Wording and
   * docs only: whether a finding is a warning comes from the render (ChartFailure.cluster) for any check, and a
   * test checks that the notes marked so are exactly the ones the renderer finds reading the cluster.
   */
  readsCluster?: true;
  /** Our explanation, one or two sentences, without the chart's text (the finding quotes it). */
  explain: (version: CiliumVersion) => string;
  /** What to do, said after "the chart refuses to install". */
  advice?: string;
}

/** The id of a chart failure no note explains. */
export const GENERIC_CHART_FAIL_RULE = {
  id: 'chart-fail',
  severity: 'error' as Severity,
  cite: 'every `fail` and `required` in templates/*.yaml of the packed charts 1.12-1.21 (rendered, not re-implemented)',
};

/** The id of a value Helm refuses before rendering (values.schema.json, charts 1.16+). */
export const SCHEMA_RULE = {
  id: 'chart-schema',
  severity: 'error' as Severity,
  since: '1.16' as CiliumVersion,
  cite: 'values.schema.json@v1.16.19 .. @v1.19.1 and the 1.20/1.21 charts (Helm 4 validates the coalesced values before rendering)',
};

/** What to do instead of removed keys: keyHistory's replacement of each, when it has one. */
function migration(paths: readonly string[]): string {
  const moves = paths.flatMap((p) => {
    const advice = adviceFor(p);
    return advice && !/^nothing/i.test(advice.replacement) ? [advice.replacement] : [];
  });
  return moves.length > 0
    ? `Use ${moves.join(' / ')} instead.`
    : 'Delete it: the feature it configured is gone or always on.';
}

export function removed(
  id: string,
  paths: string[],
  since: CiliumVersion,
  match: RegExp,
  cite: string,
): ChartFailureNote {
  return {
    id,
    match,
    since,
    cite,
    explain: () =>
      `${paths.join(' / ')} ${paths.length > 1 ? 'were' : 'was'} removed from the chart and must not be set any more.`,
    advice: migration(paths),
  };
}

/** routingMode: native with IPv4/IPv6 masquerading needs the matching native-routing CIDR: one note per address family. */
export function nativeRoutingCidrNote(f: '4' | '6'): ChartFailureNote {
  return {
    id: `chart-native-routing-cidr-ipv${f}`,
    match: new RegExp(`^\\s*ipv${f}NativeRoutingCIDR must be set when routingMode is native`),
    since: '1.18',
    cite: 'templates/cilium-configmap.yaml@v1.18.7 l.532-545 (raw .Values.enableIPv4Masquerade, values.yaml@v1.18.7 l.2177 default ~), @v1.19.1 l.540-553',
    explain: () =>
      `routingMode: native with IPv${f} masquerading needs ipv${f}NativeRoutingCIDR (the range that is routed without masquerading).`,
  };
}

/** The routing mode a managed platform's chart mode needs (the chart writes it and refuses any other). */
const PLATFORM_ROUTING_MODES = { gke: 'native', aksbyocni: 'tunnel' } as const;

/** gke.enabled / aksbyocni.enabled with another routing mode set: one note per platform. */
export function platformRoutingModeNote(platform: keyof typeof PLATFORM_ROUTING_MODES): ChartFailureNote {
  const mode = PLATFORM_ROUTING_MODES[platform];
  return {
    id: `chart-${platform}-needs-${mode}`,
    match: new RegExp(`^RoutingMode must be set to ${mode} when ${platform}\\.enabled=true`),
    since: '1.14',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 l.433-446',
    explain: () => `With ${platform}.enabled the routing mode must be ${mode}.`,
  };
}

/** The single cluster-pool pod CIDR per family was replaced by a list (1.14-1.18): one note per address family. */
export function clusterPoolCidrNote(f: '4' | '6'): ChartFailureNote {
  return {
    id: `chart-cluster-pool-ipv${f}-cidr-removed`,
    match: new RegExp(`^Value ipam\\.operator\\.clusterPoolIPv${f}PodCIDR removed`),
    since: '1.14',
    until: '1.18',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 l.897-909 .. @v1.18.7',
    explain: () =>
      `ipam.operator.clusterPoolIPv${f}PodCIDR was replaced by ipam.operator.clusterPoolIPv${f}PodCIDRList (a list).`,
  };
}

/** Of `notes`, the one that explains a chart failure (a `fail`/`required` message, or a template error's text). */
export function chartFailureNote(
  notes: readonly ChartFailureNote[],
  message: string,
  templateError = false,
): ChartFailureNote | undefined {
  return notes.find((n) => (templateError ? n.matchError?.(message) : n.match.test(message)));
}
