import { R120, refusedFrom } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'lb-mode-invalid',
  severity: 'error',
  stopsAgent: true,
  helm: 'loadBalancer.mode',
  configMap: 'bpf-lb-mode',
  what: 'load-balancing mode',
  sets: [{ values: ['snat', 'dsr', 'hybrid'] }],
  cite: `daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.112-116, @v1.16.19 l.63-67, @v1.17.13 l.62-66 (only with BPF NodePort); pkg/loadbalancer/config.go@v1.18.7 l.427-429, @v1.19.1 l.446-448, ${R120} l.446-448 (always)`,
  consequence: refusedFrom('1.18', 'bpf-lb-mode'),
  summary:
    'The load-balancing mode is not snat, dsr or hybrid; the agent refuses to start (up to 1.17 only with BPF NodePort on).',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  mode: snatt\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  mode: snat\n',
    },
  ],
});
