import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  // Helm's coalescing: a null in the user's values deletes the chart's default there (helm/pkg/chart/common/
  // util/coalesce.go), so `bpf:` with nothing below it removes every bpf default and the templates that read
  // .Values.bpf.<x> stop with Go's nil pointer error (templates/cilium-configmap.yaml@v1.16.19 l.63 bpf.ctTcpMax).
  id: 'chart-values-null',
  match: /(?!)/,
  matchError: (d) => d.includes('nil pointer evaluating interface {}.'),
  cite: 'Helm 4 coalesce (a null deletes the default); templates/cilium-configmap.yaml@v1.16.19 l.63, templates/cilium-agent/daemonset.yaml@v1.16.19 l.300',
  explain: () =>
    'An empty key in these values (nothing after the colon is null) deletes every chart default below it, and the chart then fails reading one of them.',
  advice: 'Give the key the settings you want below it, or delete the empty key.',
  summary: 'An empty key (null) deletes the chart defaults below it, and the chart stops reading one of them.',
  examples: [{ version: '1.16', bad: 'bpf:\n', good: 'bpf:\n  monitorAggregation: medium\n' }],
});
