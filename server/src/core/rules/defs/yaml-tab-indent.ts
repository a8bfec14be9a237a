import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'yaml-tab-indent',
  group: 'file',
  severity: 'error',
  summary: 'Tabs cannot indent YAML.',
  examples: [{ version: '1.16', bad: 'debug:\n\tenabled: true\n', good: 'debug:\n  enabled: true\n' }],
});
