import { nestDottedKey } from '../../fixes/keyFixers';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'dotted-key',
  group: 'keys',
  severity: 'warning',
  summary:
    'A key written with a dot in its name (eni.enabled: true): Helm keeps it as one key and the chart never reads it; nest it.',
  examples: [{ version: '1.16', bad: 'hubble.enabled: false\n', good: 'hubble:\n  enabled: false\n' }],
  fix: nestDottedKey,
});
