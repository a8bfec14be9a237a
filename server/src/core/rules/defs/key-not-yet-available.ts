import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'key-not-yet-available',
  group: 'keys',
  severity: 'warning',
  summary: 'A key that only appears in a later chart version than the target.',
  examples: [{ version: '1.14', bad: 'bpf:\n  datapathMode: netkit\n', good: 'bpf:\n  monitorAggregation: medium\n' }],
});
