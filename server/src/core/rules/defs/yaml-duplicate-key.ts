import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'yaml-duplicate-key',
  group: 'file',
  severity: 'error',
  summary: 'A key appears twice in one mapping; Helm keeps only the last.',
  examples: [
    { version: '1.16', bad: 'debug:\n  enabled: true\ndebug:\n  enabled: false\n', good: 'debug:\n  enabled: false\n' },
  ],
});
