import { tunnelSuccessor } from '../../fixes/keyFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-tunnel-removed'),
  summary: 'The removed `tunnel` value is still set; the chart refuses it.',
  examples: [{ version: '1.16', bad: 'tunnel: vxlan\n', good: 'routingMode: tunnel\ntunnelProtocol: vxlan\n' }],
  fix: tunnelSuccessor,
});
