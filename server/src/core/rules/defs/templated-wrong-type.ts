import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'templated-wrong-type',
  group: 'keys',
  severity: 'error',
  summary:
    "A quoted template is a string whatever is substituted; from 1.16 the chart's values.schema.json refuses a string for this key.",
  examples: [
    {
      version: '1.16',
      bad: 'debug:\n  enabled: "{{ .Values.debug }}"\n',
      good: 'debug:\n  enabled: {{ .Values.debug }}\n',
    },
  ],
});
