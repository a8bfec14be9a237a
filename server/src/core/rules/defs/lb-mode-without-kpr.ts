import { LB_MODE_WITHOUT_NODEPORT_CITE } from '../../knowledge/noEffect';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'lb-mode-without-kpr',
  group: 'values',
  severity: 'info',
  cite: LB_MODE_WITHOUT_NODEPORT_CITE,
  summary:
    'loadBalancer.mode dsr or hybrid while BPF NodePort (kube-proxy replacement) is off: the setting has no effect.',
  examples: [{ version: '1.16', bad: 'loadBalancer:\n  mode: dsr\n', good: 'loadBalancer:\n  mode: snat\n' }],
});
