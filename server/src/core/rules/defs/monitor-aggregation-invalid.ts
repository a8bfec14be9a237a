import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('monitor-aggregation-invalid'),
  summary: 'The monitor aggregation level is not a level name or 0-4; the agent refuses to start.',
  examples: [
    { version: '1.16', bad: 'bpf:\n  monitorAggregation: mediumm\n', good: 'bpf:\n  monitorAggregation: medium\n' },
  ],
  fix: enumValue,
});
