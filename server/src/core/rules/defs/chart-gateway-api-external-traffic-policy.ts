import { nearestAllowed } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-gateway-api-external-traffic-policy'),
  summary: 'Gateway API needs externalTrafficPolicy Cluster or Local.',
  examples: [
    {
      version: '1.16',
      bad: 'gatewayAPI:\n  enabled: true\n  externalTrafficPolicy: Clster\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      good: 'gatewayAPI:\n  enabled: true\n  externalTrafficPolicy: Cluster\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
  fix: nearestAllowed({ 'gatewayAPI.externalTrafficPolicy': ['Cluster', 'Local'] }),
});
