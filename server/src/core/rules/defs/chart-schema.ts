import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-schema'),
  summary: "A value the chart's values.schema.json refuses (1.16+); Helm stops before rendering anything.",
  examples: [
    {
      version: '1.16',
      bad: 'ipam:\n  operator:\n    clusterPoolIPv4PodCIDRList:\n      - 5\n',
      good: 'ipam:\n  operator:\n    clusterPoolIPv4PodCIDRList:\n      - 10.0.0.0/8\n',
    },
  ],
});
