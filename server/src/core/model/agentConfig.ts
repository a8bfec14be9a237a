// The agent's view of cilium-config: typed options with the agent's own defaults for absent keys. Both
// Helm values (after rendering) and a hand-written ConfigMap end up here, so the datapath logic is written once.
//
// What the agent runs with when a key is absent is data: knowledge/agentDefaults.ts (each flag's default, cited
// and checked against the extracted key lists); kube-proxy replacement's words and default: knowledge/kprModes.ts.
// Which keys a version has decides which key is read (enable-node-port until 1.18, tunnel vs routing-mode…).

import { AGENT_DEFAULTS, agentDefault, type AgentDefaultKey } from '../knowledge/agentDefaults';
import { kprFacts, type KprWord } from '../knowledge/kprModes';
import type { MapView } from '../parse/tree';
import { agentBool, goString, type Setting } from '../settings';
import type { Origin } from '../types';
import { inRange, type CiliumVersion } from '../version';
import { isTemplated } from './unknown';

/** cilium-config as the agent reads it: key → value and where the value came from. */
export type RenderedConfig = Map<string, Setting<string>>;

export interface Flag {
  on: boolean;
  origin: Origin;
}

export interface Text {
  value: string;
  origin: Origin;
}

export type KprMode = KprWord | 'invalid';

export interface AgentConfig {
  version: CiliumVersion;
  settings: RenderedConfig;
  ipv4: Flag;
  ipv6: Flag;
  ipv4Masquerade: Flag;
  ipv6Masquerade: Flag;
  bpfMasquerade: Flag;
  ipMasqAgent: Flag;
  kpr: { mode: KprMode; raw: string; origin: Origin };
  /** The separate enable-node-port switch (only up to 1.18). */
  nodePortFlag: Flag;
  socketLB: Flag | undefined;
  /**
   * CiliumEnvoyConfig support; the chart writes it for envoyConfig, ingressController, gatewayAPI or the Envoy L7
   * backend (templates/cilium-configmap.yaml@v1.14.19 l.233-234, @v1.15.19 l.250-251).
   */
  envoyConfig: Flag;
  hostLegacyRouting: Flag;
  endpointRoutes: Flag;
  ipsec: Flag;
  wireguard: Flag;
  /** encrypt-node: node-to-node traffic encrypted too (xdp-acceleration-not-encrypted). */
  encryptNode: Flag;
  routingMode: Text;
  tunnelProtocol: Text;
  chainingMode: Text | undefined;
  ipam: Text;
  ipv4NativeRoutingCIDR: Text | undefined;
  ipv6NativeRoutingCIDR: Text | undefined;
  autoDirectNodeRoutes: Flag;
  noConntrackRules: Flag;
  lbMode: Text | undefined;
  /** bpf-lb-acceleration: the XDP acceleration mode, `disabled` when unset. */
  lbAcceleration: Text;
  dsrDispatch: Text | undefined;
  egressMasqueradeInterfaces: Text | undefined;
  masqueradeRouteSource: Flag;
  egressGateway: Flag;
  bandwidthManager: Flag;
  bbr: Flag;
  bigTcp4: Flag;
  bigTcp6: Flag;
  datapathMode: Text;
  bpfTproxy: Flag;
  l7Proxy: Flag;
  installIptablesRules: Flag;
}

/** Reads a cilium-config ConfigMap's data into settings (values are strings there; others are coerced). */
export function configMapSettings(data: MapView): RenderedConfig {
  const out: RenderedConfig = new Map();
  for (const e of data.entries()) {
    const v = data.valueOf(e);
    const value = typeof v === 'symbol' ? '' : goString(v);
    const origin: Origin = { kind: 'user', key: e.key, range: e.keyRange, valueText: data.sourceOf(e) };
    if (typeof v === 'symbol') origin.templated = true;
    out.set(e.key, { value, origin });
  }
  return out;
}

/** The version registers the flag (the table's since/until, checked against the extracted key lists). */
function hasFlag(key: AgentDefaultKey, version: CiliumVersion): boolean {
  return inRange(version, AGENT_DEFAULTS[key].since, AGENT_DEFAULTS[key].until);
}

export function buildAgentConfig(settings: RenderedConfig, version: CiliumVersion): AgentConfig {
  // A templated setting is unknown: it reads as the agent's default but keeps its templated origin, so every
  // check that rests on it is recorded as undecided instead of firing (model/unknown.ts).
  const flag = (key: AgentDefaultKey): Flag => {
    const fallback = agentDefault(key) === 'true';
    const s = settings.get(key);
    if (!s) return { on: fallback, origin: { kind: 'agent-default', key } };
    if (isTemplated(s.origin)) return { on: fallback, origin: s.origin };
    // A value Go's ParseBool refuses: every key read here is a registered flag, so the agent's start-up check of
    // the ConfigMap refuses it and the agent does not start (configmap-value-stops-agent says so); the default is
    // as good as any (test/core/model/agentConfig.mutation.test.ts checks they are all flags).
    const parsed = agentBool(s.value);
    return { on: parsed ?? fallback, origin: s.origin };
  };
  const text = (key: string, fallback: string): Text => {
    const s = settings.get(key);
    if (!s || s.value === '' || isTemplated(s.origin))
      return { value: fallback, origin: s?.origin ?? { kind: 'agent-default', key } };
    return { value: s.value.trim(), origin: s.origin };
  };
  // An optional value that is templated is present (with unknown content): "missing" checks must not fire.
  const optional = (key: string): Text | undefined => {
    const s: Setting<string> | undefined = settings.get(key);
    if (s && isTemplated(s.origin)) return { value: '', origin: s.origin };
    return s && s.value.trim() !== '' ? { value: s.value.trim(), origin: s.origin } : undefined;
  };

  // A kube-proxy-replacement that is written but blank is not the default: the agent reads "" (its ConfigMap
  // directory keeps empty files, pkg/option/config.go@v1.16.19 l.2939) and refuses it (kprMode below).
  const kprSet = settings.get('kube-proxy-replacement');
  const kprText =
    kprSet && !isTemplated(kprSet.origin) && kprSet.value.trim() === ''
      ? { value: '', origin: kprSet.origin }
      : text('kube-proxy-replacement', kprFacts(version).agentDefault);
  const routing = routingOf(settings, version);
  return {
    version,
    settings,
    ipv4: flag('enable-ipv4'),
    ipv6: flag('enable-ipv6'),
    ipv4Masquerade: flag('enable-ipv4-masquerade'),
    ipv6Masquerade: flag('enable-ipv6-masquerade'),
    bpfMasquerade: flag('enable-bpf-masquerade'),
    ipMasqAgent: flag('enable-ip-masq-agent'),
    kpr: { mode: kprMode(kprText.value, version), raw: kprText.value, origin: kprText.origin },
    nodePortFlag: hasFlag('enable-node-port', version)
      ? flag('enable-node-port')
      : { on: false, origin: { kind: 'agent-default', key: 'enable-node-port' } },
    socketLB: settings.has('bpf-lb-sock') ? flag('bpf-lb-sock') : undefined,
    envoyConfig: flag('enable-envoy-config'),
    hostLegacyRouting: flag('enable-host-legacy-routing'),
    endpointRoutes: flag('enable-endpoint-routes'),
    ipsec: flag('enable-ipsec'),
    wireguard: flag('enable-wireguard'),
    encryptNode: flag('encrypt-node'),
    routingMode: routing.mode,
    tunnelProtocol: routing.protocol,
    chainingMode: optional('cni-chaining-mode'),
    ipam: text('ipam', agentDefault('ipam')),
    ipv4NativeRoutingCIDR: optional('ipv4-native-routing-cidr'),
    ipv6NativeRoutingCIDR: optional('ipv6-native-routing-cidr'),
    autoDirectNodeRoutes: flag('auto-direct-node-routes'),
    noConntrackRules: flag('install-no-conntrack-iptables-rules'),
    lbMode: optional('bpf-lb-mode'),
    lbAcceleration: text('bpf-lb-acceleration', agentDefault('bpf-lb-acceleration')),
    dsrDispatch: optional('bpf-lb-dsr-dispatch'),
    egressMasqueradeInterfaces: optional('egress-masquerade-interfaces'),
    masqueradeRouteSource: flag('enable-masquerade-to-route-source'),
    egressGateway: egressGatewayOf(flag, version),
    bandwidthManager: flag('enable-bandwidth-manager'),
    bbr: flag('enable-bbr'),
    bigTcp4: flag('enable-ipv4-big-tcp'),
    bigTcp6: flag('enable-ipv6-big-tcp'),
    datapathMode: text('datapath-mode', agentDefault('datapath-mode')),
    bpfTproxy: flag('enable-bpf-tproxy'),
    l7Proxy: flag('enable-l7-proxy'),
    installIptablesRules: flag('install-iptables-rules'),
  };
}

/**
 * The option was enable-ipv4-egress-gateway up to 1.17 (pkg/option/config.go@v1.17.13 l.2954); 1.18 has both and
 * turns the gateway on when either is on (`vp.GetBool(EnableEgressGateway) || vp.GetBool(EnableIPv4EgressGateway)`,
 * pkg/option/config.go@v1.18.7 l.2676); 1.19 knows only the new one (pkg/option/config.go@v1.19.1 l.2445).
 */
function egressGatewayOf(flag: (key: AgentDefaultKey) => Flag, version: CiliumVersion): Flag {
  const hasNew = hasFlag('enable-egress-gateway', version);
  const hasOld = hasFlag('enable-ipv4-egress-gateway', version);
  if (!hasNew) return flag('enable-ipv4-egress-gateway');
  const current = flag('enable-egress-gateway');
  if (!hasOld || current.on) return current;
  const old = flag('enable-ipv4-egress-gateway');
  if (old.on) return old;
  // Both off: the new one decided it, unless only the old one is written.
  return current.origin.kind !== 'user' && old.origin.kind === 'user' ? old : current;
}

function kprMode(raw: string, version: CiliumVersion): KprMode {
  const facts = kprFacts(version);
  // From 1.19 a bool flag decoded with Go's ParseBool, so "True" or "1" are fine there, but "" is not: the agent
  // checks its ConfigMap's bool values with cast.ToBoolE first and exits (validateConfigMapFlag, called from
  // InitConfig, pkg/option/config.go@v1.19.1 l.3405-3409, l.3496). Before, one of the words exactly, and "" is none (no case folding:
  // pkg/kpr/kpr.go@v1.18.7 l.74, daemon/cmd/kube_proxy_replacement.go@v1.17.13 l.43).
  if (facts.parse === 'bool') {
    const b = agentBool(raw);
    return b === undefined || raw.trim() === '' ? 'invalid' : b ? 'true' : 'false';
  }
  return facts.words.find((w) => w === raw) ?? 'invalid';
}

/** Without `routing-mode` (up to 1.13) the single `tunnel` key decides; from 1.14 `routing-mode` and `tunnel-protocol`. */
function routingOf(settings: RenderedConfig, version: CiliumVersion): { mode: Text; protocol: Text } {
  if (!hasFlag('routing-mode', version)) {
    const t = settings.get('tunnel');
    // A templated `tunnel` reads as the default vxlan, keeping its templated origin.
    const value = (!isTemplated(t?.origin) && t?.value.trim()) || agentDefault('tunnel');
    const origin: Origin = t?.origin ?? { kind: 'agent-default', key: 'tunnel' };
    if (value === 'disabled') return { mode: { value: 'native', origin }, protocol: { value: '', origin } };
    return { mode: { value: 'tunnel', origin }, protocol: { value, origin } };
  }
  // A templated mode or protocol reads as the agent default but keeps its (templated) origin. A blank one is read
  // as "" (ReadDirConfig keeps empty files; vp.GetString gives "" over the flag's default), which the agent refuses
  // (pkg/option/config.go@v1.14.19 l.2889-2900; @v1.16.19 l.2841-2845 for the mode; the tunnel cell for the
  // protocol, pkg/datapath/tunnel/tunnel.go@v1.16.19 l.63-67): routing-mode-invalid says so.
  const read = (key: 'routing-mode' | 'tunnel-protocol'): Text => {
    const set = settings.get(key);
    if (set && isTemplated(set.origin)) return { value: agentDefault(key), origin: set.origin };
    if (set) return { value: set.value.trim(), origin: set.origin };
    return { value: agentDefault(key), origin: { kind: 'agent-default', key } };
  };
  return { mode: read('routing-mode'), protocol: read('tunnel-protocol') };
}
