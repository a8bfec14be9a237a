import { setTo } from '../../fixes/datapathFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-hubble-relay-needs-hubble',
  match: /^Hubble Relay requires \.Values\.hubble\.enabled=true/,
  cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
  explain: () => 'Hubble Relay needs Hubble itself (hubble.enabled: true).',
  summary: 'Hubble Relay needs Hubble itself to be enabled.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  enabled: false\n  relay:\n    enabled: true\n',
      good: 'hubble:\n  enabled: true\n  relay:\n    enabled: true\n',
    },
  ],
  fix: setTo('hubble.enabled', 'true', 'Relay needs Hubble'),
});
