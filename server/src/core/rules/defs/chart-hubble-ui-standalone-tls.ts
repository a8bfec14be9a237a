import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-hubble-ui-standalone-tls'),
  summary: 'A standalone Hubble UI with TLS to Relay needs a certificates volume.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  relay:\n    enabled: true\n    tls:\n      server:\n        enabled: true\n  ui:\n    enabled: true\n    standalone:\n      enabled: true\n',
      good: 'hubble:\n  relay:\n    enabled: true\n    tls:\n      server:\n        enabled: true\n  ui:\n    enabled: true\n',
    },
  ],
});
