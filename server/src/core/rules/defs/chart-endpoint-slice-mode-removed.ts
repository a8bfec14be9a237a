import { chartRemoved } from '../../fixes/keyFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-endpoint-slice-mode-removed'),
  summary: 'ciliumEndpointSlice.sliceMode was removed in 1.18.',
  examples: [
    {
      version: '1.18',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nciliumEndpointSlice:\n  enabled: true\n  sliceMode: fcfs\nhubble:\n  enabled: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nciliumEndpointSlice:\n  enabled: true\nhubble:\n  enabled: true\n',
    },
  ],
  fix: chartRemoved,
});
