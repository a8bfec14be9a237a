import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-backoff-env-conflict'),
  summary: 'k8sClientExponentialBackoff conflicts with the backoff variables in extraEnv.',
  examples: [
    {
      version: '1.18',
      bad: 'k8sClientExponentialBackoff:\n  enabled: true\nextraEnv:\n  - name: KUBE_CLIENT_BACKOFF_BASE\n    value: "1"\n',
      good: 'k8sClientExponentialBackoff:\n  enabled: true\n',
    },
  ],
});
