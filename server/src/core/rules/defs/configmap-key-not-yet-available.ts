import { configMap, defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'configmap-key-not-yet-available',
  group: 'configmap',
  severity: 'warning',
  summary: 'A cilium-config key that only later versions read; the target version ignores it.',
  examples: [{ version: '1.16', bad: configMap('enable-tunnel-big-tcp: "true"'), good: configMap('debug: "false"') }],
});
