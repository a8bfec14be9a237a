import { kprOn } from '../../fixes/datapathFixers';
import { fallbackUntil14, masqForBpf } from '../../knowledge/bpfMasquerade';
import { inRange } from '../../version';
import { defineRule, type MasqueradeRule } from '../rule';

export default defineRule<MasqueradeRule>({
  id: 'bpf-masquerade-needs-nodeport',
  group: 'masquerade',
  until: '1.18',
  severity: 'error',
  cite: 'daemon/cmd/daemon.go@v1.12.19 l.935-960; @v1.14.19 l.930-960; @v1.15.19 l.749-772; @v1.18.7 l.545-560',
  effect: fallbackUntil14,
  summary: 'BPF masquerading needs the BPF NodePort datapath (kube-proxy replacement) in the versions that require it.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: false\nbpf:\n  masquerade: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
      fixed: 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n',
    },
  ],
  check: (s) =>
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
  fix: kprOn,
});
