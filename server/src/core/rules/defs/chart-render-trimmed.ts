import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'chart-render-trimmed',
  group: 'file',
  severity: 'info',
  summary:
    'A map or list of the values has more than 2,000 entries: the chart is rendered with the first 2,000 of each.',
  examples: [
    {
      version: '1.16',
      bad: `extraEnv:\n${'  - name: A\n    value: b\n'.repeat(2001)}`,
      good: `extraEnv:\n${'  - name: A\n    value: b\n'.repeat(3)}`,
    },
  ],
});
