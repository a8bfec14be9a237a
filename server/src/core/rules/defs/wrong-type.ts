import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'wrong-type',
  group: 'keys',
  severity: 'warning',
  summary: 'A value whose type differs from what the chart expects.',
  examples: [
    {
      version: '1.15',
      bad: 'bpf:\n  monitorAggregation:\n    - medium\n',
      good: 'bpf:\n  monitorAggregation: medium\n',
    },
  ],
});
