import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'invalid-setting',
  group: 'file',
  severity: 'warning',
  summary: 'A setting (kernel version, target version) could not be read; its default is used.',
  examples: [
    {
      version: '1.16',
      kernel: 'five',
      goodKernel: '5.10',
      bad: 'debug:\n  enabled: false\n',
      good: 'debug:\n  enabled: false\n',
    },
  ],
});
