import { chartRemoved } from '../../fixes/keyFixers';
import { removed } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...removed(
    'chart-ces-legacy-removed',
    ['enableCiliumEndpointSlice'],
    '1.18',
    /^enableCiliumEndpointSlice was deprecated in v1\.16/,
    'templates/validate.yaml@v1.18.7',
  ),
  summary: 'enableCiliumEndpointSlice was replaced by ciliumEndpointSlice.enabled; the chart refuses the old key.',
  examples: [
    { version: '1.18', bad: 'enableCiliumEndpointSlice: true\n', good: 'ciliumEndpointSlice:\n  enabled: true\n' },
  ],
  fix: chartRemoved,
});
