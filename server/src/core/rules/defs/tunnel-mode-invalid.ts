import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('tunnel-mode-invalid'),
  summary: 'Up to 1.13, the tunnel value is not vxlan, geneve or disabled; the agent refuses to start.',
  examples: [{ version: '1.13', bad: 'tunnel: vxlann\n', good: 'tunnel: vxlan\n' }],
  fix: enumValue,
});
