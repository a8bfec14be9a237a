import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-ingress-needs-kpr'),
  summary: 'In 1.13 the Ingress controller and Gateway API need kubeProxyReplacement written as partial or strict.',
  examples: [
    {
      version: '1.13',
      bad: 'ingressController:\n  enabled: true\n',
      good: 'ingressController:\n  enabled: true\nkubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
});
