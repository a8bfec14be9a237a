import { platformRoutingModeNote } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...platformRoutingModeNote('gke'),
  summary: 'GKE mode needs native routing; the chart refuses other routing modes.',
  examples: [
    {
      version: '1.16',
      bad: 'gke:\n  enabled: true\nroutingMode: tunnel\n',
      good: 'gke:\n  enabled: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\n',
    },
  ],
});
