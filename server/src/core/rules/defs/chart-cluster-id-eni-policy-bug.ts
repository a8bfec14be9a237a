import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-cluster-id-eni-policy-bug'),
  summary: 'Some cluster.id ranges hit a policy bug in ENI-like modes; the chart refuses them.',
  examples: [
    {
      version: '1.16',
      bad: 'eni:\n  enabled: true\nipam:\n  mode: eni\nroutingMode: native\ncluster:\n  name: c1\n  id: 200\n',
      good: 'eni:\n  enabled: true\nipam:\n  mode: eni\nroutingMode: native\ncluster:\n  name: c1\n  id: 20\n',
    },
  ],
});
