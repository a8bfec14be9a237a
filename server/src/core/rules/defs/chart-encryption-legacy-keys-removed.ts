import { chartRemoved } from '../../fixes/keyFixers';
import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-encryption-legacy-keys-removed'),
  summary:
    'The old top-level encryption keys (keyFile, mountPath, secretName, interface) moved under encryption.ipsec; the chart refuses the old ones.',
  examples: [
    { version: '1.16', bad: 'encryption:\n  keyFile: keys\n', good: 'encryption:\n  ipsec:\n    keyFile: keys\n' },
  ],
  fix: chartRemoved,
});
