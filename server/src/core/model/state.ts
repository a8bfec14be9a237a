// Facts derived from the agent configuration that several checks need: is kube-proxy replacement full,
// is BPF NodePort on, which IP families masquerade. Computed once per document.

import { kprFacts } from '../knowledge/kprModes';
import type { Origin } from '../types';
import { inRange, type CiliumVersion } from '../version';
import type { AgentConfig } from './agentConfig';
import type { ChartModel } from './chartModel';
import type { HelmValues } from './helmValues';

export interface KernelVersion {
  major: number;
  minor: number;
  text: string;
}

export interface State {
  version: CiliumVersion;
  agent: AgentConfig;
  /** Present for Helm values (chart checks need the values themselves). */
  helm?: HelmValues;
  /** Present for Helm values: the rendered chart's stops and refusals. */
  chart?: ChartModel;
  kernel?: KernelVersion;
  /** Kube-proxy replacement in its full form (strict / true), the form BPF host routing needs. */
  kprFull: boolean;
  /** BPF NodePort ends up enabled (by KPR, by the separate switch up to 1.18, or for CiliumEnvoyConfig in 1.14-1.15). */
  nodePort: boolean;
  nodePortOrigins: Origin[];
  /** Socket-LB ends up enabled. */
  socketLB: boolean;
  ipv4Masq: boolean;
  ipv6Masq: boolean;
  masqOrigins: Origin[];
  tunnel: boolean;
  /**
   * The agent's RequiresNativeRouting(): routing-mode native, or hybrid from 1.20 (which tunnels as well). What
   * auto-direct-node-routes and the native-routing CIDR checks test from 1.20.
   */
  nativeRouting: boolean;
  /** routing-mode hybrid (1.20+): the tunnel is set up, and traffic within one subnet of subnet-topology skips it. */
  hybrid: boolean;
}

export function kernelAtLeast(k: KernelVersion | undefined, major: number, minor: number): boolean | undefined {
  if (!k) return undefined;
  return k.major > major || (k.major === major && k.minor >= minor);
}

export function parseKernel(text: string): KernelVersion | undefined {
  const m = /^(\d+)\.(\d+)/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), text: `${m[1]}.${m[2]}` } : undefined;
}

/**
 * Whether this agent turns BPF NodePort on for CiliumEnvoyConfig (its L7 load balancing needs it) when kube-proxy
 * replacement is partial or false: only 1.14 and 1.15, and only with IPsec off
 * (daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.89-96, @v1.15.19 l.89-96; neither 1.13 nor 1.16 has the step).
 */
export function envoyTurnsNodePortOn(v: CiliumVersion, ipsecOn: boolean): boolean {
  return inRange(v, '1.14', '1.15') && !ipsecOn;
}

export function buildState(
  agent: AgentConfig,
  helm: HelmValues | undefined,
  kernel: KernelVersion | undefined,
  chart?: ChartModel,
): State {
  const v = agent.version;
  const mode = agent.kpr.mode;
  const kpr = kprFacts(v);
  const kprFull = mode !== 'invalid' && kpr.full.includes(mode);
  // 1.12's "probe" (the only version that accepts it) turns on whatever the kernel supports; with an unknown
  // kernel we assume all of it.
  const probe = mode === 'probe';
  const disabled = mode === 'disabled';
  // The separate enable-node-port switch only exists up to 1.18 (agentConfig reads it only there).
  const nodePortBySwitch = !disabled && agent.nodePortFlag.on;
  // "disabled" returns before the Envoy step, and a word the agent refuses stops it earlier still.
  const nodePortByEnvoy =
    !disabled && mode !== 'invalid' && agent.envoyConfig.on && envoyTurnsNodePortOn(v, agent.ipsec.on);
  const nodePort = kprFull || probe || nodePortBySwitch || nodePortByEnvoy;
  // Read where NodePort is off (what would turn it on) or IPsec is on (so never for the Envoy step).
  const nodePortOrigins = nodePortBySwitch && !kprFull ? [agent.nodePortFlag.origin] : [agent.kpr.origin];
  // Full KPR (and 1.12's probe) switches socket-LB on in the agent whatever enable-socket-lb says; the chart's
  // `socketLB.enabled: false` default only matters with partial or no replacement.
  const socketLB = kprFull || probe || (!!agent.socketLB && agent.socketLB.on && !disabled);
  const ipv4Masq = agent.ipv4Masquerade.on && agent.ipv4.on;
  const ipv6Masq = agent.ipv6Masquerade.on && agent.ipv6.on;
  const masqOrigins = [
    ...(ipv4Masq ? [agent.ipv4Masquerade.origin] : []),
    ...(ipv6Masq ? [agent.ipv6Masquerade.origin] : []),
  ];
  // Hybrid routing is a mode from 1.20 (pkg/option/config.go@v1.20.0-pre.4 (7527a668) l.1013-1014 and l.2009-2011,
  // RequiresNativeRouting; same @v1.21.0-pre.0 (e8649862)); before, the word is refused (routing-mode-invalid).
  const hybrid = agent.routingMode.value === 'hybrid' && inRange(v, '1.20');
  return {
    version: v,
    agent,
    helm,
    chart,
    kernel,
    kprFull,
    nodePort,
    nodePortOrigins,
    socketLB,
    ipv4Masq,
    ipv6Masq,
    masqOrigins,
    // As the agent's TunnelingEnabled(): every mode but native tunnels (pkg/option/config.go@v1.14.19 l.2620-2625,
    // @v1.16.19 l.2563-2568, @v1.19.1 l.1948-1953), so a blank or misspelt mode is not read as native routing.
    tunnel: agent.routingMode.value !== 'native',
    nativeRouting: agent.routingMode.value === 'native' || hybrid,
    hybrid,
  };
}
