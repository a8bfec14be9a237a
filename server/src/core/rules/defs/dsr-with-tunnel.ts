import { dsrInTunnelCheck } from '../../knowledge/agentExits';
import { configMap, defineRule, type AgentExitRule } from '../rule';

// Cilium 1.13 refuses DSR and hybrid in any tunnel: initKubeProxyReplacementOptions returns the error and newDaemon
// stops on it. 1.12 turned the mode off instead (dsr-off-in-tunnel); from 1.14 the check is split by protocol
// (dsr-with-vxlan, dsr-tunnel-needs-geneve-dispatch), because Geneve can carry DSR from then on.
export default defineRule<AgentExitRule>({
  id: 'dsr-with-tunnel',
  group: 'agent-exit',
  severity: 'error',
  since: '1.13',
  until: '1.13',
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.192-196; daemon/cmd/daemon.go@v1.13.18 l.457-460',
  summary: 'Cilium 1.13 refuses direct server return (DSR or hybrid load balancing) in tunnel mode.',
  examples: [
    {
      version: '1.13',
      bad: configMap('kube-proxy-replacement: strict\nbpf-lb-mode: dsr\ntunnel: geneve'),
      good: configMap('kube-proxy-replacement: strict\nbpf-lb-mode: snat\ntunnel: geneve'),
    },
  ],
  check: dsrInTunnelCheck(
    'Cilium 1.13 refuses load-balancer mode "{mode}" in tunnel mode: the agent will not start. Use native routing, or {set:loadBalancer.mode=snat} (DSR over Geneve arrives in 1.14).',
    (mode) => `Node Port "${mode}" mode cannot be used with tunneling.`,
  ),
});
