import { nearestAllowed } from '../../fixes/valueFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-ingress-external-traffic-policy',
  match: /^Cilium Ingress services of type 'LoadBalancer' or 'NodePort' need an externalTrafficPolicy/,
  since: '1.16',
  cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
  explain: () => 'Ingress services of type LoadBalancer or NodePort need externalTrafficPolicy Cluster or Local.',
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
