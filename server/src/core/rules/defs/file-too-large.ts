import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'file-too-large',
  group: 'file',
  severity: 'info',
  summary: 'The file is larger than the analysis limit and was skipped.',
  examples: [
    {
      version: '1.16',
      maxChars: 30,
      bad: 'debug:\n  enabled: true\n  verbose: datapath\n',
      good: 'debug:\n  enabled: true\n',
    },
  ],
});
