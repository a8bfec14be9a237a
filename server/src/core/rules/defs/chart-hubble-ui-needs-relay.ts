import { setTo } from '../../fixes/datapathFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-hubble-ui-needs-relay'),
  summary: 'The Hubble UI needs Hubble Relay to be enabled.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  relay:\n    enabled: false\n  ui:\n    enabled: true\n',
      good: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true\n',
    },
  ],
  fix: setTo('hubble.relay.enabled', 'true', 'the UI needs Relay'),
});
