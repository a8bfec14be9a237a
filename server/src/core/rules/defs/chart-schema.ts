import { defineRule, type Rule } from '../rule';
import { SCHEMA_RULE } from '../../knowledge/chartFailureNotes';

export default defineRule<Rule>({
  ...SCHEMA_RULE,
  group: 'chart',
  summary: "A value the chart's values.schema.json refuses (1.16+); Helm stops before rendering anything.",
  examples: [
    {
      version: '1.16',
      bad: 'ipam:\n  operator:\n    clusterPoolIPv4PodCIDRList:\n      - 5\n',
      good: 'ipam:\n  operator:\n    clusterPoolIPv4PodCIDRList:\n      - 10.0.0.0/8\n',
    },
  ],
});
