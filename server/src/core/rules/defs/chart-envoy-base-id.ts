import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-envoy-base-id',
  match: /^envoy\.baseID must be an int/,
  since: '1.16',
  cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
  explain: () => 'envoy.baseID must be an integer from 0 to 4294967295.',
  summary: 'envoy.baseID must be a 32-bit unsigned integer.',
  examples: [{ version: '1.16', bad: 'envoy:\n  baseID: -1\n', good: 'envoy:\n  baseID: 0\n' }],
});
