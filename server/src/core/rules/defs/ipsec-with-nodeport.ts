import { defineRule, type AgentExitRule } from '../rule';

export default defineRule<AgentExitRule>({
  id: 'ipsec-with-nodeport',
  group: 'agent-exit',
  until: '1.15',
  severity: 'error',
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.97-105, @v1.13.18 l.88-90, @v1.15.19 l.99-100 (gone in v1.16.19)',
  summary: 'IPsec and the BPF NodePort datapath could not be combined in older versions.',
  examples: [
    {
      version: '1.15',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nencryption:\n  enabled: true\n  type: ipsec\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nencryption:\n  enabled: false\n',
    },
  ],
  check: (s) =>
    s.agent.ipsec.on && s.nodePort && !(s.version === '1.12' && s.agent.kpr.mode === 'probe')
      ? {
          origins: [s.agent.ipsec.origin, ...s.nodePortOrigins],
          message: `Up to Cilium 1.15, IPsec cannot be combined with BPF NodePort (kube-proxy replacement): the agent refuses to start. Cilium 1.16 lifted this.`,
          sourceText: 'IPSec cannot be used with BPF NodePort',
        }
      : undefined,
});
