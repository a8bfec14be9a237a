import { setTo } from '../../fixes/datapathFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-hubble-ui-needs-relay',
  match: /^Hubble UI requires \.Values\.hubble\.relay\.enabled=true/,
  cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
  explain: () => 'The Hubble UI needs Hubble Relay (hubble.relay.enabled: true).',
  summary: 'The Hubble UI needs Hubble Relay to be enabled.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  relay:\n    enabled: false\n  ui:\n    enabled: true\n',
      good: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true\n',
    },
  ],
  fix: setTo('hubble.relay.enabled', 'true', 'the UI needs Relay'),
});
