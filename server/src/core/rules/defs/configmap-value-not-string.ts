import { configMapQuote } from '../../fixes/valueFixers';
import { configMap, defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'configmap-value-not-string',
  group: 'configmap',
  severity: 'error',
  summary: 'ConfigMap data values must be strings; unquoted booleans and numbers are rejected by the API server.',
  examples: [{ version: '1.16', bad: configMap('debug: true'), good: configMap('debug: "true"') }],
  fix: configMapQuote,
});
