import { configMapRename } from '../../fixes/configMapFixers';
import { configMap, defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'configmap-unknown-key',
  group: 'configmap',
  severity: 'warning',
  summary:
    'A cilium-config key that neither cilium-agent nor cilium-operator of any supported version reads, and the chart does not write; a likely intended key of the target version is suggested.',
  examples: [
    {
      version: '1.16',
      bad: configMap('enable-bpf-masquerad: "false"'),
      good: configMap('enable-bpf-masquerade: "false"'),
    },
  ],
  fix: configMapRename,
});
