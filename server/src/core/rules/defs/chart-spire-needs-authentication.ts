import { setTo } from '../../fixes/datapathFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-spire-needs-authentication',
  match: /^SPIRE integration requires \.Values\.authentication\.enabled=true/,
  since: '1.14',
  cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
  explain: () => 'SPIRE mutual authentication needs authentication.enabled: true.',
  summary: 'SPIRE mutual authentication needs authentication.enabled.',
  examples: [
    {
      version: '1.16',
      bad: 'authentication:\n  enabled: false\n  mutual:\n    spire:\n      enabled: true\n',
      good: 'authentication:\n  enabled: true\n  mutual:\n    spire:\n      enabled: true\n',
    },
  ],
  fix: setTo('authentication.enabled', 'true', 'SPIRE mutual authentication needs it'),
});
