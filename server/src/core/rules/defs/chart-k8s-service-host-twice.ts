import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-k8s-service-host-twice',
  match: /^Both k8sServiceHostRef and k8sServiceHost are set/,
  since: '1.18',
  cite: 'templates/validate.yaml@v1.18.7, @v1.19.1',
  explain: () => 'Set either k8sServiceHost or k8sServiceHostRef, not both.',
  summary: 'Set k8sServiceHost or k8sServiceHostRef, not both.',
  examples: [
    {
      version: '1.18',
      bad: 'k8sServiceHost: 10.0.0.1\nk8sServiceHostRef:\n  name: cm\n  key: host\n',
      good: 'k8sServiceHost: 10.0.0.1\n',
    },
  ],
});
