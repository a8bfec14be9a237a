import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('cni-chaining-mode-invalid'),
  summary:
    'The CNI chaining mode is not one Cilium has a CNI configuration for: up to 1.13 Cilium installs itself as the only CNI instead of chaining; from 1.14 pods get no network.',
  examples: [{ version: '1.16', bad: 'cni:\n  chainingMode: aws-cnii\n', good: 'cni:\n  chainingMode: aws-cni\n' }],
  fix: enumValue,
});
