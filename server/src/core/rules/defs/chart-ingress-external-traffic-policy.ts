import { nearestAllowed } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-ingress-external-traffic-policy'),
  summary: 'Ingress LoadBalancer/NodePort services need externalTrafficPolicy Cluster or Local.',
  examples: [
    {
      version: '1.16',
      bad: 'ingressController:\n  enabled: true\n  service:\n    type: LoadBalancer\n    externalTrafficPolicy: Clster\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      good: 'ingressController:\n  enabled: true\n  service:\n    type: LoadBalancer\n    externalTrafficPolicy: Cluster\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
  fix: nearestAllowed({ 'ingressController.service.externalTrafficPolicy': ['Cluster', 'Local'] }),
});
