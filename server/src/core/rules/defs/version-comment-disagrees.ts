import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'version-comment-disagrees',
  group: 'file',
  severity: 'info',
  summary:
    'The # cilium-version comment (which decides the version) differs from what the wrapper, chart files, image tag or chart label say.',
  examples: [
    {
      version: '1.16',
      versionInFile: true,
      bad: '# cilium-version: 1.16\nimage:\n  tag: v1.15.3\n',
      good: '# cilium-version: 1.15\nimage:\n  tag: v1.15.3\n',
    },
  ],
});
