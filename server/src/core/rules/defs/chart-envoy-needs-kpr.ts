import { kprFalseForEnvoy } from '../../fixes/datapathFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-envoy-needs-kpr'),
  summary: 'Ingress, Gateway API and CiliumEnvoyConfig refuse kubeProxyReplacement: disabled.',
  examples: [
    {
      version: '1.15',
      bad: 'kubeProxyReplacement: disabled\ningressController:\n  enabled: true\n',
      good: 'kubeProxyReplacement: false\ningressController:\n  enabled: true\n',
    },
  ],
  fix: kprFalseForEnvoy,
});
