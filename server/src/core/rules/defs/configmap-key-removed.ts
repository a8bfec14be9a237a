import { configMapRename } from '../../fixes/configMapFixers';
import { configMap, defineRule, type Rule } from '../rule';
import { versionIn } from '../headlineText';

export default defineRule<Rule>({
  id: 'configmap-key-removed',
  group: 'configmap',
  severity: 'warning',
  summary:
    'A cilium-config key the target version no longer reads; the message names the version that removed it and its successor when the agent names one.',
  headline: (f) =>
    `Cilium ${versionIn(f.message.slice(f.message.lastIndexOf('Cilium'))) ?? ''} ignores ${f.key ?? 'this key'}: no agent or operator of that version reads it. Remove it.`.replace(
      'Cilium  ',
      'Cilium ',
    ),
  examples: [
    {
      version: '1.16',
      bad: configMap('enable-host-reachable-services: "true"'),
      good: configMap('bpf-lb-sock: "true"'),
    },
  ],
  fix: configMapRename,
});
