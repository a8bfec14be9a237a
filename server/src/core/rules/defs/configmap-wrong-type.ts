import { configMap, defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'configmap-wrong-type',
  group: 'configmap',
  severity: 'error',
  summary:
    "A cilium-config value that does not parse as the key's type (bool, integer, duration, number, or the IPv4/IPv6 CIDR of the native-routing keys): an error where the agent or operator then refuses to start (hive-decoded options, CIDRs), a warning where it silently reads false or 0 (viper-read options).",
  examples: [
    {
      version: '1.16',
      bad: configMap('routing-mode: native\nipv4-native-routing-cidr: not-a-cidr'),
      good: configMap('routing-mode: native\nipv4-native-routing-cidr: 10.0.0.0/8'),
    },
  ],
});
