import { R120, refusedFrom } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'lb-acceleration-invalid',
  severity: 'error',
  stopsAgent: true,
  helm: 'loadBalancer.acceleration',
  configMap: 'bpf-lb-acceleration',
  what: 'XDP acceleration mode',
  sets: [
    { until: '1.14', values: ['disabled', 'native', 'testing-only'] },
    { since: '1.15', values: ['disabled', 'native', 'best-effort', 'testing-only'] },
  ],
  cite: `daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.178-182, @v1.15.19 l.170-176, @v1.16.19 l.131-136 (only with BPF NodePort); pkg/datapath/xdp/cell.go@v1.17.13 l.37-47, @v1.19.1 l.38-48, ${R120} (always); pkg/option/config.go@v1.15.19 l.889 (best-effort)`,
  consequence: refusedFrom('1.17', 'bpf-lb-acceleration'),
  summary:
    'The XDP acceleration mode is not one the agent knows; it refuses to start (up to 1.16 only with BPF NodePort on).',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  acceleration: nativ\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  acceleration: native\n',
    },
  ],
});
