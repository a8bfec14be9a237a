import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-max-connected-clusters'),
  summary: 'clustermesh.maxConnectedClusters takes 255 or 511.',
  examples: [
    {
      version: '1.16',
      bad: 'clustermesh:\n  maxConnectedClusters: 300\n',
      good: 'clustermesh:\n  maxConnectedClusters: 255\n',
    },
  ],
});
