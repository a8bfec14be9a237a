import { API_SERVER_ADDRESS_CITE } from '../../knowledge/apiServerAddress';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'kpr-api-server-via-service',
  group: 'values',
  severity: 'info',
  cite: API_SERVER_ADDRESS_CITE,
  summary:
    'Kube-proxy replacement with an empty k8sServiceHost: the agent reaches the API server through the kubernetes Service, which nothing serves on a node without kube-proxy until Cilium runs.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
});
