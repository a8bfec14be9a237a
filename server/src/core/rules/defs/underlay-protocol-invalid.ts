import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('underlay-protocol-invalid'),
  summary: 'The tunnel underlay protocol is not ipv4 or ipv6 (or auto from 1.20); the agent refuses to start.',
  examples: [{ version: '1.18', bad: 'underlayProtocol: ipv44\n', good: 'underlayProtocol: ipv4\n' }],
  fix: enumValue,
});
