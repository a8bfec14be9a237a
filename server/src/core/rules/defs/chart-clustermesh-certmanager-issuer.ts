import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-clustermesh-certmanager-issuer',
  match: /^ClusterMesh TLS certgen method=certmanager requires/,
  cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
  explain: () =>
    'ClusterMesh TLS certificates from cert-manager need clustermesh.apiserver.tls.auto.certManagerIssuerRef.',
  summary: 'ClusterMesh certificates from cert-manager need an issuer reference.',
  examples: [
    {
      version: '1.16',
      bad: 'clustermesh:\n  useAPIServer: true\n  apiserver:\n    tls:\n      auto:\n        method: certmanager\n',
      good: 'clustermesh:\n  useAPIServer: true\n  apiserver:\n    tls:\n      auto:\n        method: helm\n',
    },
  ],
});
