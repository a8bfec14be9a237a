import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'internal-error',
  group: 'file',
  severity: 'error',
  summary:
    'Cilium Config itself failed on this document (a bug to report); the other documents and files are still analysed.',
  examples: [],
  withoutExample:
    'it reports a bug of our own: no file makes it happen on purpose (test/core/crashes.test.ts forces one)',
});
