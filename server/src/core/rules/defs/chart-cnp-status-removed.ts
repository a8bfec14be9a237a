import { chartRemoved } from '../../fixes/keyFixers';
import { removed } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...removed(
    'chart-cnp-status-removed',
    ['enableCnpStatusUpdates'],
    '1.15',
    /^enableCnpStatusUpdates was deprecated/,
    'templates/validate.yaml@v1.15.19',
  ),
  summary: 'enableCnpStatusUpdates was removed; the chart refuses it when set.',
  examples: [
    {
      version: '1.15',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nenableCnpStatusUpdates: true\nhubble:\n  enabled: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nhubble:\n  enabled: true\n',
    },
  ],
  fix: chartRemoved,
});
