import { nearestAllowed } from '../../fixes/valueFixers';
import { inRange } from '../../version';
import { configMap, defineRule, type AgentExitRule } from '../rule';

export default defineRule<AgentExitRule>({
  id: 'routing-mode-invalid',
  group: 'agent-exit',
  since: '1.14',
  severity: 'error',
  // The tunnel protocol is checked whatever the routing mode: in the option validation in 1.14, then by the
  // tunnel cell's constructor, which runs in native routing mode too (its error stops the agent's start).
  cite: 'pkg/option/config.go@v1.14.19 l.2889-2900 (routing mode and tunnel protocol); pkg/option/config.go@v1.15.19 l.2896-2901, @v1.19.1 l.2186-2191 (routing mode); pkg/datapath/tunnel/tunnel.go@v1.15.19 l.62-67, @v1.17.13 l.74-80, @v1.18.7 l.83-88, @v1.19.1 l.83-88, @v1.20.0-pre.4 (7527a668) l.96-101 (tunnel protocol, in every routing mode)',
  summary: 'The routing mode is neither tunnel nor native.',
  examples: [{ version: '1.16', bad: configMap('routing-mode: tunel'), good: configMap('routing-mode: tunnel') }],
  check: (s) => {
    const mode = s.agent.routingMode.value;
    const proto = s.agent.tunnelProtocol.value;
    // 1.20 adds "hybrid" (pkg/option/config.go@v1.20.0-pre.4 (7527a668) l.1014 and l.2249-2253, same in 1.21-pre.0).
    const modes = inRange(s.version, '1.20') ? ['tunnel', 'native', 'hybrid'] : ['tunnel', 'native'];
    if (!modes.includes(mode)) {
      return {
        origins: [s.agent.routingMode.origin],
        message: `"${mode}" is not a routing mode: use ${modes.map((m) => `"${m}"`).join(' or ')}. The agent refuses to start.`,
        sourceText: `invalid routing mode "${mode}", valid modes = {${modes.map((m) => `"${m}"`).join(', ')}}`,
      };
    }
    if (proto !== 'vxlan' && proto !== 'geneve') {
      const evenNative =
        mode === 'native' ? ' The agent checks it in native routing mode too, where no tunnel is used.' : '';
      return {
        origins: [s.agent.tunnelProtocol.origin],
        message: `"${proto}" is not a tunnel protocol: use "vxlan" or "geneve". The agent refuses to start.${evenNative}`,
        sourceText: `invalid tunnel protocol "${proto}"`,
      };
    }
    return undefined;
  },
  fix: nearestAllowed({
    routingMode: ['tunnel', 'native'],
    'routing-mode': ['tunnel', 'native'],
    tunnelProtocol: ['vxlan', 'geneve'],
    'tunnel-protocol': ['vxlan', 'geneve'],
  }),
});
