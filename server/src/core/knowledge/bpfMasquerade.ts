// Prerequisites the agent checks before it turns BPF masquerading on. Up to 1.14 a failed prerequisite makes
// it fall back to iptables masquerading (and legacy host routing); from 1.15 the agent refuses to start.
// Sources: daemon/cmd/daemon.go at v1.12.19 l.935-1000, v1.13.18 l.985-1010, v1.14.19 l.930-995,
// v1.15.19 l.749-790, v1.16.19 l.680-695, v1.17.13 l.655-665, v1.18.7 l.545-560, v1.19.1 l.114-133.

import type { State } from '../model/state';
import { inRange, type CiliumVersion } from '../version';
import type { Check } from './checkTypes';

export interface MasqPrereq extends Check {
  /** What a failure does in version v. */
  effect(v: CiliumVersion): 'fallback' | 'exit' | 'auto-disable';
}

const fallbackUntil14 = (v: CiliumVersion) => (inRange(v, undefined, '1.14') ? 'fallback' : 'exit');

/** Up to 1.13 the whole BPF-masquerade block looks at IPv4 masquerading only (corrections item 8). */
const masqForBpf = (s: State) => (inRange(s.version, undefined, '1.13') ? s.agent.ipv4Masquerade.on : s.ipv4Masq || s.ipv6Masq);

export const BPF_MASQ_PREREQS: MasqPrereq[] = [
  {
    id: 'bpf-masquerade-without-masquerading',
    since: '1.14',
    severity: 'error',
    cite: 'daemon/cmd/daemon.go@v1.14.19 l.991-995; @v1.15.19 l.789-790; @v1.19.1 l.132',
    effect: (v) => (v === '1.14' ? 'auto-disable' : 'exit'),
    test: (s) =>
      s.agent.bpfMasquerade.on && !s.ipv4Masq && !s.ipv6Masq
        ? {
            origins: [s.agent.bpfMasquerade.origin, s.agent.ipv4Masquerade.origin, s.agent.ipv6Masquerade.origin],
            message:
              s.version === '1.14'
                ? 'BPF masquerading is on but neither IPv4 nor IPv6 masquerading is: Cilium 1.14 quietly switches BPF masquerading off.'
                : `BPF masquerading is on but neither IPv4 nor IPv6 masquerading is: Cilium ${s.version} refuses to start.`,
            sourceText:
              s.version === '1.14'
                ? 'Auto-disabling "enable-bpf-masquerade" feature since IPv4 and IPv6 masquerading are disabled'
                : 'BPF masquerade requires (--enable-ipv4-masquerade="true" or --enable-ipv6-masquerade="true")',
          }
        : undefined,
  },
  {
    id: 'bpf-masquerade-needs-nodeport',
    until: '1.18',
    severity: 'error',
    cite: 'daemon/cmd/daemon.go@v1.12.19 l.935-960; @v1.14.19 l.930-960; @v1.15.19 l.749-772; @v1.18.7 l.545-560',
    effect: fallbackUntil14,
    test: (s) =>
      s.agent.bpfMasquerade.on && masqForBpf(s) && !s.nodePort
        ? {
            origins: [s.agent.bpfMasquerade.origin, ...s.nodePortOrigins],
            message: inRange(s.version, undefined, '1.14')
              ? `BPF masquerading needs BPF NodePort (kube-proxy replacement), which is off: Cilium ${s.version} falls back to iptables masquerading and legacy host routing.`
              : `BPF masquerading needs BPF NodePort (kube-proxy replacement), which is off: Cilium ${s.version} refuses to start. Turn kube-proxy replacement on, or BPF masquerading off.`,
            sourceText:
              s.version === '1.12'
                ? 'BPF masquerade requires NodePort (--enable-node-port="true"). Falling back to iptables-based masquerading.'
                : inRange(s.version, undefined, '1.14')
                  ? 'BPF masquerade requires NodePort (--enable-node-port="true")'
                  : 'unable to initialize BPF masquerade support: BPF masquerade requires NodePort (--enable-node-port="true")',
          }
        : undefined,
  },
  {
    id: 'bpf-masquerade-interfaces',
    severity: 'error',
    cite: 'daemon/cmd/daemon.go@v1.14.19 l.930-960; @v1.15.19 l.749-772; @v1.19.1 l.114-133',
    effect: fallbackUntil14,
    test: (s) =>
      s.agent.bpfMasquerade.on && masqForBpf(s) && s.agent.egressMasqueradeInterfaces
        ? {
            origins: [s.agent.egressMasqueradeInterfaces.origin, s.agent.bpfMasquerade.origin],
            message: inRange(s.version, undefined, '1.14')
              ? 'BPF masquerading cannot be limited to interfaces with egressMasqueradeInterfaces (use devices instead): the agent falls back to iptables masquerading.'
              : 'BPF masquerading cannot be limited to interfaces with egressMasqueradeInterfaces (use devices instead): the agent refuses to start.',
            sourceText: 'BPF masquerade does not allow to specify devices via --egress-masquerade-interfaces (use --devices instead)',
          }
        : undefined,
  },
  {
    id: 'bpf-masquerade-needs-socket-lb',
    until: '1.15',
    severity: 'error',
    // 1.12 has the condition (tunnelling without full host-reachable services) but no message of its own, so the
    // agent logs only " Falling back to iptables-based masquerading." (daemon.go@v1.12.19 l.935-954; item 9).
    cite: 'daemon/cmd/daemon.go@v1.12.19 l.935-954; @v1.13.18 l.994; @v1.14.19 l.946; @v1.15.19 l.766',
    effect: fallbackUntil14,
    test: (s) =>
      s.agent.bpfMasquerade.on && masqForBpf(s) && s.nodePort && s.tunnel && !s.socketLB
        ? {
            origins: [s.agent.socketLB?.origin ?? s.agent.kpr.origin, s.agent.bpfMasquerade.origin, s.agent.routingMode.origin],
            message: `In tunnel mode BPF masquerading also needs socket load-balancing (socketLB), which is off: Cilium ${s.version} ${inRange(s.version, undefined, '1.14') ? 'falls back to iptables masquerading' : 'refuses to start'}.`,
            sourceText: s.version === '1.12' ? ' Falling back to iptables-based masquerading.' : 'BPF masquerade requires socket-LB (--bpf-lb-sock="false")',
          }
        : undefined,
  },
  {
    id: 'bpf-masquerade-route-source',
    since: '1.15',
    severity: 'error',
    cite: 'daemon/cmd/daemon.go@v1.15.19 l.778; @v1.19.1 l.127',
    effect: () => 'exit',
    test: (s) =>
      s.agent.bpfMasquerade.on && s.agent.masqueradeRouteSource.on
        ? {
            origins: [s.agent.masqueradeRouteSource.origin, s.agent.bpfMasquerade.origin],
            message: 'Masquerading to the route source address works only with iptables masquerading: with BPF masquerading the agent refuses to start.',
            sourceText:
              'BPF masquerading to route source (--enable-masquerade-to-route-source="true") currently not supported with BPF-based masquerading (--enable-bpf-masquerade="true")',
          }
        : undefined,
  },
  {
    id: 'bpf-masquerade-without-masquerading',
    until: '1.13',
    severity: 'warning',
    // 1.12/1.13 switch BPF masquerading off whenever IPv4 masquerading is off, even with IPv6 masquerading on
    // (daemon/cmd/daemon.go@v1.12.19 l.996-1001, @v1.13.18 l.1044-1049; corrections item 10).
    cite: 'daemon/cmd/daemon.go@v1.12.19 l.996-1001, @v1.13.18 l.1044-1049',
    effect: () => 'auto-disable',
    test: (s) =>
      s.agent.bpfMasquerade.on && !s.agent.ipv4Masquerade.on && !s.agent.ipMasqAgent.on && !s.agent.egressGateway.on
        ? {
            origins: [s.agent.bpfMasquerade.origin, s.agent.ipv4Masquerade.origin],
            message: `BPF masquerading is on but IPv4 masquerading is off: Cilium ${s.version} quietly switches BPF masquerading off (IPv6 masquerading does not count here).`,
            sourceText: 'Auto-disabling "enable-bpf-masquerade" feature since IPv4 masquerading was generally disabled',
          }
        : undefined,
  },
];
