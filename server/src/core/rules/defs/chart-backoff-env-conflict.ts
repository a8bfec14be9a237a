import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-backoff-env-conflict',
  match: /^k8sClientExponentialBackoff cannot be enabled when extraEnv contains/,
  since: '1.18',
  cite: 'templates/validate.yaml@v1.18.7, @v1.19.1',
  explain: () =>
    'k8sClientExponentialBackoff conflicts with KUBE_CLIENT_BACKOFF_BASE / KUBE_CLIENT_BACKOFF_DURATION in extraEnv.',
  summary: 'k8sClientExponentialBackoff conflicts with the backoff variables in extraEnv.',
  examples: [
    {
      version: '1.18',
      bad: 'k8sClientExponentialBackoff:\n  enabled: true\nextraEnv:\n  - name: KUBE_CLIENT_BACKOFF_BASE\n    value: "1"\n',
      good: 'k8sClientExponentialBackoff:\n  enabled: true\n',
    },
  ],
});
