import { defineRule, type Rule } from '../rule';
import { GENERIC_CHART_FAIL_RULE } from '../../knowledge/chartFailureNotes';

export default defineRule<Rule>({
  ...GENERIC_CHART_FAIL_RULE,
  group: 'chart',
  summary:
    'The chart stops the install with its own message (a `fail` or `required` in its templates) for a reason we have no extra words for. When the check rests on the live cluster (a `lookup`, or the Kubernetes version or APIs in `.Capabilities`), the finding is a warning: the offline render cannot know the answer.',
  examples: [{ version: '1.20', bad: 'ipam:\n  mode: eni\n', good: 'eni:\n  enabled: true\nipam:\n  mode: eni\n' }],
});
