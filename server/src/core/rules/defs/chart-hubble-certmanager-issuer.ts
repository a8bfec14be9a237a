import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-hubble-certmanager-issuer'),
  summary: 'Hubble certificates from cert-manager need an issuer reference.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  tls:\n    auto:\n      method: certmanager\n',
      good: 'hubble:\n  tls:\n    auto:\n      method: helm\n',
    },
  ],
});
