import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-servicemonitor-crds'),
  summary:
    'ServiceMonitors need the Prometheus operator CRDs in the cluster (helm template without --api-versions fails).',
  examples: [
    {
      version: '1.16',
      bad: 'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n',
      good: 'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: false\n',
    },
  ],
});
