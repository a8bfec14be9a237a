import { defineRule, type Rule } from '../rule';

/** A cilium-config ConfigMap as a chart template, its `if` closed by `end`. */
const chartTemplate = (end: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: d8-{{ .Chart.Name }}\ndata:\n  kube-proxy-replacement: "true"\n  {{- if .Values.labels }}\n  labels: {{ .Values.labels | quote }}\n  ${end}\n`;

export default defineRule<Rule>({
  id: 'helm-template-parse-error',
  group: 'file',
  severity: 'error',
  summary:
    "A Helm template (a chart template or helmfile .gotmpl holding Cilium settings) that Go's template parser refuses: Helm renders nothing.",
  examples: [{ version: '1.16', bad: chartTemplate('{{-end }}'), good: chartTemplate('{{- end }}') }],
});
