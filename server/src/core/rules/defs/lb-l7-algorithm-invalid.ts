import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('lb-l7-algorithm-invalid'),
  summary: 'The Envoy L7 load-balancing algorithm is not one Envoy knows; cilium-operator silently uses round_robin.',
  examples: [
    {
      version: '1.16',
      bad: 'loadBalancer:\n  l7:\n    backend: envoy\n    algorithm: round_robinn\n',
      good: 'loadBalancer:\n  l7:\n    backend: envoy\n    algorithm: round_robin\n',
    },
  ],
  fix: enumValue,
});
