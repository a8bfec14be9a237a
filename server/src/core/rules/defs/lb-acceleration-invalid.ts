import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('lb-acceleration-invalid'),
  summary:
    'The XDP acceleration mode is not one the agent knows; it refuses to start (up to 1.16 only with BPF NodePort on).',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  acceleration: nativ\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  acceleration: native\n',
    },
  ],
  fix: enumValue,
});
