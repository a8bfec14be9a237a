import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-hubble-certmanager-issuer',
  match: /^Hubble TLS certgen method=certmanager requires/,
  cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
  explain: () => 'Hubble TLS certificates from cert-manager need hubble.tls.auto.certManagerIssuerRef.',
  summary: 'Hubble certificates from cert-manager need an issuer reference.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  tls:\n    auto:\n      method: certmanager\n',
      good: 'hubble:\n  tls:\n    auto:\n      method: helm\n',
    },
  ],
});
