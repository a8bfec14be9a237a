import { fallbackUntil14, masqForBpf } from '../../knowledge/bpfMasquerade';
import { inRange } from '../../version';
import { defineRule, type MasqueradeRule } from '../rule';
import { say } from '../wording';

export default defineRule<MasqueradeRule>({
  id: 'bpf-masquerade-interfaces',
  group: 'masquerade',
  severity: 'error',
  cite: 'daemon/cmd/daemon.go@v1.14.19 l.930-960; @v1.15.19 l.749-772; @v1.19.1 l.114-133',
  effect: fallbackUntil14,
  summary: 'egressMasqueradeInterfaces only applies to iptables masquerading and conflicts with BPF masquerading.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\negressMasqueradeInterfaces: eth0\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
    },
  ],
  check: (s) =>
    s.agent.bpfMasquerade.on && masqForBpf(s) && s.agent.egressMasqueradeInterfaces
      ? {
          origins: [s.agent.egressMasqueradeInterfaces.origin, s.agent.bpfMasquerade.origin],
          ...say(
            'BPF masquerading cannot be limited to interfaces with {key:egressMasqueradeInterfaces} (use {key:devices} instead): {outcome}.',
            {
              outcome: inRange(s.version, undefined, '1.14')
                ? 'the agent falls back to iptables masquerading'
                : 'the agent refuses to start',
            },
          ),
          sourceText:
            'BPF masquerade does not allow to specify devices via --egress-masquerade-interfaces (use --devices instead)',
        }
      : undefined,
});
