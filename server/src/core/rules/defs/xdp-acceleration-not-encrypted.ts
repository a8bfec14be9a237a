import { setTo } from '../../fixes/datapathFixers';
import { defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

// The agent only warns: with BPF NodePort on (1.14-1.18 inside `if EnableNodePort`, l.98 / l.62 / l.51; from
// 1.19 inside `if KubeProxyReplacement`, l.69 / l.65), any XDP acceleration mode but `disabled`, WireGuard and
// node encryption, a request that a node's XDP program forwards to a backend on another node does not go through
// WireGuard. The log names the old flag spelling (option.NodePortAcceleration, "node-port-acceleration") in every
// version. 1.12 and 1.13 have no such line.
export default defineRule<AgentExitRule>({
  id: 'xdp-acceleration-not-encrypted',
  group: 'agent-exit',
  severity: 'warning',
  since: '1.14',
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.177-184, @v1.16.19 l.138-145, @v1.18.7 l.96-104; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.114-123, @v1.21.0-pre.0 (e864986222) l.111-120',
  summary:
    'With XDP acceleration, load-balanced traffic from outside the cluster that a node forwards to a backend on another node skips WireGuard, although node encryption is on.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  acceleration: native\nencryption:\n  enabled: true\n  type: wireguard\n  nodeEncryption: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  acceleration: disabled\nencryption:\n  enabled: true\n  type: wireguard\n  nodeEncryption: true\n',
    },
  ],
  check: (s) => {
    const acceleration = s.agent.lbAcceleration;
    if (!s.nodePort || acceleration.value === 'disabled' || !s.agent.wireguard.on || !s.agent.encryptNode.on)
      return undefined;
    return {
      origins: [acceleration.origin, s.agent.encryptNode.origin, s.agent.wireguard.origin],
      ...say(
        'With XDP acceleration ({set:loadBalancer.acceleration={mode}}), a service request from outside the cluster whose backend runs on another node is forwarded from XDP, before WireGuard sees it: that hop is not encrypted, although {key:encryption.nodeEncryption} is on. The agent starts and only warns. Set {set:loadBalancer.acceleration=disabled} to encrypt it.',
        { mode: acceleration.value },
      ),
      sourceText: `With node-port-acceleration: ${acceleration.value} and enable-wireguard, encrypt-node enabled, N/S Loadbalancer traffic won't be encrypted when an intermediate node redirects a request to another node where a selected backend is running.`,
    };
  },
  headline: () =>
    'XDP acceleration forwards some service traffic to other nodes outside WireGuard. Disable it to encrypt that hop.',
  fix: setTo('loadBalancer.acceleration', 'disabled', 'XDP-forwarded traffic skips WireGuard', {
    agent: 'bpf-lb-acceleration',
  }),
});
