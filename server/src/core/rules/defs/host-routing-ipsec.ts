import { fallsBackWhileOn } from '../../knowledge/hostRouting';
import { defineRule, type HostRoutingRule } from '../rule';

export default defineRule<HostRoutingRule>({
  id: 'host-routing-ipsec',
  group: 'host-routing',
  severity: 'warning',
  // Up to 1.15 the switch runs only with BPF NodePort on, and NodePort with IPsec makes the agent exit first
  // (kube_proxy_replacement.go@v1.13.18 l.86-89, @v1.15.19 l.98-101): the message can only appear 1.16-1.18.
  since: '1.16',
  until: '1.18',
  silent: false,
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.415-440; @v1.18.7 l.269-285; removed by commit 4687ca1e53 (first in 1.19)',
  summary: 'IPsec encryption forces Legacy host routing in the versions that cannot combine the two.',
  examples: [
    {
      version: '1.17',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nencryption:\n  enabled: true\n  type: ipsec\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nencryption:\n  enabled: false\n',
    },
  ],
  check: (s) =>
    fallsBackWhileOn(
      s.agent.ipsec,
      {
        message: `IPsec encryption forces legacy host routing up to Cilium 1.18 (1.19 lifted this). Target ${s.version}: Host Routing will be Legacy.`,
      },
      'BPF host routing is incompatible with enable-ipsec.',
    ),
});
