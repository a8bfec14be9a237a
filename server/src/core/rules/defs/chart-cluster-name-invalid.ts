import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-cluster-name-invalid'),
  summary: 'cluster.name must be a short DNS label, and not "default" with a cluster.id.',
  examples: [{ version: '1.16', bad: 'cluster:\n  name: My_Cluster\n', good: 'cluster:\n  name: my-cluster\n' }],
});
