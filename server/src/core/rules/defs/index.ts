// Every rule written as one object in one file (rules/rule.ts). Adding a rule: its file here, and in the list
// of the analysis that runs it when the order matters (the host-routing reasons, in the agent's order).
// The catalog (knowledge/ruleCatalog.ts), docs/rules.md, SARIF metadata, the fix registry
// (fixes/registry.ts) and test/core/ruleExamples.test.ts all read RULES.

import type { DatapathRules } from '../../model/datapath';
import type { HostRoutingRule, Rule } from '../rule';
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

/** What model/datapath.ts deriveDatapath runs. */
export const DATAPATH_RULES: DatapathRules = { hostRouting: HOST_ROUTING_RULES };

export const RULES: readonly Rule[] = [...HOST_ROUTING_RULES, hostRoutingBpfMasqueradeFallback];
