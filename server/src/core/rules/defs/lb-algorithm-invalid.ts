import { R120, refusedFrom } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'lb-algorithm-invalid',
  severity: 'error',
  stopsAgent: true,
  helm: 'loadBalancer.algorithm',
  configMap: 'bpf-lb-algorithm',
  what: 'load-balancing algorithm',
  sets: [{ values: ['random', 'maglev'] }],
  cite: `daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.173-176, @v1.16.19 l.126-129, @v1.17.13 l.132-135 (only with BPF NodePort); pkg/loadbalancer/config.go@v1.18.7 l.414-416, @v1.19.1 l.433-436, ${R120} l.441-443 (always)`,
  consequence: refusedFrom('1.18', 'bpf-lb-algorithm'),
  summary:
    'The load-balancing algorithm is not random or maglev; the agent refuses to start (up to 1.17 only with BPF NodePort on).',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  algorithm: maglevv\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  algorithm: maglev\n',
    },
  ],
});
