import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'yaml-too-deep',
  group: 'file',
  severity: 'warning',
  summary: 'The YAML nests more than 200 levels deep, which can crash the parser, so it was not analysed.',
  examples: [
    {
      version: '1.16',
      bad: `${Array.from({ length: 205 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`,
      good: 'debug:\n  enabled: true\n',
    },
  ],
});
