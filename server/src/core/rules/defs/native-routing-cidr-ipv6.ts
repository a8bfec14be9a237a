import { nativeRoutingCidrCheck, NATIVE_ROUTING_CIDR_CITE } from '../../knowledge/agentExits';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { spell } from '../headlineText';

export default defineRule<AgentExitRule>({
  id: 'native-routing-cidr-ipv6',
  group: 'agent-exit',
  severity: 'error',
  cite: NATIVE_ROUTING_CIDR_CITE,
  summary: 'Native routing with IPv6 masquerading needs ipv6NativeRoutingCIDR.',
  headline: (f) =>
    spell(
      f,
      // From 1.20 hybrid routing needs it too (the message then starts with Hybrid).
      `${f.message.startsWith('Hybrid') ? 'Hybrid' : 'Native'} routing with IPv6 masquerading needs {key:ipv6NativeRoutingCIDR}: without it the agent will not start.`,
    ),
  examples: [
    {
      version: '1.16',
      bad: configMap(
        'routing-mode: native\nenable-ipv6: "true"\nenable-ipv6-masquerade: "true"\nipv4-native-routing-cidr: 10.0.0.0/8',
      ),
      good: configMap(
        'routing-mode: native\nenable-ipv6: "true"\nenable-ipv6-masquerade: "true"\nipv4-native-routing-cidr: 10.0.0.0/8\nipv6-native-routing-cidr: fd00::/100',
      ),
    },
  ],
  check: nativeRoutingCidrCheck('6'),
});
