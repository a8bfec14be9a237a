// Every rule written as one object in one file (rules/rule.ts). Adding a rule: its file here, and in the list
// of the analysis that runs it when the order matters (the host-routing reasons, in the agent's order).
// The catalog (knowledge/ruleCatalog.ts), docs/rules.md, SARIF metadata, the fix registry
// (fixes/registry.ts) and test/core/ruleExamples.test.ts all read RULES.

import type { DatapathRules } from '../../model/datapath';
import type { AgentExitRule, HostRoutingRule, MasqueradeRule, Rule } from '../rule';
import autoDirectNodeRoutesTunnel from './auto-direct-node-routes-tunnel';
import bbrNeedsBpfHostRouting from './bbr-needs-bpf-host-routing';
import bbrNeedsKernel518 from './bbr-needs-kernel-5.18';
import bigTcpPrerequisites from './big-tcp-prerequisites';
import bpfMasqueradeInterfaces from './bpf-masquerade-interfaces';
import bpfMasqueradeNeedsNodeport from './bpf-masquerade-needs-nodeport';
import bpfMasqueradeNeedsSocketLb from './bpf-masquerade-needs-socket-lb';
import bpfMasqueradeRouteSource from './bpf-masquerade-route-source';
import bpfMasqueradeWithoutMasquerading from './bpf-masquerade-without-masquerading';
import dsrGeneveDispatchNeedsGeneve from './dsr-geneve-dispatch-needs-geneve';
import dsrTunnelNeedsGeneveDispatch from './dsr-tunnel-needs-geneve-dispatch';
import dsrWithVxlan from './dsr-with-vxlan';
import egressGatewayNeedsBpfMasquerade from './egress-gateway-needs-bpf-masquerade';
import eniInTunnelMode from './eni-in-tunnel-mode';
import hostRoutingBpfMasqueradeFallback from './host-routing-bpf-masquerade-fallback';
import hostRoutingCniChaining from './host-routing-cni-chaining';
import hostRoutingEndpointRoutes from './host-routing-endpoint-routes';
import hostRoutingExplicitLegacy from './host-routing-explicit-legacy';
import hostRoutingIpsec from './host-routing-ipsec';
import hostRoutingIptablesMasquerade from './host-routing-iptables-masquerade';
import hostRoutingKprOff from './host-routing-kpr-off';
import hostRoutingNeedsKpr from './host-routing-needs-kpr';
import hostRoutingOldKernel from './host-routing-old-kernel';
import hostRoutingWireguard from './host-routing-wireguard';
import ipMasqAgentNeedsBpfMasquerade from './ip-masq-agent-needs-bpf-masquerade';
import ipamPoolModeRouting from './ipam-pool-mode-routing';
import ipsecWithNodeport from './ipsec-with-nodeport';
import kernelTooOld from './kernel-too-old';
import kprInvalidValue from './kpr-invalid-value';
import l7ProxyNeedsIptables from './l7-proxy-needs-iptables';
import nativeRoutingCidrIpv4 from './native-routing-cidr-ipv4';
import nativeRoutingCidrIpv6 from './native-routing-cidr-ipv6';
import netkitNeedsKernel67 from './netkit-needs-kernel-6.7';
import netkitTproxy from './netkit-tproxy';
import noConntrackRulesPrerequisites from './no-conntrack-rules-prerequisites';
import routingModeInvalid from './routing-mode-invalid';

/**
 * Why BPF host routing falls back, in the order the agent decides it: the silent reasons (settled before its
 * logging switch) first, then the switch's cases, of which only the first match is logged.
 */
export const HOST_ROUTING_RULES: readonly HostRoutingRule[] = [
  hostRoutingCniChaining,
  hostRoutingExplicitLegacy,
  hostRoutingKprOff,
  hostRoutingIpsec,
  hostRoutingIptablesMasquerade,
  hostRoutingNeedsKpr,
  hostRoutingEndpointRoutes,
  hostRoutingWireguard,
  hostRoutingOldKernel,
];

/** The prerequisites of BPF masquerading, in the order the agent checks them. */
export const MASQUERADE_RULES: readonly MasqueradeRule[] = [
  bpfMasqueradeWithoutMasquerading,
  bpfMasqueradeNeedsNodeport,
  bpfMasqueradeInterfaces,
  bpfMasqueradeNeedsSocketLb,
  bpfMasqueradeRouteSource,
];

/** The combinations that stop the agent; findings list them in this order. */
export const AGENT_EXIT_RULES: readonly AgentExitRule[] = [
  kprInvalidValue,
  ipsecWithNodeport,
  nativeRoutingCidrIpv4,
  nativeRoutingCidrIpv6,
  autoDirectNodeRoutesTunnel,
  eniInTunnelMode,
  dsrWithVxlan,
  dsrTunnelNeedsGeneveDispatch,
  dsrGeneveDispatchNeedsGeneve,
  noConntrackRulesPrerequisites,
  ipMasqAgentNeedsBpfMasquerade,
  egressGatewayNeedsBpfMasquerade,
  bbrNeedsBpfHostRouting,
  bigTcpPrerequisites,
  l7ProxyNeedsIptables,
  routingModeInvalid,
  kernelTooOld,
  netkitNeedsKernel67,
  ipamPoolModeRouting,
  netkitTproxy,
  bbrNeedsKernel518,
];

/** What model/datapath.ts deriveDatapath runs. */
export const DATAPATH_RULES: DatapathRules = { hostRouting: HOST_ROUTING_RULES, masquerade: MASQUERADE_RULES, agentExits: AGENT_EXIT_RULES };

export const RULES: readonly Rule[] = [...HOST_ROUTING_RULES, hostRoutingBpfMasqueradeFallback, ...MASQUERADE_RULES, ...AGENT_EXIT_RULES];
