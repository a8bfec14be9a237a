import { chartRemoved } from '../../fixes/keyFixers';
import { clusterPoolCidrNote } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...clusterPoolCidrNote('4'),
  summary: 'ipam.operator.clusterPoolIPv4PodCIDR was replaced by a list.',
  examples: [
    {
      version: '1.16',
      bad: 'ipam:\n  operator:\n    clusterPoolIPv4PodCIDR: 10.0.0.0/8\n',
      good: 'ipam:\n  operator:\n    clusterPoolIPv4PodCIDRList:\n      - 10.0.0.0/8\n',
    },
  ],
  fix: chartRemoved,
});
