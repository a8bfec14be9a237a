// What the agent-exit rules (rules/defs/<id>.ts with group 'agent-exit', in the order of rules/defs/index.ts)
// share. Those rules are the combinations that make cilium-agent refuse to start (it logs the error and exits,
// and the pod crash-loops); each cites the source file and tag where its check was read.

import type { State } from '../model/state';
import type { Hit } from '../types';
import { kprWordsText } from './kprModes';
import { inRange } from '../version';
import { say } from '../rules/wording';

/** The state the agent-exit checks see: after masquerading fell back, and whether host routing is Legacy. */
export type ExitState = State & { legacy: boolean };

/** Load-balancer modes that use direct server return. */
export const dsrModes = new Set(['dsr', 'hybrid']);

/**
 * The check of a rule about NodePort balanced with direct server return (dsr or hybrid) while the datapath
 * tunnels: what the 1.12 agent turns off and 1.13 refuses (dsr-off-in-tunnel, dsr-with-tunnel). The message
 * template and the agent's text get the mode as the agent prints it; the settings that decide it are the origins.
 */
export function dsrInTunnelCheck(template: string, agentText: (mode: string) => string): (s: State) => Hit | undefined {
  return (s) => {
    const lb = s.agent.lbMode;
    if (!s.nodePort || !lb || !dsrModes.has(lb.value) || !s.tunnel) return undefined;
    return {
      origins: [lb.origin, s.agent.routingMode.origin],
      ...say(template, { mode: lb.value }),
      sourceText: agentText(lb.value),
    };
  };
}

export function masqOn(s: State): boolean {
  return s.ipv4Masq || s.ipv6Masq;
}

/** Where the native-routing CIDR requirement was read (both families); from 1.20 hybrid routing needs it too. */
export const NATIVE_ROUTING_CIDR_CITE =
  'pkg/option/config.go@v1.14.19 l.3771-3793, @v1.16.19 l.3723-3750, @v1.19.1 l.2939-2990, @v1.20.0-pre.4 (7527a668) l.2987-3028 (RequiresNativeRouting), @v1.21.0-pre.0 (e8649862) l.2981-3022';

/** Native (or, from 1.20, hybrid) routing with masquerading of one IP family needs that family's native-routing CIDR. */
export function nativeRoutingCidrCheck(family: '4' | '6'): (s: ExitState) => Hit | undefined {
  return (s) => {
    const on = family === '4' ? s.ipv4Masq : s.ipv6Masq;
    const cidr = family === '4' ? s.agent.ipv4NativeRoutingCIDR : s.agent.ipv6NativeRoutingCIDR;
    if (!s.nativeRouting || !on || cidr) return undefined;
    if (family === '4' && ['eni', 'alibabacloud'].includes(s.agent.ipam.value)) return undefined;
    if (inRange(s.version, '1.15') && s.agent.ipMasqAgent.on) return undefined;
    const masq = family === '4' ? s.agent.ipv4Masquerade.origin : s.agent.ipv6Masquerade.origin;
    return {
      origins: [s.agent.routingMode.origin, masq],
      ...say(
        `{routing} routing with IPv{family} masquerading needs {key:ipv${family}NativeRoutingCIDR} (the pod network that must not be masqueraded): without it the agent refuses to start.`,
        { family, routing: s.hybrid ? 'Hybrid' : 'Native' },
      ),
      sourceText: `native routing cidr must be configured with option --ipv${family}-native-routing-cidr in combination with ...`,
    };
  };
}

/** 1.18+ can limit BBR to the host namespace, which then needs no BPF host routing. */
export function hostnsOnly(s: State): boolean {
  return inRange(s.version, '1.18') && s.agent.settings.get('enable-bbr-hostns-only')?.value === 'true';
}

/** The kube-proxy replacement words a version accepts, for messages. */
export function kprAccepted(s: State): string {
  return kprWordsText(s.version);
}
