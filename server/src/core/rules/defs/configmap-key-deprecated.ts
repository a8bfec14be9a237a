import { configMapRename } from '../../fixes/configMapFixers';
import { configMap, defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'configmap-key-deprecated',
  group: 'configmap',
  severity: 'warning',
  summary:
    "A cilium-config key the target version marks deprecated, with the agent's own deprecation message (info when that version's chart still writes it).",
  headline: (f) =>
    `${f.key ?? 'This key'} is deprecated in Cilium ${/deprecated in Cilium (1\.\d+)/.exec(f.message)?.[1] ?? 'this version'}; plan to remove it.`,
  examples: [
    {
      version: '1.18',
      bad: configMap(
        'kube-proxy-replacement: "true"\nenable-bpf-masquerade: "true"\nenable-ipv4-egress-gateway: "true"',
      ),
      good: configMap('kube-proxy-replacement: "true"\nenable-bpf-masquerade: "true"\nenable-egress-gateway: "true"'),
    },
  ],
  fix: configMapRename,
});
