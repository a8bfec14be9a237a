// The agent's view of cilium-config: typed options with the agent's own defaults for absent keys. Both
// Helm values (after rendering) and a hand-written ConfigMap end up here, so the datapath logic is written once.
//
// Agent defaults: pkg/option/config.go and pkg/defaults at each tag (enable-ipv4 true, enable-ipv6 false,
// enable-ipv4/6-masquerade true, enable-bpf-masquerade false, enable-host-legacy-routing false,
// enable-endpoint-routes false, tunnel vxlan (<=1.13), routing-mode tunnel with vxlan (1.14+),
// install-iptables-rules true, enable-l7-proxy true).

import { configKeyInfo } from '../knowledge/configKeys';
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

export type KprMode = 'true' | 'false' | 'strict' | 'partial' | 'probe' | 'disabled' | 'invalid';

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
  hostLegacyRouting: Flag;
  endpointRoutes: Flag;
  ipsec: Flag;
  wireguard: Flag;
  routingMode: Text;
  tunnelProtocol: Text;
  chainingMode: Text | undefined;
  ipam: Text;
  ipv4NativeRoutingCIDR: Text | undefined;
  ipv6NativeRoutingCIDR: Text | undefined;
  autoDirectNodeRoutes: Flag;
  noConntrackRules: Flag;
  lbMode: Text | undefined;
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

export function buildAgentConfig(settings: RenderedConfig, version: CiliumVersion): AgentConfig {
  // A templated setting is unknown: it reads as the agent's default but keeps its templated origin, so every
  // check that rests on it is recorded as undecided instead of firing (model/unknown.ts).
  const flag = (key: string, fallback: boolean): Flag => {
    const s = settings.get(key);
    if (!s) return { on: fallback, origin: { kind: 'agent-default', key } };
    if (isTemplated(s.origin)) return { on: fallback, origin: s.origin };
    // A value Go's ParseBool refuses: viper-read options (vp.GetBool through spf13/cast) become false without a
    // message; hive-decoded ones stop the agent (configmap-wrong-type says so), so the default is as good as any.
    const parsed = agentBool(s.value);
    if (parsed !== undefined) return { on: parsed, origin: s.origin };
    return { on: configKeyInfo(key, version)?.decoders.agent === 'viper' ? false : fallback, origin: s.origin };
  };
  const text = (key: string, fallback: string): Text => {
    const s = settings.get(key);
    if (!s || s.value === '' || isTemplated(s.origin)) return { value: fallback, origin: s?.origin ?? { kind: 'agent-default', key } };
    return { value: s.value.trim(), origin: s.origin };
  };
  // An optional value that is templated is present (with unknown content): "missing" checks must not fire.
  const optional = (key: string): Text | undefined => {
    const s: Setting<string> | undefined = settings.get(key);
    if (s && isTemplated(s.origin)) return { value: '', origin: s.origin };
    return s && s.value.trim() !== '' ? { value: s.value.trim(), origin: s.origin } : undefined;
  };

  // The agent's own default when the key is absent: "partial" up to 1.13 (daemon/cmd/daemon_main.go@v1.12.19
  // l.581, @v1.13.18 l.514), "false" from 1.14.
  const kprText = text('kube-proxy-replacement', inRange(version, undefined, '1.13') ? 'partial' : 'false');
  const routing = routingOf(settings, version);
  return {
    version,
    settings,
    ipv4: flag('enable-ipv4', true),
    ipv6: flag('enable-ipv6', false),
    ipv4Masquerade: flag('enable-ipv4-masquerade', true),
    ipv6Masquerade: flag('enable-ipv6-masquerade', true),
    bpfMasquerade: flag('enable-bpf-masquerade', false),
    ipMasqAgent: flag('enable-ip-masq-agent', false),
    kpr: { mode: kprMode(kprText.value, version), raw: kprText.value, origin: kprText.origin },
    nodePortFlag: inRange(version, undefined, '1.18') ? flag('enable-node-port', false) : { on: false, origin: { kind: 'agent-default', key: 'enable-node-port' } },
    socketLB: settings.has('bpf-lb-sock') ? flag('bpf-lb-sock', false) : undefined,
    hostLegacyRouting: flag('enable-host-legacy-routing', false),
    endpointRoutes: flag('enable-endpoint-routes', false),
    ipsec: flag('enable-ipsec', false),
    wireguard: flag('enable-wireguard', false),
    routingMode: routing.mode,
    tunnelProtocol: routing.protocol,
    chainingMode: optional('cni-chaining-mode'),
    ipam: text('ipam', 'cluster-pool'),
    ipv4NativeRoutingCIDR: optional('ipv4-native-routing-cidr'),
    ipv6NativeRoutingCIDR: optional('ipv6-native-routing-cidr'),
    autoDirectNodeRoutes: flag('auto-direct-node-routes', false),
    noConntrackRules: flag('install-no-conntrack-iptables-rules', false),
    lbMode: optional('bpf-lb-mode'),
    dsrDispatch: optional('bpf-lb-dsr-dispatch'),
    egressMasqueradeInterfaces: optional('egress-masquerade-interfaces'),
    masqueradeRouteSource: flag('enable-masquerade-to-route-source', false),
    // The option was enable-ipv4-egress-gateway up to 1.17; 1.18 adds enable-egress-gateway and still reads the
    // old one; 1.19 knows only the new one (pkg/option/config.go@v1.17.13 l.367, @v1.18.7 l.319-322, @v1.19.1).
    egressGateway: inRange(version, undefined, '1.17')
      ? flag('enable-ipv4-egress-gateway', false)
      : version === '1.18' && !settings.has('enable-egress-gateway')
        ? flag('enable-ipv4-egress-gateway', false)
        : flag('enable-egress-gateway', false),
    bandwidthManager: flag('enable-bandwidth-manager', false),
    bbr: flag('enable-bbr', false),
    bigTcp4: flag('enable-ipv4-big-tcp', false),
    bigTcp6: flag('enable-ipv6-big-tcp', false),
    datapathMode: text('datapath-mode', 'veth'),
    bpfTproxy: flag('enable-bpf-tproxy', false),
    l7Proxy: flag('enable-l7-proxy', true),
    installIptablesRules: flag('install-iptables-rules', true),
  };
}

function kprMode(raw: string, version: CiliumVersion): KprMode {
  // 1.18 compares the text with "true"/"false" exactly (pkg/kpr/kpr.go@v1.18.7 l.74); from 1.19 it is a bool
  // flag read with Go's ParseBool (pkg/kpr/kpr.go@v1.19.1 l.30), so "True" or "1" are fine there.
  if (version === '1.18') return raw === 'true' || raw === 'false' ? raw : 'invalid';
  if (inRange(version, '1.19')) {
    const b = agentBool(raw);
    return b === undefined || raw.trim() === '' ? 'invalid' : b ? 'true' : 'false';
  }
  const t = raw.toLowerCase();
  const accepted: Record<string, readonly string[]> = {
    '1.12': ['strict', 'partial', 'probe', 'disabled'],
    '1.13': ['strict', 'partial', 'disabled'],
    '1.14': ['true', 'false', 'strict', 'partial', 'disabled'],
    '1.15': ['true', 'false', 'strict', 'partial', 'disabled'],
  };
  const list = accepted[version] ?? ['true', 'false'];
  return (list.includes(t) ? t : 'invalid') as KprMode;
}

/** Up to 1.13 the single `tunnel` key decides; from 1.14 `routing-mode` and `tunnel-protocol`. */
function routingOf(settings: RenderedConfig, version: CiliumVersion): { mode: Text; protocol: Text } {
  if (inRange(version, undefined, '1.13')) {
    const t = settings.get('tunnel');
    // A templated `tunnel` reads as the default vxlan, keeping its templated origin.
    const value = (!isTemplated(t?.origin) && t?.value.trim()) || 'vxlan';
    const origin: Origin = t?.origin ?? { kind: 'agent-default', key: 'tunnel' };
    if (value === 'disabled') return { mode: { value: 'native', origin }, protocol: { value: '', origin } };
    return { mode: { value: 'tunnel', origin }, protocol: { value, origin } };
  }
  const mode = settings.get('routing-mode');
  const proto = settings.get('tunnel-protocol');
  return {
    // A templated mode or protocol reads as the agent default but keeps its (templated) origin.
    mode: mode && isTemplated(mode.origin) ? { value: 'tunnel', origin: mode.origin } : mode && mode.value.trim() ? { value: mode.value.trim(), origin: mode.origin } : { value: 'tunnel', origin: { kind: 'agent-default', key: 'routing-mode' } },
    protocol: proto && isTemplated(proto.origin) ? { value: 'vxlan', origin: proto.origin } : proto && proto.value.trim() ? { value: proto.value.trim(), origin: proto.origin } : { value: 'vxlan', origin: { kind: 'agent-default', key: 'tunnel-protocol' } },
  };
}
