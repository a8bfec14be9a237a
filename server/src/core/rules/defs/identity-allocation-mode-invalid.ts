import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('identity-allocation-mode-invalid'),
  summary: 'The identity allocation mode is not one the agent knows; it refuses to start.',
  examples: [{ version: '1.16', bad: 'identityAllocationMode: crdd\n', good: 'identityAllocationMode: crd\n' }],
  fix: enumValue,
});
