import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-netkit-tproxy'),
  summary: 'bpf.tproxy cannot be combined with netkit.',
  examples: [
    {
      version: '1.19',
      bad: 'bpf:\n  datapathMode: netkit\n  tproxy: true\n',
      good: 'bpf:\n  datapathMode: netkit\n  tproxy: false\n',
    },
  ],
});
