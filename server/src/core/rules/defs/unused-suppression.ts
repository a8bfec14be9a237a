import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'unused-suppression',
  group: 'file',
  severity: 'info',
  summary:
    'A `# cilium-lint-disable` or `# cilium-lint-disable-next-line` comment hides no finding (the problem was fixed, or the rule id is misspelt); remove it.',
  examples: [
    {
      version: '1.16',
      bad: '# cilium-lint-disable-next-line unknown-key\ndebug:\n  enabled: true\n',
      good: 'debug:\n  enabled: true\n',
    },
  ],
});
