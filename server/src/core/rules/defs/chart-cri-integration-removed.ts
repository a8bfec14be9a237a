import { chartRemoved } from '../../fixes/keyFixers';
import { removed } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...removed(
    'chart-cri-integration-removed',
    ['containerRuntime.integration'],
    '1.16',
    /^containerRuntime\.integration was deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  summary: 'The container runtime integration values were removed; the chart refuses them when set.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\ncontainerRuntime:\n  integration: crio\nhubble:\n  enabled: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nhubble:\n  enabled: true\n',
    },
  ],
  fix: chartRemoved,
});
