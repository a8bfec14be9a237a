import { nearestAllowed } from '../../fixes/valueFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-gateway-api-external-traffic-policy',
  match: /^Cilium GatewayAPI needs an externalTrafficPolicy/,
  since: '1.16',
  cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
  explain: () => 'Gateway API needs gatewayAPI.externalTrafficPolicy Cluster or Local.',
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
