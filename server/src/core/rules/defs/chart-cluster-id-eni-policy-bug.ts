import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-cluster-id-eni-policy-bug',
  match:
    /^Cilium is currently affected by a bug that causes traffic matched by network policies to be incorrectly dropped/,
  since: '1.16',
  cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
  explain: () =>
    'cluster.id 128-255 (and 384-511 with 511 clusters) in ENI, Alibaba Cloud or aws-cni chaining mode hits a policy bug that drops traffic.',
  summary: 'Some cluster.id ranges hit a policy bug in ENI-like modes; the chart refuses them.',
  examples: [
    {
      version: '1.16',
      bad: 'eni:\n  enabled: true\nipam:\n  mode: eni\nroutingMode: native\ncluster:\n  name: c1\n  id: 200\n',
      good: 'eni:\n  enabled: true\nipam:\n  mode: eni\nroutingMode: native\ncluster:\n  name: c1\n  id: 20\n',
    },
  ],
});
