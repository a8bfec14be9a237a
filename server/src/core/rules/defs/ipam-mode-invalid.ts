import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('ipam-mode-invalid'),
  summary: 'The IPAM mode is not one the agent knows; it refuses to start.',
  examples: [{ version: '1.16', bad: 'ipam:\n  mode: kubernets\n', good: 'ipam:\n  mode: kubernetes\n' }],
  fix: enumValue,
});
