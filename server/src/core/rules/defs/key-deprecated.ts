import { deprecatedKey } from '../../fixes/keyFixers';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'key-deprecated',
  group: 'keys',
  severity: 'warning',
  summary:
    "A key the target chart's own values.yaml marks deprecated: it still works, and the finding names what the chart says to use instead (a quick-fix where the rename keeps the meaning).",
  examples: [
    {
      version: '1.18',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nlocalRedirectPolicy: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nlocalRedirectPolicies:\n  enabled: true\n',
    },
  ],
  fix: deprecatedKey,
});
