import { setTo } from '../../fixes/datapathFixers';
import { dsrModes } from '../../knowledge/agentExits';
import { inRange } from '../../version';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'dsr-tunnel-needs-geneve-dispatch',
  group: 'agent-exit',
  severity: 'error',
  // Geneve dispatch exists from 1.14; before, any tunnel with DSR is dsr-with-tunnel (1.13) or dsr-off-in-tunnel
  // (1.12). The agent prints the mode (%q) and, in 1.14, the dispatch it has.
  since: '1.14',
  // From 1.15 any tunnel with DSR needs geneve dispatch (kube_proxy_replacement.go@v1.15.19 l.222-226).
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.221-225, @v1.15.19 l.222-226, @v1.17.13 l.155-159; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.139-143',
  summary: 'Direct server return inside a tunnel needs the Geneve dispatch mode.',
  examples: [
    {
      version: '1.16',
      bad: configMap('kube-proxy-replacement: "true"\nbpf-lb-mode: dsr\nrouting-mode: tunnel\ntunnel-protocol: geneve'),
      good: configMap(
        'kube-proxy-replacement: "true"\nbpf-lb-mode: dsr\nrouting-mode: tunnel\ntunnel-protocol: geneve\nbpf-lb-dsr-dispatch: geneve',
      ),
    },
  ],
  check: (s) => {
    const dispatch = s.agent.dsrDispatch?.value ?? 'opt';
    if (!(
      s.nodePort &&
      s.agent.lbMode &&
      dsrModes.has(s.agent.lbMode.value) &&
      s.tunnel &&
      s.agent.tunnelProtocol.value === 'geneve' &&
      dispatch !== 'geneve'
    ))
      return undefined;
    return {
      origins: [s.agent.dsrDispatch?.origin ?? s.agent.lbMode.origin, s.agent.tunnelProtocol.origin],
      ...say(
        'DSR over a Geneve tunnel needs {set:loadBalancer.dsrDispatch=geneve} (it is "{dispatch}"): the agent refuses to start.',
        { dispatch },
      ),
      sourceText: inRange(s.version, '1.15')
        ? `Tunnel routing with Node Port "${s.agent.lbMode.value}" mode requires geneve dispatch.`
        : `Node Port "${s.agent.lbMode.value}" mode with ${dispatch} dispatch cannot be used with geneve tunneling.`,
    };
  },
  fix: setTo('loadBalancer.dsrDispatch', 'geneve', 'DSR over a Geneve tunnel', { agent: 'bpf-lb-dsr-dispatch' }),
});
