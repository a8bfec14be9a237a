// What cilium-agent runs with when cilium-config does not set an option the model reads: the flag's default at
// each supported release. Cited at the oldest and the newest release that registers the flag; in between the
// extracted key lists (configKeys.json, generated from ../shared/cilium-config-keys) hold the registration of
// every release, and test/core/agentDefaults.test.ts checks every cell against them for every version.
//
// Only what the agent does with the key absent matters here. A chart always writes some of these (enable-ipv6,
// for one), so the defaults show in hand-written ConfigMaps and in keys a chart version does not write.

import type { CiliumVersion } from '../version';

export interface AgentDefault {
  /** The flag's default, as cilium-config would spell it. */
  value: string;
  /** Registration at the oldest and the newest release that has the flag. */
  cite: string;
  /** What the agent really runs with when that differs from the flag's default (the flag's default is then `value`). */
  effective?: { value: string; cite: string };
  /** The versions that have the flag, when not all. */
  since?: CiliumVersion;
  until?: CiliumVersion;
}

const D = 'daemon/cmd/daemon_main.go';

const TABLE = {
  'enable-ipv4': { value: 'true', cite: `${D}@v1.12.19 l.322, @v1.21.0-pre.0 l.205 (defaults.EnableIPv4)` },
  // The agent's own default is on; the charts write ipv6.enabled (false) into cilium-config, so only a
  // hand-written ConfigMap without the key runs with IPv6.
  'enable-ipv6': {
    value: 'true',
    cite: `${D}@v1.12.19 l.325, @v1.21.0-pre.0 l.208 (defaults.EnableIPv6, pkg/defaults/defaults.go@v1.12.19 l.191)`,
  },
  'enable-ipv4-masquerade': { value: 'true', cite: `${D}@v1.12.19 l.720, @v1.21.0-pre.0 l.485` },
  'enable-ipv6-masquerade': { value: 'true', cite: `${D}@v1.12.19 l.723, @v1.21.0-pre.0 l.491` },
  'enable-bpf-masquerade': { value: 'false', cite: `${D}@v1.12.19 l.726, @v1.21.0-pre.0 l.494` },
  'enable-ip-masq-agent': { value: 'false', cite: `${D}@v1.12.19 l.733; pkg/ipmasq/cell/config.go@v1.21.0-pre.0 l.23` },
  'enable-node-port': {
    value: 'false',
    until: '1.18',
    cite: `${D}@v1.12.19 l.595; pkg/kpr/kpr.go@v1.18.7 l.46 (gone from 1.19)`,
  },
  // Read for 1.14 and 1.15, whose agent turns BPF NodePort on for CiliumEnvoyConfig (model/state.ts).
  'enable-envoy-config': { value: 'false', cite: `${D}@v1.12.19 l.742, @v1.21.0-pre.0 l.503` },
  'bpf-lb-sock': { value: 'false', cite: `${D}@v1.12.19 l.366; pkg/kpr/kpr.go@v1.21.0-pre.0 l.32` },
  'enable-host-legacy-routing': { value: 'false', cite: `${D}@v1.12.19 l.384, @v1.21.0-pre.0 l.289` },
  'enable-endpoint-routes': { value: 'false', cite: `${D}@v1.12.19 l.303, @v1.21.0-pre.0 l.196` },
  'enable-ipsec': { value: 'false', cite: `${D}@v1.12.19 l.417; pkg/datapath/linux/ipsec/cell.go@v1.21.0-pre.0 l.140` },
  'enable-wireguard': { value: 'false', cite: `${D}@v1.12.19 l.426; pkg/wireguard/agent/cell.go@v1.21.0-pre.0 l.116` },
  // Read by xdp-acceleration-not-encrypted (1.14+); hidden up to 1.13, obsolete (still read) in 1.21.
  'encrypt-node': { value: 'false', cite: `${D}@v1.12.19 l.340, @v1.21.0-pre.0 l.241` },
  'bpf-lb-acceleration': { value: 'disabled', cite: `${D}@v1.12.19 l.657, @v1.21.0-pre.0 l.440` },
  ipam: {
    value: 'cluster-pool',
    cite: `${D}@v1.12.19 l.490, @v1.21.0-pre.0 l.359 (the agent's; the operator's depends on its binary)`,
  },
  'auto-direct-node-routes': { value: 'false', cite: `${D}@v1.12.19 l.378, @v1.21.0-pre.0 l.280` },
  'install-no-conntrack-iptables-rules': { value: 'false', cite: `${D}@v1.12.19 l.1097, @v1.21.0-pre.0 l.714` },
  'enable-masquerade-to-route-source': {
    value: 'false',
    since: '1.15',
    cite: `${D}@v1.15.19 l.700, @v1.21.0-pre.0 l.497`,
  },
  'enable-ipv4-egress-gateway': {
    value: 'false',
    until: '1.18',
    cite: `${D}@v1.12.19 l.736, @v1.18.7 l.579 (gone from 1.19)`,
  },
  'enable-egress-gateway': { value: 'false', since: '1.18', cite: `${D}@v1.18.7 l.583, @v1.21.0-pre.0 l.500` },
  'enable-bandwidth-manager': {
    value: 'false',
    cite: `${D}@v1.12.19 l.605; pkg/datapath/linux/bandwidth/types/config.go@v1.21.0-pre.0 l.26`,
  },
  'enable-bbr': {
    value: 'false',
    cite: `${D}@v1.12.19 l.608; pkg/datapath/linux/bandwidth/types/config.go@v1.21.0-pre.0 l.27`,
  },
  'enable-ipv4-big-tcp': {
    value: 'false',
    since: '1.14',
    cite: `${D}@v1.14.19 l.707; pkg/datapath/linux/bigtcp/config.go@v1.21.0-pre.0 l.29`,
  },
  'enable-ipv6-big-tcp': {
    value: 'false',
    since: '1.13',
    cite: `${D}@v1.13.18 l.669; pkg/datapath/linux/bigtcp/config.go@v1.21.0-pre.0 l.30`,
  },
  'datapath-mode': { value: 'veth', cite: `${D}@v1.12.19 l.296, @v1.21.0-pre.0 l.190` },
  'enable-bpf-tproxy': { value: 'false', cite: `${D}@v1.12.19 l.381, @v1.21.0-pre.0 l.286` },
  'enable-l7-proxy': { value: 'true', cite: `${D}@v1.12.19 l.402, @v1.21.0-pre.0 l.295` },
  'install-iptables-rules': { value: 'true', cite: `${D}@v1.12.19 l.751, @v1.21.0-pre.0 l.506` },
  'routing-mode': { value: 'tunnel', since: '1.14', cite: `${D}@v1.14.19 l.783, @v1.21.0-pre.0 l.540` },
  'tunnel-protocol': {
    value: 'vxlan',
    since: '1.14',
    cite: `${D}@v1.14.19 l.786; pkg/datapath/tunnel/tunnel.go@v1.21.0-pre.0 l.308`,
  },
  // Up to 1.13 the empty default becomes vxlan in the veth datapath (the only one the model follows); in 1.14 the
  // key is a deprecated alias read only when set.
  tunnel: {
    value: '',
    until: '1.14',
    cite: `${D}@v1.12.19 l.815, @v1.14.19 l.778`,
    effective: { value: 'vxlan', cite: `${D}@v1.12.19 l.1392-1394, @v1.13.18 l.1350-1352` },
  },
} as const satisfies Record<string, AgentDefault>;

export type AgentDefaultKey = keyof typeof TABLE;
export const AGENT_DEFAULTS: Readonly<Record<AgentDefaultKey, AgentDefault>> = TABLE;

/** The value the agent runs with when the key is absent ("true"/"false" for booleans). */
export function agentDefault(key: AgentDefaultKey): string {
  const d = AGENT_DEFAULTS[key];
  return d.effective?.value ?? d.value;
}
