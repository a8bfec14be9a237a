import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('lb-algorithm-invalid'),
  summary:
    'The load-balancing algorithm is not random or maglev; the agent refuses to start (up to 1.17 only with BPF NodePort on).',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  algorithm: maglevv\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  algorithm: maglev\n',
    },
  ],
  fix: enumValue,
});
