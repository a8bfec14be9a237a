import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-clustermesh-ca-removed',
  match: /^clustermesh\.apiserver\.tls\.ca\.cert and clustermesh\.apiserver\.tls\.ca\.key were deprecated/,
  since: '1.15',
  cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
  explain: () =>
    'clustermesh.apiserver.tls.ca.cert and .key were removed in 1.15 (the CA now comes from tls.ca at the top level).',
  summary: 'The ClusterMesh API server CA keys were removed in 1.15.',
  examples: [
    {
      version: '1.15',
      bad: 'clustermesh:\n  apiserver:\n    tls:\n      ca:\n        cert: abc\n        key: def\n',
      good: 'debug:\n  enabled: false\n',
    },
  ],
});
