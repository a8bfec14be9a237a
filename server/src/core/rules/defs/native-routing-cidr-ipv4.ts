import { nativeRoutingCidrCheck, NATIVE_ROUTING_CIDR_CITE } from '../../knowledge/agentExits';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { spell } from '../headlineText';

export default defineRule<AgentExitRule>({
  id: 'native-routing-cidr-ipv4',
  group: 'agent-exit',
  severity: 'error',
  cite: NATIVE_ROUTING_CIDR_CITE,
  summary:
    'Native routing with IPv4 masquerading needs ipv4NativeRoutingCIDR, the range that is routed without masquerading.',
  headline: (f) =>
    spell(
      f,
      // From 1.20 hybrid routing needs it too (the message then starts with Hybrid).
      `${f.message.startsWith('Hybrid') ? 'Hybrid' : 'Native'} routing with IPv4 masquerading needs {key:ipv4NativeRoutingCIDR}: without it the agent will not start.`,
    ),
  examples: [
    {
      version: '1.16',
      bad: configMap('routing-mode: native\nenable-ipv4-masquerade: "true"'),
      good: configMap('routing-mode: native\nenable-ipv4-masquerade: "true"\nipv4-native-routing-cidr: 10.0.0.0/8'),
    },
  ],
  check: nativeRoutingCidrCheck('4'),
});
