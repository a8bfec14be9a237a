import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-cluster-name-invalid',
  match: /^The cluster name is invalid/,
  since: '1.16',
  cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
  explain: () =>
    'cluster.name must be 1-32 lower-case letters, digits and dashes, start and end with a letter or digit, and not be "default" when cluster.id is set.',
  summary: 'cluster.name must be a short DNS label, and not "default" with a cluster.id.',
  examples: [{ version: '1.16', bad: 'cluster:\n  name: My_Cluster\n', good: 'cluster:\n  name: my-cluster\n' }],
});
