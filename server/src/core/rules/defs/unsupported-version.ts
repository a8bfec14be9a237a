import { NEWEST_RELEASED, SUPPORTED_SPAN } from '../../version';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'unsupported-version',
  group: 'file',
  severity: 'info',
  summary: `The requested or found Cilium version is outside ${SUPPORTED_SPAN}; the newest release (${NEWEST_RELEASED}) is used.`,
  examples: [
    {
      version: '1.19',
      versionInFile: true,
      bad: '# cilium-version: 1.11\ndebug:\n  enabled: true\n',
      good: '# cilium-version: 1.19\ndebug:\n  enabled: true\n',
    },
  ],
});
