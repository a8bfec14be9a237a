import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-max-connected-clusters',
  match: /^max-connected-clusters must be set to 255 or 511/,
  since: '1.15',
  cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
  explain: () => 'clustermesh.maxConnectedClusters takes 255 or 511.',
  summary: 'clustermesh.maxConnectedClusters takes 255 or 511.',
  examples: [
    {
      version: '1.16',
      bad: 'clustermesh:\n  maxConnectedClusters: 300\n',
      good: 'clustermesh:\n  maxConnectedClusters: 255\n',
    },
  ],
});
