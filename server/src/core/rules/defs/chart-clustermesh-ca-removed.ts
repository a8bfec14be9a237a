import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-clustermesh-ca-removed'),
  summary: 'The ClusterMesh API server CA keys were removed in 1.15.',
  examples: [
    {
      version: '1.15',
      bad: 'clustermesh:\n  apiserver:\n    tls:\n      ca:\n        cert: abc\n        key: def\n',
      good: 'debug:\n  enabled: false\n',
    },
  ],
});
