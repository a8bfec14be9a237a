import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'template-syntax',
  group: 'file',
  severity: 'info',
  summary: 'The file contains template expressions; templated values are treated as unknown.',
  examples: [{ version: '1.16', bad: 'debug:\n  enabled: {{ .Values.debug }}\n', good: 'debug:\n  enabled: true\n' }],
});
