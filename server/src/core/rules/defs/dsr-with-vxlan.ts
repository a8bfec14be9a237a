import { dsrModes } from '../../knowledge/agentExits';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'dsr-with-vxlan',
  group: 'agent-exit',
  severity: 'error',
  // 1.13 refused DSR in any tunnel (dsr-with-tunnel), 1.12 turned it off (dsr-off-in-tunnel).
  since: '1.14',
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.210-213; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.134-137',
  summary: 'Direct server return cannot work over a VXLAN tunnel.',
  headline: () =>
    'DSR load balancing does not work over VXLAN: the agent will not start. Use native routing or Geneve dispatch.',
  examples: [
    {
      version: '1.16',
      bad: configMap('kube-proxy-replacement: "true"\nbpf-lb-mode: dsr\nrouting-mode: tunnel\ntunnel-protocol: vxlan'),
      good: configMap(
        'kube-proxy-replacement: "true"\nbpf-lb-mode: snat\nrouting-mode: tunnel\ntunnel-protocol: vxlan',
      ),
    },
  ],
  check: (s) =>
    s.nodePort &&
    s.agent.lbMode &&
    dsrModes.has(s.agent.lbMode.value) &&
    s.tunnel &&
    s.agent.tunnelProtocol.value === 'vxlan'
      ? {
          origins: [s.agent.lbMode.origin, s.agent.routingMode.origin, s.agent.tunnelProtocol.origin],
          ...say(
            'Load-balancer mode "{mode}" (direct server return) does not work over VXLAN tunnels: the agent refuses to start. Use native routing, or {set:tunnelProtocol=geneve} with {set:loadBalancer.dsrDispatch=geneve}.',
            { mode: s.agent.lbMode.value },
          ),
          // The agent prints the mode it has (%q of NodePortMode / LBMode), so "hybrid" for hybrid.
          sourceText: `Node Port "${s.agent.lbMode.value}" mode cannot be used with vxlan tunneling.`,
        }
      : undefined,
});
