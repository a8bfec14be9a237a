import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'too-many-findings',
  group: 'file',
  severity: 'info',
  summary: 'A document has more findings than the per-document cap; the rest are counted, not listed.',
  examples: [
    {
      version: '1.16',
      bad: Array.from({ length: 520 }, (_, i) => `notAKey${i}: 1`).join('\n') + '\n',
      good: 'debug:\n  enabled: true\n',
    },
  ],
});
