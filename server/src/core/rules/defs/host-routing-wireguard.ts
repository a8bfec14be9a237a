import { fallsBackWhileOn } from '../../knowledge/hostRouting';
import { defineRule, type HostRoutingRule } from '../rule';

export default defineRule<HostRoutingRule>({
  id: 'host-routing-wireguard',
  group: 'host-routing',
  severity: 'warning',
  until: '1.13',
  silent: false,
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.440-470; removed by commit 5c32cb74dd (first in 1.14)',
  summary: 'WireGuard encryption forced Legacy host routing in the oldest supported versions.',
  examples: [
    {
      version: '1.13',
      bad: 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nencryption:\n  enabled: true\n  type: wireguard\n',
      good: 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nencryption:\n  enabled: false\n',
    },
  ],
  check: (s) =>
    fallsBackWhileOn(
      s.agent.wireguard,
      {
        message: `WireGuard encryption forces legacy host routing up to Cilium 1.13 (1.14 lifted this). Target ${s.version}: Host Routing will be Legacy.`,
      },
      'BPF host routing is currently not compatible with Wireguard (--enable-wireguard).',
    ),
});
