import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'internal-error',
  group: 'file',
  severity: 'error',
  summary:
    'Cilium Config itself failed on this document (a bug to report); the other documents and files are still analysed.',
  headline: (f) => {
    const detail = /\(([^()]+)\)\. This is a bug/.exec(f.message)?.[1];
    return detail
      ? `Cilium Config failed here (${detail}): a bug of ours, not your file; please report it.`
      : undefined;
  },
  examples: [],
  withoutExample:
    'it reports a bug of our own: no file makes it happen on purpose (test/core/crashes.test.ts forces one)',
});
