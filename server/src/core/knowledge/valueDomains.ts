// The words completion offers for Helm values whose words no rule checks (or whose checker accepts more than the
// chart documents, such as the agent's testing-only XDP mode): each as values.yaml documents it in the comment
// above the key, cited. Keys with a checking rule take their words from that rule's set (enumValues.ts), and
// kubeProxyReplacement from kprModes.ts, so completion and the checks cannot disagree.
// test/core/valueDomains.test.ts compares every cell with the comment in the chart of every version it covers.

import { inRange, type CiliumVersion } from '../version';

export interface ValueDomain {
  /** The Helm values path. */
  path: string;
  since?: CiliumVersion;
  until?: CiliumVersion;
  values: readonly string[];
  /** Offered but marked deprecated, with this note. */
  deprecated?: string;
  cite: string;
}

export const VALUE_DOMAINS: readonly ValueDomain[] = [
  {
    path: 'routingMode',
    since: '1.14',
    values: ['tunnel', 'native'],
    cite: 'values.yaml@v1.14.19 l.2145-2151, @v1.21.0-pre.0 l.3222-3228',
  },
  {
    path: 'tunnelProtocol',
    since: '1.14',
    values: ['vxlan', 'geneve'],
    cite: 'values.yaml@v1.14.19 l.2137-2143, @v1.21.0-pre.0 l.3208-3214',
  },
  {
    path: 'tunnel',
    until: '1.13',
    values: ['vxlan', 'geneve', 'disabled'],
    cite: 'values.yaml@v1.12.19 l.1532-1537, @v1.13.18 l.1769-1774',
  },
  {
    path: 'tunnel',
    since: '1.14',
    until: '1.14',
    values: ['vxlan', 'geneve', 'disabled'],
    deprecated: 'deprecated in 1.14: write routingMode / tunnelProtocol',
    cite: 'values.yaml@v1.14.19 l.2128-2135 (deprecated, removed in 1.15)',
  },
  {
    path: 'loadBalancer.acceleration',
    until: '1.14',
    values: ['disabled', 'native'],
    cite: 'values.yaml@v1.12.19 l.1394-1396, @v1.14.19 l.1713-1715',
  },
  {
    path: 'loadBalancer.acceleration',
    since: '1.15',
    values: ['disabled', 'native', 'best-effort'],
    cite: 'values.yaml@v1.15.19 l.1910-1915, @v1.21.0-pre.0 l.2588-2593',
  },
  {
    path: 'loadBalancer.l7.backend',
    since: '1.13',
    values: ['disabled', 'envoy'],
    cite: 'values.yaml@v1.13.18 l.1616-1624, @v1.21.0-pre.0 l.2611-2619',
  },
  {
    path: 'loadBalancer.l7.algorithm',
    since: '1.13',
    values: ['round_robin', 'least_request', 'random'],
    cite: 'values.yaml@v1.13.18 l.1629-1633, @v1.21.0-pre.0 l.2624-2628',
  },
  {
    path: 'bpf.monitorAggregation',
    values: ['none', 'low', 'medium', 'maximum'],
    cite: 'values.yaml@v1.12.19 l.327-329, @v1.21.0-pre.0 l.676-678',
  },
  {
    path: 'policyEnforcementMode',
    values: ['default', 'always', 'never'],
    cite: 'values.yaml@v1.12.19 l.1426-1429, @v1.21.0-pre.0 l.2660-2663',
  },
];

/** The row for a Helm path in a version, if completion has one. */
export function valueDomain(path: string, v: CiliumVersion): ValueDomain | undefined {
  return VALUE_DOMAINS.find((d) => d.path === path && inRange(v, d.since, d.until));
}
