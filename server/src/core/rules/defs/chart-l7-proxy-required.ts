import { setTo } from '../../fixes/datapathFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-l7-proxy-required',
  match: /requires \.Values\.l7Proxy to be set to 'true'/,
  cite: 'templates/validate.yaml@v1.12.19 (ingress only), @v1.13.18 .. @v1.19.1',
  explain: () =>
    'The Ingress controller, Gateway API and the Envoy L7 load balancer need the L7 proxy (l7Proxy: true).',
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
