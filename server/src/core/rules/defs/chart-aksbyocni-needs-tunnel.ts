import { setTo } from '../../fixes/datapathFixers';
import { platformRoutingModeNote } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...platformRoutingModeNote('aksbyocni'),
  summary: 'AKS bring-your-own-CNI mode needs tunnel routing; the chart refuses native routing.',
  examples: [
    {
      version: '1.16',
      bad: 'aksbyocni:\n  enabled: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\n',
      good: 'aksbyocni:\n  enabled: true\nroutingMode: tunnel\nipv4NativeRoutingCIDR: 10.0.0.0/8\n',
    },
  ],
  fix: setTo('routingMode', 'tunnel', 'AKS bring-your-own-CNI needs tunnel mode', {
    agent: 'routing-mode',
    helmOnly: true,
  }),
});
