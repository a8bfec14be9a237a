import { chartRemoved } from '../../fixes/keyFixers';
import { clusterPoolCidrNote } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...clusterPoolCidrNote('6'),
  summary: 'ipam.operator.clusterPoolIPv6PodCIDR was replaced by a list.',
  examples: [
    {
      version: '1.14',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nipv6:\n  enabled: true\nipam:\n  operator:\n    clusterPoolIPv6PodCIDR: fd00::/104\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nipv6:\n  enabled: true\nipam:\n  operator:\n    clusterPoolIPv6PodCIDRList:\n      - fd00::/104\n',
    },
  ],
  fix: chartRemoved,
});
