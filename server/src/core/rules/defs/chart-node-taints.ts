import { setTo } from '../../fixes/datapathFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-node-taints'),
  summary: 'operator.setNodeTaints needs operator.removeNodeTaints.',
  examples: [
    {
      version: '1.16',
      bad: 'operator:\n  setNodeTaints: true\n  removeNodeTaints: false\n',
      good: 'operator:\n  setNodeTaints: true\n  removeNodeTaints: true\n',
    },
  ],
  fix: setTo('operator.removeNodeTaints', 'true', 'the operator must remove the taint it sets'),
});
