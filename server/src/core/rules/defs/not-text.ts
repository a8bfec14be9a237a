import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'not-text',
  group: 'file',
  severity: 'info',
  summary: 'The file does not look like text and was skipped.',
  examples: [
    { version: '1.16', bad: 'debug:\n  enabled: true\n\u0000\u0000\u0000\n', good: 'debug:\n  enabled: true\n' },
  ],
});
