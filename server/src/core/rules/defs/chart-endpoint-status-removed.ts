import { chartRemoved } from '../../fixes/keyFixers';
import { removed } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...removed(
    'chart-endpoint-status-removed',
    ['endpointStatus'],
    '1.16',
    /^endpointStatus has been removed/,
    'templates/validate.yaml@v1.16.19',
  ),
  summary: 'endpointStatus was removed; the chart refuses it when set.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nendpointStatus:\n  enabled: true\n  status: policy\nhubble:\n  enabled: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nhubble:\n  enabled: true\n',
    },
  ],
  fix: chartRemoved,
});
