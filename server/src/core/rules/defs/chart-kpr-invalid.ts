import { kprValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-kpr-invalid'),
  summary: 'The chart rejects this kubeProxyReplacement value.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: ture\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
  fix: kprValue,
});
