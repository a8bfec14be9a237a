import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-envoy-base-id'),
  summary: 'envoy.baseID must be a 32-bit unsigned integer.',
  examples: [{ version: '1.16', bad: 'envoy:\n  baseID: -1\n', good: 'envoy:\n  baseID: 0\n' }],
});
