import { configMap, defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'configmap-wrong-type',
  group: 'configmap',
  severity: 'error',
  summary:
    "A cilium-config value that does not parse as the key's type, where the agent still starts: a key with no flag that cilium-agent reads as false or 0, a duration without a unit read as nanoseconds; and values cilium-operator refuses (it does not start) or the IPv4/IPv6 CIDR of the native-routing keys the agent exits on. Values the agent refuses are configmap-value-stops-agent.",
  examples: [
    {
      version: '1.16',
      bad: configMap('routing-mode: native\nipv4-native-routing-cidr: not-a-cidr'),
      good: configMap('routing-mode: native\nipv4-native-routing-cidr: 10.0.0.0/8'),
    },
  ],
});
