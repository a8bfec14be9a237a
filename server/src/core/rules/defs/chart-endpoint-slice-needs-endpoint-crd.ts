import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-endpoint-slice-needs-endpoint-crd'),
  summary: 'CiliumEndpointSlices need the CiliumEndpoint CRD (disableEndpointCRD: false).',
  examples: [
    {
      version: '1.16',
      bad: 'ciliumEndpointSlice:\n  enabled: true\ndisableEndpointCRD: true\n',
      good: 'ciliumEndpointSlice:\n  enabled: true\ndisableEndpointCRD: false\n',
    },
  ],
});
