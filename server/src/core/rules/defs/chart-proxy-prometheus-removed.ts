import { chartRemoved } from '../../fixes/keyFixers';
import { removed } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...removed(
    'chart-proxy-prometheus-removed',
    ['proxy.prometheus.enabled', 'proxy.prometheus.port'],
    '1.16',
    /^proxy\.prometheus\.enabled and proxy\.prometheus\.port were deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  summary: 'The proxy Prometheus values were removed; the chart refuses them when set.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nproxy:\n  prometheus:\n    enabled: false\n    port: 9964\nhubble:\n  enabled: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nhubble:\n  enabled: true\n',
    },
  ],
  fix: chartRemoved,
});
