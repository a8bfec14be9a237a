import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-ingress-needs-kpr',
  match:
    /^Ingress\/Gateway API controller requires \.Values\.kubeProxyReplacement to be set to either 'partial' or 'strict'/,
  until: '1.13',
  cite: 'templates/validate.yaml@v1.12.19, @v1.13.18',
  explain: (v) =>
    `On ${v} the Ingress controller and Gateway API need kubeProxyReplacement written as partial or strict.`,
  summary: 'In 1.13 the Ingress controller and Gateway API need kubeProxyReplacement written as partial or strict.',
  examples: [
    {
      version: '1.13',
      bad: 'ingressController:\n  enabled: true\n',
      good: 'ingressController:\n  enabled: true\nkubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
});
