import { dsrInTunnelCheck } from '../../knowledge/agentExits';
import { configMap, defineRule, type AgentExitRule } from '../rule';

// Cilium 1.12 does not refuse DSR or hybrid in a tunnel: initKubeProxyReplacementOptions logs a warning and sets
// the mode to SNAT, so the agent starts and balances without direct server return. 1.13 refuses it
// (dsr-with-tunnel).
export default defineRule<AgentExitRule>({
  id: 'dsr-off-in-tunnel',
  group: 'agent-exit',
  severity: 'warning',
  until: '1.12',
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.334-341',
  summary: 'In tunnel mode the 1.12 agent turns direct server return off and balances with SNAT instead.',
  examples: [
    {
      version: '1.12',
      bad: configMap('kube-proxy-replacement: strict\nbpf-lb-mode: hybrid\ntunnel: vxlan'),
      good: configMap('kube-proxy-replacement: strict\nbpf-lb-mode: snat\ntunnel: vxlan'),
    },
  ],
  check: dsrInTunnelCheck(
    'In tunnel mode the 1.12 agent ignores load-balancer mode "{mode}" and uses SNAT. For direct server return use native routing; otherwise write {set:loadBalancer.mode=snat}.',
    (mode) => `Disabling NodePort's "${mode}" mode feature due to tunneling mode being enabled`,
  ),
});
