import { kprValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'kpr-deprecated-value',
  group: 'keys',
  severity: 'warning',
  summary: 'A kubeProxyReplacement value from before 1.14 that 1.14-1.15 still accept (strict, partial, disabled).',
  examples: [
    {
      version: '1.15',
      bad: 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
  fix: kprValue,
});
