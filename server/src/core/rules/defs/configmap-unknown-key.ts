import { configMapRename } from '../../fixes/configMapFixers';
import { configMap, defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'configmap-unknown-key',
  group: 'configmap',
  severity: 'warning',
  summary:
    'A cilium-config key that neither cilium-agent nor cilium-operator of any supported version reads, and the chart does not write; a likely intended key of the target version is suggested.',
  headline: (f) =>
    `No Cilium agent or operator reads ${f.key ?? 'this key'}, so it is ignored. Check the spelling or remove it.`,
  examples: [
    {
      version: '1.16',
      bad: configMap('enable-bpf-masquerad: "false"'),
      good: configMap('enable-bpf-masquerade: "false"'),
    },
  ],
  fix: configMapRename,
});
