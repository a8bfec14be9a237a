import { setTo } from '../../fixes/datapathFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-aksbyocni-needs-tunnel',
  match: /^RoutingMode must be set to tunnel when aksbyocni\.enabled=true/,
  since: '1.14',
  cite: 'templates/cilium-configmap.yaml@v1.14.19 l.433-446',
  explain: () => 'With aksbyocni.enabled the routing mode must be tunnel.',
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
