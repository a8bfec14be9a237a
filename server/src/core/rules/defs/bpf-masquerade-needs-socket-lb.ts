import { setTo } from '../../fixes/datapathFixers';
import { fallbackUntil14, masqForBpf } from '../../knowledge/bpfMasquerade';
import { inRange } from '../../version';
import { defineRule, type MasqueradeRule } from '../rule';

export default defineRule<MasqueradeRule>({
  id: 'bpf-masquerade-needs-socket-lb',
  group: 'masquerade',
  until: '1.15',
  severity: 'error',
  // 1.12 has the condition (tunnelling without full host-reachable services) but no message of its own, so the
  // agent logs only " Falling back to iptables-based masquerading." (daemon.go@v1.12.19 l.935-954; item 9).
  cite: 'daemon/cmd/daemon.go@v1.12.19 l.935-954; @v1.13.18 l.994; @v1.14.19 l.946; @v1.15.19 l.766',
  effect: fallbackUntil14,
  summary: 'BPF masquerading in tunnel mode needs socket-level load balancing in the versions that check it.',
  examples: [
    {
      version: '1.15',
      bad: 'kubeProxyReplacement: false\nnodePort:\n  enabled: true\nbpf:\n  masquerade: true\n',
      good: 'kubeProxyReplacement: false\nnodePort:\n  enabled: true\nbpf:\n  masquerade: true\nsocketLB:\n  enabled: true\n',
    },
  ],
  check: (s) =>
    s.agent.bpfMasquerade.on && masqForBpf(s) && s.nodePort && s.tunnel && !s.socketLB
      ? {
          origins: [
            s.agent.socketLB?.origin ?? s.agent.kpr.origin,
            s.agent.bpfMasquerade.origin,
            s.agent.routingMode.origin,
          ],
          message: `In tunnel mode BPF masquerading also needs socket load-balancing (socketLB), which is off: Cilium ${s.version} ${inRange(s.version, undefined, '1.14') ? 'falls back to iptables masquerading' : 'refuses to start'}.`,
          sourceText:
            s.version === '1.12'
              ? ' Falling back to iptables-based masquerading.'
              : 'BPF masquerade requires socket-LB (--bpf-lb-sock="false")',
        }
      : undefined,
  fix: setTo('socketLB.enabled', 'true', 'BPF masquerading in tunnel mode needs socket load-balancing', {
    agent: 'bpf-lb-sock',
  }),
});
