import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-hubble-redact-allow-and-deny'),
  summary: 'Hubble header redaction takes an allow list or a deny list, not both.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  redact:\n    enabled: true\n    http:\n      headers:\n        allow:\n          - a\n        deny:\n          - b\n',
      good: 'hubble:\n  redact:\n    enabled: true\n    http:\n      headers:\n        allow:\n          - a\n',
    },
  ],
});
