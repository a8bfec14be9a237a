import { dsrModes } from '../../knowledge/agentExits';
import { inRange } from '../../version';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'dsr-geneve-dispatch-needs-geneve',
  group: 'agent-exit',
  severity: 'error',
  // Geneve dispatch is a word from 1.14 (before, lb-dsr-dispatch-invalid: the agent refuses the word itself).
  since: '1.14',
  // 1.14 checks this only when tunnelling (@v1.14.19 l.228-233); from 1.15 also with native routing
  // (@v1.15.19 l.228-232, @v1.16.19 l.186-190).
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.228-233, @v1.15.19 l.228-232, @v1.17.13 l.161-165, @v1.18.7 l.127-131; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.145-150',
  summary: 'The Geneve DSR dispatch mode needs the Geneve tunnel protocol.',
  examples: [
    {
      version: '1.16',
      bad: configMap(
        'kube-proxy-replacement: "true"\nbpf-lb-mode: dsr\nbpf-lb-dsr-dispatch: geneve\nrouting-mode: native\nipv4-native-routing-cidr: 10.0.0.0/8\ntunnel-protocol: vxlan',
      ),
      good: configMap(
        'kube-proxy-replacement: "true"\nbpf-lb-mode: dsr\nbpf-lb-dsr-dispatch: geneve\nrouting-mode: native\nipv4-native-routing-cidr: 10.0.0.0/8\ntunnel-protocol: geneve',
      ),
    },
  ],
  check: (s) => {
    if (!(
      s.nodePort &&
      s.agent.dsrDispatch?.value === 'geneve' &&
      s.agent.lbMode &&
      dsrModes.has(s.agent.lbMode.value)
    ))
      return undefined;
    const tunnelProtoIsGeneve = s.agent.tunnelProtocol.value === 'geneve';
    const fails = inRange(s.version, '1.15') ? !tunnelProtoIsGeneve : s.tunnel && !tunnelProtoIsGeneve;
    if (!fails) return undefined;
    return {
      origins: [s.agent.dsrDispatch.origin, s.agent.tunnelProtocol.origin],
      ...say(
        '{set:loadBalancer.dsrDispatch=geneve} needs {set:tunnelProtocol=geneve}{native}: the agent refuses to start.',
        {
          native: inRange(s.version, '1.15') ? ' (from 1.15 even with native routing)' : '',
        },
      ),
      // The mode as the agent has it (%q); the dispatch is quoted from 1.18 (%q, was %s).
      sourceText: inRange(s.version, '1.18')
        ? `Node Port "${s.agent.lbMode.value}" mode with "geneve" dispatch requires geneve tunnel protocol.`
        : inRange(s.version, '1.15')
          ? `Node Port "${s.agent.lbMode.value}" mode with geneve dispatch requires geneve tunnel protocol.`
          : `Node Port "${s.agent.lbMode.value}" mode with geneve dispatch requires geneve tunneling.`,
    };
  },
});
