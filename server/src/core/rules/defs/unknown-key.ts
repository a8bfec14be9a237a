import { unknownKey } from '../../fixes/keyFixers';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'unknown-key',
  group: 'keys',
  severity: 'warning',
  summary: "A key the target version's chart does not have; a likely intended key is suggested.",
  examples: [{ version: '1.16', bad: 'kubeProxyReplacment: true\n', good: 'kubeProxyReplacement: true\n' }],
  fix: unknownKey,
});
