import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('encryption-type-invalid'),
  summary:
    'encryption.type is neither of the words the chart knows: the chart writes no encryption at all and installs silently unencrypted.',
  examples: [
    {
      version: '1.16',
      bad: 'encryption:\n  enabled: true\n  type: ipsek\n',
      good: 'encryption:\n  enabled: true\n  type: ipsec\n',
    },
  ],
  fix: enumValue,
});
