import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-bgp-no-announcements'),
  summary: 'The MetalLB-based BGP mode must announce something.',
  examples: [
    {
      version: '1.16',
      bad: 'bgp:\n  enabled: true\n',
      good: 'bgp:\n  enabled: true\n  announce:\n    loadbalancerIP: true\n',
    },
  ],
});
