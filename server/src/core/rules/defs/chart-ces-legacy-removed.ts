import { chartRemoved } from '../../fixes/keyFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-ces-legacy-removed'),
  summary: 'enableCiliumEndpointSlice was replaced by ciliumEndpointSlice.enabled; the chart refuses the old key.',
  examples: [
    { version: '1.18', bad: 'enableCiliumEndpointSlice: true\n', good: 'ciliumEndpointSlice:\n  enabled: true\n' },
  ],
  fix: chartRemoved,
});
