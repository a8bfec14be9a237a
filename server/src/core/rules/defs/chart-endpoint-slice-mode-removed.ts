import { chartRemoved } from '../../fixes/keyFixers';
import { removed } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...removed(
    'chart-endpoint-slice-mode-removed',
    ['ciliumEndpointSlice.sliceMode'],
    '1.18',
    /^ciliumEndpointSlice\.sliceMode has been removed/,
    'templates/validate.yaml@v1.18.7, @v1.19.1',
  ),
  summary: 'ciliumEndpointSlice.sliceMode was removed in 1.18.',
  examples: [
    {
      version: '1.18',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nciliumEndpointSlice:\n  enabled: true\n  sliceMode: fcfs\nhubble:\n  enabled: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nciliumEndpointSlice:\n  enabled: true\nhubble:\n  enabled: true\n',
    },
  ],
  fix: chartRemoved,
});
