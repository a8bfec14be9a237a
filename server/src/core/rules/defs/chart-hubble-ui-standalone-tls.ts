import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-hubble-ui-standalone-tls',
  match: /^Hubble UI in standalone with Hubble Relay server TLS enabled/,
  cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
  explain: () =>
    'A standalone Hubble UI talking to a TLS-enabled Relay needs hubble.ui.standalone.tls.certsVolume with the client certificates.',
  summary: 'A standalone Hubble UI with TLS to Relay needs a certificates volume.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  relay:\n    enabled: true\n    tls:\n      server:\n        enabled: true\n  ui:\n    enabled: true\n    standalone:\n      enabled: true\n',
      good: 'hubble:\n  relay:\n    enabled: true\n    tls:\n      server:\n        enabled: true\n  ui:\n    enabled: true\n',
    },
  ],
});
