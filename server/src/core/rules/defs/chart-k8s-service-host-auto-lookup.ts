import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-k8s-service-host-auto-lookup'),
  summary:
    'k8sServiceHost: auto needs the cluster-info ConfigMap at install time; helm install stops without it and helm template always does.',
  examples: [{ version: '1.19', bad: 'k8sServiceHost: auto\n', good: 'k8sServiceHost: 10.0.0.1\n' }],
});
