import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-values-null'),
  summary: 'An empty key (null) deletes the chart defaults below it, and the chart stops reading one of them.',
  examples: [{ version: '1.16', bad: 'bpf:\n', good: 'bpf:\n  monitorAggregation: medium\n' }],
});
