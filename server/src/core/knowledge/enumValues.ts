// Values that only take one of a fixed set of words, per Cilium version, with the component that checks the
// word and what happens to a word outside the set. Every set was read in Cilium's source or chart at the tags
// named in `cite` (agent facts for 1.20 at the v1.20.0-pre.4 commit 7527a668 of cilium/cilium).
//
// A wrong word is not always refused: the chart compares encryption.type with "ipsec" and "wireguard" and
// writes nothing for anything else, so a typo installs cleanly and leaves traffic unencrypted. That is worse
// than a refused install, so it is an error too.
//
// kubeProxyReplacement, routingMode and tunnelProtocol (1.14+) are checked by their own rules
// (kpr-invalid-value / chart-kpr-invalid, routing-mode-invalid); they are listed in ENUM_SETS_ONLY so completion
// and did-you-mean use the same words, but they produce no second finding here.

import type { State } from '../model/state';
import { goTruthy } from '../settings';
import type { Severity } from '../types';
import { inRange, type CiliumVersion } from '../version';
import schemaEnums from './schemaEnums.json';

export interface ValueSet {
  since?: CiliumVersion;
  until?: CiliumVersion;
  values: readonly string[];
}

export interface Consequence {
  /** What happens, in our words: who refuses or ignores the value and what the user then gets. */
  text: string;
  /** The agent's own error text, when it has one. */
  sourceText?: string;
  /** When the value does no harm yet (the feature it belongs to is off): a warning instead of the rule's severity. */
  severity?: Severity;
}

export interface EnumSpec {
  /** The rule id of the finding. */
  id: string;
  severity: Severity;
  /** The Helm values path, when the chart has one. */
  helm?: string;
  /** The cilium-config key the agent reads, when there is one. */
  configMap?: string;
  /** What the value is, for messages: "load-balancing mode". */
  what: string;
  sets: readonly ValueSet[];
  since?: CiliumVersion;
  until?: CiliumVersion;
  cite: string;
  ignoreCase?: boolean;
  /** Every error this rule reports is the agent refusing to start (the verdict then says "Agent starts: no"). */
  stopsAgent?: boolean;
  /** Further values that are accepted but not offered (numbers for monitor aggregation). */
  alsoAccepts?: (raw: string) => boolean;
  /** What a value outside the set does in this configuration; undefined when nothing checks or uses it here. */
  consequence(s: State, raw: string): Consequence | undefined;
}

const R120 = '@v1.20.0-pre.4 (7527a668)';

/** BPF NodePort is on: up to 1.17 the agent only checks the load-balancer words then. */
const nodePortOn = (s: State) => s.nodePort;

const agentExits = (sourceText: string): Consequence => ({ text: 'The agent refuses to start.', sourceText });

export const ENUM_SPECS: readonly EnumSpec[] = [
  {
    id: 'encryption-type-invalid',
    severity: 'error',
    helm: 'encryption.type',
    what: 'encryption type',
    sets: [
      { until: '1.18', values: ['ipsec', 'wireguard'] },
      { since: '1.19', values: ['ipsec', 'wireguard', 'ztunnel'] },
    ],
    cite: 'templates/cilium-configmap.yaml@v1.12.19 l.491-511, @v1.16.19 l.598-615, @v1.18.7 l.669-685, @v1.19.1 l.733-754, @v1.20.0-pre.4 l.753-770',
    consequence: (s) => {
      if (!s.helm) return undefined;
      if (goTruthy(s.helm.get('encryption.enabled')?.value)) {
        return {
          text: `The ${s.version} chart writes encryption settings only for the words it knows, so this installs without any complaint and traffic stays unencrypted: worse than a refused install, because nothing tells you.`,
        };
      }
      return {
        severity: 'warning',
        text: 'Encryption is off, so nothing reads it yet; the day encryption.enabled is turned on, the chart will ignore this word and traffic will stay unencrypted without any error.',
      };
    },
  },
  {
    id: 'ipam-mode-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'ipam.mode',
    configMap: 'ipam',
    what: 'IPAM mode',
    sets: [
      {
        until: '1.13',
        values: [
          'cluster-pool',
          'kubernetes',
          'crd',
          'eni',
          'azure',
          'alibabacloud',
          'delegated-plugin',
          'cluster-pool-v2beta',
        ],
      },
      {
        since: '1.14',
        until: '1.14',
        values: [
          'cluster-pool',
          'kubernetes',
          'multi-pool',
          'crd',
          'eni',
          'azure',
          'alibabacloud',
          'delegated-plugin',
          'cluster-pool-v2beta',
        ],
      },
      {
        since: '1.15',
        values: ['cluster-pool', 'kubernetes', 'multi-pool', 'crd', 'eni', 'azure', 'alibabacloud', 'delegated-plugin'],
      },
    ],
    cite: `pkg/ipam/ipam.go@v1.12.19 l.116-157, @v1.14.19 l.119-172, @v1.15.19 l.111-153, @v1.19.1 l.120-174, ${R120} l.125-210`,
    consequence: (_s, raw) => agentExits(`Unknown IPAM backend ${raw}`),
  },
  {
    id: 'tunnel-mode-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'tunnel',
    configMap: 'tunnel',
    what: 'tunnel mode',
    sets: [{ until: '1.13', values: ['vxlan', 'geneve', 'disabled'] }],
    until: '1.13',
    cite: 'pkg/option/config.go@v1.12.19 l.2653-2662, @v1.13.18 l.2765 (Validate, fatal via daemon/cmd/daemon.go@v1.12.19 l.382-384, @v1.13.18 l.418-420)',
    consequence: (_s, raw) => agentExits(`invalid daemon configuration: invalid tunnel mode '${raw}'`),
  },
  {
    id: 'lb-mode-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'loadBalancer.mode',
    configMap: 'bpf-lb-mode',
    what: 'load-balancing mode',
    sets: [{ values: ['snat', 'dsr', 'hybrid'] }],
    cite: `daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.112-116, @v1.16.19 l.63-67, @v1.17.13 l.62-66 (only with BPF NodePort); pkg/loadbalancer/config.go@v1.18.7 l.427-429, @v1.19.1 l.446-448, ${R120} l.446-448 (always)`,
    consequence: (s, raw) =>
      inRange(s.version, '1.18') || nodePortOn(s) ? agentExits(`Invalid value for --bpf-lb-mode: ${raw}`) : undefined,
  },
  {
    id: 'lb-algorithm-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'loadBalancer.algorithm',
    configMap: 'bpf-lb-algorithm',
    what: 'load-balancing algorithm',
    sets: [{ values: ['random', 'maglev'] }],
    cite: `daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.173-176, @v1.16.19 l.126-129, @v1.17.13 l.132-135 (only with BPF NodePort); pkg/loadbalancer/config.go@v1.18.7 l.414-416, @v1.19.1 l.433-436, ${R120} l.441-443 (always)`,
    consequence: (s, raw) =>
      inRange(s.version, '1.18') || nodePortOn(s)
        ? agentExits(`Invalid value for --bpf-lb-algorithm: ${raw}`)
        : undefined,
  },
  {
    id: 'lb-acceleration-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'loadBalancer.acceleration',
    configMap: 'bpf-lb-acceleration',
    what: 'XDP acceleration mode',
    sets: [
      { until: '1.14', values: ['disabled', 'native', 'testing-only'] },
      { since: '1.15', values: ['disabled', 'native', 'best-effort', 'testing-only'] },
    ],
    cite: `daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.178-182, @v1.15.19 l.170-176, @v1.16.19 l.131-136 (only with BPF NodePort); pkg/datapath/xdp/cell.go@v1.17.13 l.37-47, @v1.19.1 l.38-48, ${R120} (always); pkg/option/config.go@v1.15.19 l.889 (best-effort)`,
    consequence: (s, raw) =>
      inRange(s.version, '1.17') || nodePortOn(s)
        ? agentExits(`Invalid value for --bpf-lb-acceleration: ${raw}`)
        : undefined,
  },
  {
    id: 'lb-dsr-dispatch-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'loadBalancer.dsrDispatch',
    configMap: 'bpf-lb-dsr-dispatch',
    what: 'DSR dispatch method',
    sets: [
      { until: '1.13', values: ['opt', 'ipip'] },
      { since: '1.14', values: ['opt', 'ipip', 'geneve'] },
    ],
    cite: `daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.118-124, @v1.14.19 l.109-117, @v1.17.13 l.71-89 (with BPF NodePort and DSR or hybrid mode); checks commented out in pkg/loadbalancer/config.go@v1.18.7 l.436-455 and @v1.19.1 l.455-474; checked always in pkg/loadbalancer/config.go${R120} l.458-463`,
    consequence: (s, raw) => {
      const mode = s.agent.lbMode?.value ?? 'snat';
      const text = agentExits(`Invalid value for --bpf-lb-dsr-dispatch: ${raw}`);
      if (inRange(s.version, '1.20')) return text;
      if (inRange(s.version, '1.18')) return undefined; // lb-dsr-dispatch-unchecked speaks for 1.18 and 1.19
      return nodePortOn(s) && (mode === 'dsr' || mode === 'hybrid') ? text : undefined;
    },
  },
  {
    id: 'lb-dsr-dispatch-unchecked',
    severity: 'warning',
    helm: 'loadBalancer.dsrDispatch',
    configMap: 'bpf-lb-dsr-dispatch',
    what: 'DSR dispatch method',
    sets: [{ since: '1.18', until: '1.19', values: ['opt', 'ipip', 'geneve'] }],
    since: '1.18',
    until: '1.19',
    cite: 'pkg/loadbalancer/config.go@v1.18.7 l.436-455, @v1.19.1 l.455-474 (check commented out); pkg/datapath/linux/config/config.go@v1.18.7 l.412-418 (only the three words set DSR_ENCAP_MODE)',
    consequence: (s) => {
      const mode = s.agent.lbMode?.value ?? 'snat';
      if (!(s.nodePort && (mode === 'dsr' || mode === 'hybrid'))) return undefined;
      return {
        text: `Cilium ${s.version} does not check this value and gives the datapath no dispatch method for it, so DSR will not work as configured.`,
      };
    },
  },
  {
    id: 'datapath-mode-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'bpf.datapathMode',
    configMap: 'datapath-mode',
    what: 'datapath mode',
    sets: [
      { until: '1.15', values: ['veth', 'lb-only'] },
      { since: '1.16', until: '1.17', values: ['veth', 'netkit', 'netkit-l2', 'lb-only'] },
      { since: '1.18', until: '1.19', values: ['veth', 'netkit', 'netkit-l2'] },
      { since: '1.20', values: ['auto', 'veth', 'netkit', 'netkit-l2'] },
    ],
    cite: `daemon/cmd/daemon_main.go@v1.12.19 l.1411, @v1.14.19 l.1382, @v1.15.19 l.1362-1383, @v1.16.19 l.1366-1398, @v1.17.13 l.1315, @v1.18.7 l.1189, @v1.19.1 l.1065-1090; pkg/datapath/connector/config.go${R120} l.186-190`,
    consequence: (s, raw) =>
      agentExits(inRange(s.version, '1.20') ? `invalid datapath mode: ${raw}` : 'Invalid datapath mode'),
  },
  {
    id: 'identity-allocation-mode-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'identityAllocationMode',
    configMap: 'identity-allocation-mode',
    what: 'identity allocation mode',
    sets: [
      { until: '1.16', values: ['crd', 'kvstore'] },
      { since: '1.17', values: ['crd', 'kvstore', 'doublewrite-readkvstore', 'doublewrite-readcrd'] },
    ],
    cite: `pkg/option/config.go@v1.12.19 l.3210-3219, @v1.16.19 l.3410-3418, @v1.17.13 l.3273-3281, @v1.19.1 l.2755-2763, ${R120} l.2800-2808`,
    consequence: (_s, raw) => agentExits(`Invalid identity allocation mode "${raw}"`),
  },
  {
    id: 'monitor-aggregation-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'bpf.monitorAggregation',
    configMap: 'monitor-aggregation',
    what: 'monitor aggregation level',
    sets: [{ values: ['none', 'disabled', 'lowest', 'low', 'medium', 'max', 'maximum'] }],
    ignoreCase: true,
    alsoAccepts: (raw) => /^[0-4]$/.test(raw),
    cite: `pkg/option/monitor.go@v1.12.19 l.50-105, @v1.19.1 l.50-105 (words, any case, or 0-4); daemon/cmd/daemon_main.go@v1.12.19 l.1368-1370, @v1.19.1 l.1043-1045, ${R120} l.1036`,
    consequence: (_s, raw) =>
      agentExits(`Failed to parse monitor-aggregation: invalid monitor aggregation level "${raw}"`),
  },
  {
    id: 'cni-chaining-mode-invalid',
    severity: 'error',
    helm: 'cni.chainingMode',
    configMap: 'cni-chaining-mode',
    what: 'CNI chaining mode',
    // The same six names are registered as chainers in every version (plugins/cilium-cni/chaining/*/…go
    // `chainingapi.Register` @v1.12.19 and @v1.13.18 too). Up to 1.13 the agent does not check the word; the
    // CNI configuration is written by plugins/cilium-cni/cni-install.sh, whose `case` knows flannel, portmap
    // and aws-cni and writes Cilium's own stand-alone configuration for anything else.
    sets: [{ values: ['none', 'aws-cni', 'azure', 'flannel', 'generic-veth', 'portmap'] }],
    cite: `plugins/cilium-cni/cni-install.sh@v1.12.19 l.7-23 and l.127-226, @v1.13.18 l.7-23 and l.127-226 (1.12-1.13); daemon/cmd/cni/config.go@v1.14.19 l.95-150 and l.342, @v1.19.1 l.100-155 and l.387; plugins/cilium-cni/main.go@v1.14.19 l.908, plugins/cilium-cni/cmd/cmd.go@v1.19.1 l.1291, ${R120} l.1321; chainers registered in plugins/cilium-cni/chaining/* (@v1.12.19 onwards)`,
    consequence: (s, raw) =>
      inRange(s.version, undefined, '1.13')
        ? {
            text: `The ${s.version} CNI install script only writes a chained configuration for the words it knows: for this one it writes Cilium's own stand-alone CNI configuration instead (and, with cni.exclusive on, the default, moves the other plugin's configuration aside), while the agent runs as if chained. Cilium takes over pod networking instead of chaining behind the plugin you meant.`,
          }
        : {
            text: "Cilium has no CNI configuration for it: the agent keeps retrying to write the CNI configuration file, or, chained into another plugin's configuration, the CNI plugin refuses every pod. Pods get no network.",
            sourceText: `invalid CNI chaining mode: ${raw}`,
          },
  },
  {
    id: 'lb-l7-algorithm-invalid',
    severity: 'warning',
    helm: 'loadBalancer.l7.algorithm',
    configMap: 'loadbalancer-l7-algorithm',
    what: 'L7 load-balancing algorithm',
    ignoreCase: true,
    // The operator upper-cases the word and looks it up in Envoy's Cluster.LbPolicy names (the vendored
    // envoy/config/cluster/v3/cluster.pb.go, same seven names in every version); anything else silently becomes
    // ROUND_ROBIN. Only read when the Envoy L7 load balancer is on (loadBalancer.l7.backend: envoy).
    sets: [
      {
        since: '1.13',
        values: [
          'round_robin',
          'least_request',
          'random',
          'ring_hash',
          'maglev',
          'cluster_provided',
          'load_balancing_policy_config',
        ],
      },
    ],
    since: '1.13',
    cite: `operator/pkg/ciliumenvoyconfig/envoy_config.go@v1.13.18 l.137-140, @v1.14.19 l.139-142, @v1.16.19 l.78-81, @v1.18.7 l.79-82, @v1.19.1 l.79-82, ${R120} l.79-82; operator/cmd/root.go@v1.13.18 l.732 and operator/pkg/ciliumenvoyconfig/cell.go@v1.19.1 l.61 (only with loadbalancer-l7: envoy); templates/cilium-configmap.yaml@v1.13.18 l.236-241, @v1.19.1 l.319-324`,
    consequence: (s, raw) => {
      const backend = s.helm
        ? s.helm.get('loadBalancer.l7.backend')?.value
        : s.agent.settings.get('loadbalancer-l7')?.value;
      if (backend !== 'envoy') return undefined; // nothing reads it without the Envoy L7 load balancer
      return {
        text: `cilium-operator does not know "${raw}" and silently uses round_robin for every service without its own lb-l7-algorithm annotation.`,
      };
    },
  },
  {
    id: 'underlay-protocol-invalid',
    severity: 'error',
    stopsAgent: true,
    helm: 'underlayProtocol',
    configMap: 'underlay-protocol',
    what: 'tunnel underlay protocol',
    sets: [
      { since: '1.18', until: '1.19', values: ['ipv4', 'ipv6'] },
      { since: '1.20', values: ['ipv4', 'ipv6', 'auto'] },
    ],
    since: '1.18',
    // Checked by the tunnel cell's constructor in every routing mode; the chart writes the key only when the
    // value is not empty (templates/cilium-configmap.yaml@v1.18.7 l.553-555).
    cite: `pkg/datapath/tunnel/tunnel.go@v1.18.7 l.90-94, @v1.19.1 l.90-94, ${R120} l.105-125`,
    consequence: (_s, raw) => agentExits(`invalid IP family for underlay "${raw}"`),
  },
];

/** Helm values the schema (1.16+) restricts to a list of words: Helm refuses anything else before rendering. */
export const SCHEMA_ENUM_RULE = {
  id: 'chart-schema-enum',
  severity: 'error' as Severity,
  since: '1.16' as CiliumVersion,
  cite: 'values.schema.json@v1.16.19, @v1.17.13, @v1.18.7, @v1.19.1, @v1.20.0-pre.4 (generated into knowledge/schemaEnums.json by tools/gen-schema-enums.ts)',
};

const SCHEMA_ENUMS = schemaEnums as Record<string, Partial<Record<CiliumVersion, string[]>>>;

export function schemaEnumPaths(): string[] {
  return Object.keys(SCHEMA_ENUMS);
}

export function schemaEnumValues(path: string, version: CiliumVersion): readonly string[] | undefined {
  return SCHEMA_ENUMS[path]?.[version];
}

/** The words a spec accepts in a version, or undefined when the spec says nothing about that version. */
export function allowedIn(spec: EnumSpec, version: CiliumVersion): readonly string[] | undefined {
  if (!inRange(version, spec.since, spec.until)) return undefined;
  return spec.sets.find((set) => inRange(version, set.since, set.until))?.values;
}

export function isAccepted(spec: EnumSpec, raw: string, allowed: readonly string[]): boolean {
  if (spec.alsoAccepts?.(raw)) return true;
  return spec.ignoreCase ? allowed.some((a) => a.toLowerCase() === raw.toLowerCase()) : allowed.includes(raw);
}

/** The checking spec for a Helm path or ConfigMap key at a version (for completion and quick-fixes). */
export function enumSpecFor(key: string, version: CiliumVersion): EnumSpec | undefined {
  return ENUM_SPECS.find((s) => (s.helm === key || s.configMap === key) && allowedIn(s, version) !== undefined);
}
