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
  // Their successors: values.yaml@v1.15.19 l.2046-2049 ("Deprecated in favor of envoy.prometheus.enabled" / ".port");
  // up to 1.15 the templates read both (`proxy.prometheus.port | default .Values.envoy.prometheus.port`,
  // templates/cilium-agent/service.yaml@v1.15.19 l.28).
  advice: 'Use envoy.prometheus.enabled / envoy.prometheus.port instead.',
  summary:
    'The proxy Prometheus values were removed in favour of envoy.prometheus.enabled and .port; the chart refuses them when set.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nproxy:\n  prometheus:\n    enabled: false\n    port: 9964\nhubble:\n  enabled: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nhubble:\n  enabled: true\n',
    },
  ],
  fix: chartRemoved,
});
