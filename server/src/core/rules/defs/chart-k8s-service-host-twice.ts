import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-k8s-service-host-twice'),
  summary: 'Set k8sServiceHost or k8sServiceHostRef, not both.',
  examples: [
    {
      version: '1.18',
      bad: 'k8sServiceHost: 10.0.0.1\nk8sServiceHostRef:\n  name: cm\n  key: host\n',
      good: 'k8sServiceHost: 10.0.0.1\n',
    },
  ],
});
