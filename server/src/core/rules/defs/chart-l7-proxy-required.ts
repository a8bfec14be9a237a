import { setTo } from '../../fixes/datapathFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-l7-proxy-required'),
  summary: 'Ingress, Gateway API and the Envoy L7 load balancer need l7Proxy: true.',
  examples: [
    {
      version: '1.16',
      bad: 'ingressController:\n  enabled: true\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nl7Proxy: false\n',
      good: 'ingressController:\n  enabled: true\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nl7Proxy: true\n',
    },
  ],
  fix: setTo('l7Proxy', 'true', 'the Ingress controller, Gateway API and Envoy load balancer need it', {
    agent: 'enable-l7-proxy',
    helmOnly: true,
  }),
});
