import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-hubble-ui-image-too-old'),
  summary: 'Hubble UI images older than v0.9.0 are refused.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true\n    backend:\n      image:\n        tag: v0.8.0\n',
      good: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true\n',
    },
  ],
});
