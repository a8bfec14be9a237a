import { tunnelSuccessor } from '../../fixes/keyFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-tunnel-removed',
  match: /^tunnel was deprecated in v1\.14 and has been removed/,
  since: '1.15',
  cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
  explain: () => 'tunnel was removed in 1.15.',
  advice:
    'Use routingMode: tunnel with tunnelProtocol: vxlan or geneve for a tunnel, or routingMode: native for tunnel: disabled.',
  summary: 'The removed `tunnel` value is still set; the chart refuses it.',
  examples: [{ version: '1.16', bad: 'tunnel: vxlan\n', good: 'routingMode: tunnel\ntunnelProtocol: vxlan\n' }],
  fix: tunnelSuccessor,
});
