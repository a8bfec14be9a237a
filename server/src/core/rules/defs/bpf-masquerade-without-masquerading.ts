import type { State } from '../../model/state';
import type { Hit } from '../../types';
import { inRange } from '../../version';
import { defineRule, type MasqueradeRule } from '../rule';

/** From 1.14: neither IPv4 nor IPv6 masquerading; 1.14 switches BPF masquerading off, later versions refuse to start. */
function fromV114(s: State): Hit | undefined {
  return s.agent.bpfMasquerade.on && !s.ipv4Masq && !s.ipv6Masq
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
    : undefined;
}

/**
 * 1.12/1.13 switch BPF masquerading off whenever IPv4 masquerading is off, even with IPv6 masquerading on
 * (daemon/cmd/daemon.go@v1.12.19 l.996-1001, @v1.13.18 l.1044-1049; corrections item 10). It cannot meet another
 * prerequisite's failure there: those need IPv4 masquerading on up to 1.13, so its place in the list is no matter.
 */
function upToV113(s: State): Hit | undefined {
  return s.agent.bpfMasquerade.on && !s.agent.ipv4Masquerade.on && !s.agent.ipMasqAgent.on && !s.agent.egressGateway.on
    ? {
        origins: [s.agent.bpfMasquerade.origin, s.agent.ipv4Masquerade.origin],
        message: `BPF masquerading is on but IPv4 masquerading is off: Cilium ${s.version} quietly switches BPF masquerading off (IPv6 masquerading does not count here).`,
        sourceText: 'Auto-disabling "enable-bpf-masquerade" feature since IPv4 masquerading was generally disabled',
      }
    : undefined;
}

export default defineRule<MasqueradeRule>({
  id: 'bpf-masquerade-without-masquerading',
  group: 'masquerade',
  severity: 'error',
  cite: 'daemon/cmd/daemon.go@v1.14.19 l.991-995; @v1.15.19 l.789-790; @v1.19.1 l.132; daemon/cmd/daemon.go@v1.12.19 l.996-1001, @v1.13.18 l.1044-1049',
  effect: (v) => (inRange(v, '1.15') ? 'exit' : 'auto-disable'),
  summary: 'bpf.masquerade is on while both IPv4 and IPv6 masquerading are off.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nenableIPv4Masquerade: false\nenableIPv6Masquerade: false\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
    },
    {
      version: '1.13',
      bad: 'bpf:\n  masquerade: true\nenableIPv4Masquerade: false\n',
      good: 'bpf:\n  masquerade: false\nenableIPv4Masquerade: false\n',
    },
  ],
  check: (s) => (inRange(s.version, '1.14') ? fromV114(s) : upToV113(s)),
});
