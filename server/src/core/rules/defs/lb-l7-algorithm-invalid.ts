import { R120 } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'lb-l7-algorithm-invalid',
  severity: 'warning',
  helm: 'loadBalancer.l7.algorithm',
  configMap: 'loadbalancer-l7-algorithm',
  what: 'L7 load-balancing algorithm',
  ignoreCase: true,
  // The operator upper-cases the word and looks it up in Envoy's Cluster.LbPolicy names (the vendored
  // envoy/config/cluster/v3/cluster.pb.go, same seven names in every version); anything else silently becomes
  // ROUND_ROBIN. Only read when the Envoy L7 load balancer is on (loadBalancer.l7.backend: envoy).
  sets: [
    {
      since: '1.13',
      values: [
        'round_robin',
        'least_request',
        'random',
        'ring_hash',
        'maglev',
        'cluster_provided',
        'load_balancing_policy_config',
      ],
    },
  ],
  since: '1.13',
  cite: `operator/pkg/ciliumenvoyconfig/envoy_config.go@v1.13.18 l.137-140, @v1.14.19 l.139-142, @v1.16.19 l.78-81, @v1.18.7 l.79-82, @v1.19.1 l.79-82, ${R120} l.79-82; operator/cmd/root.go@v1.13.18 l.732 and operator/pkg/ciliumenvoyconfig/cell.go@v1.19.1 l.61 (only with loadbalancer-l7: envoy); templates/cilium-configmap.yaml@v1.13.18 l.236-241, @v1.19.1 l.319-324`,
  consequence: (s, raw) => {
    const backend = s.helm
      ? s.helm.get('loadBalancer.l7.backend')?.value
      : s.agent.settings.get('loadbalancer-l7')?.value;
    if (backend !== 'envoy') return undefined; // nothing reads it without the Envoy L7 load balancer
    return {
      text: `cilium-operator does not know "${raw}" and silently uses round_robin for every service without its own lb-l7-algorithm annotation.`,
    };
  },
  summary: 'The Envoy L7 load-balancing algorithm is not one Envoy knows; cilium-operator silently uses round_robin.',
  examples: [
    {
      version: '1.16',
      bad: 'loadBalancer:\n  l7:\n    backend: envoy\n    algorithm: round_robinn\n',
      good: 'loadBalancer:\n  l7:\n    backend: envoy\n    algorithm: round_robin\n',
    },
  ],
});
