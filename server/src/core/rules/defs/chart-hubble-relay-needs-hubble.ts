import { setTo } from '../../fixes/datapathFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-hubble-relay-needs-hubble'),
  summary: 'Hubble Relay needs Hubble itself to be enabled.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  enabled: false\n  relay:\n    enabled: true\n',
      good: 'hubble:\n  enabled: true\n  relay:\n    enabled: true\n',
    },
  ],
  fix: setTo('hubble.enabled', 'true', 'Relay needs Hubble'),
});
