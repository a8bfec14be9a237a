import { chartRemoved } from '../../fixes/keyFixers';
import { removed } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...removed(
    'chart-etcd-managed-removed',
    ['etcd.managed'],
    '1.16',
    /^etcd\.managed was deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  summary: 'The managed etcd mode was removed; the chart refuses it when set.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\netcd:\n  enabled: true\n  managed: true\nhubble:\n  enabled: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\netcd:\n  enabled: true\nhubble:\n  enabled: true\n',
    },
  ],
  fix: chartRemoved,
});
