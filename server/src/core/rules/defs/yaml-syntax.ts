import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'yaml-syntax',
  group: 'file',
  severity: 'error',
  summary: 'The YAML does not parse here.',
  examples: [{ version: '1.16', bad: 'debug:\n  enabled: [true\n', good: 'debug:\n  enabled: true\n' }],
});
