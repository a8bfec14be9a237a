import { kprFalseForEnvoy } from '../../fixes/datapathFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-envoy-needs-kpr',
  match: /^Ingress\/Gateway API controller and EnvoyConfig require \.Values\.kubeProxyReplacement/,
  since: '1.14',
  cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
  explain: () =>
    'The Ingress controller, Gateway API and CiliumEnvoyConfig need kubeProxyReplacement set to true or false, not disabled.',
  summary: 'Ingress, Gateway API and CiliumEnvoyConfig refuse kubeProxyReplacement: disabled.',
  examples: [
    {
      version: '1.15',
      bad: 'kubeProxyReplacement: disabled\ningressController:\n  enabled: true\n',
      good: 'kubeProxyReplacement: false\ningressController:\n  enabled: true\n',
    },
  ],
  fix: kprFalseForEnvoy,
});
