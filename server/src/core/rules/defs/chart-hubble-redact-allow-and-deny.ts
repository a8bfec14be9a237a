import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-hubble-redact-allow-and-deny',
  match: /^Only one of \.Values\.hubble\.redact\.http\.headers\.allow/,
  since: '1.15',
  cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
  explain: () => 'Hubble header redaction takes an allow list or a deny list, not both.',
  summary: 'Hubble header redaction takes an allow list or a deny list, not both.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  redact:\n    enabled: true\n    http:\n      headers:\n        allow:\n          - a\n        deny:\n          - b\n',
      good: 'hubble:\n  redact:\n    enabled: true\n    http:\n      headers:\n        allow:\n          - a\n',
    },
  ],
});
