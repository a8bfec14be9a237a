import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-hubble-ui-image-too-old',
  match: /^Hubble UI requires hubble\.ui\.(backend|frontend)\.image\.tag to be '>=v0\.9\.0'/,
  cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
  explain: () => 'The Hubble UI images must be v0.9.0 or newer.',
  summary: 'Hubble UI images older than v0.9.0 are refused.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true\n    backend:\n      image:\n        tag: v0.8.0\n',
      good: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true\n',
    },
  ],
});
