import { setTo } from '../../fixes/datapathFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-spire-needs-authentication'),
  summary: 'SPIRE mutual authentication needs authentication.enabled.',
  examples: [
    {
      version: '1.16',
      bad: 'authentication:\n  enabled: false\n  mutual:\n    spire:\n      enabled: true\n',
      good: 'authentication:\n  enabled: true\n  mutual:\n    spire:\n      enabled: true\n',
    },
  ],
  fix: setTo('authentication.enabled', 'true', 'SPIRE mutual authentication needs it'),
});
