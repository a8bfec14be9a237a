import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('datapath-mode-invalid'),
  summary: 'The datapath mode (veth, netkit, ...) is not one the agent knows; it refuses to start.',
  examples: [{ version: '1.16', bad: 'bpf:\n  datapathMode: vet\n', good: 'bpf:\n  datapathMode: veth\n' }],
  fix: enumValue,
});
