import { setTo } from '../../fixes/datapathFixers';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-node-taints',
  match: /^Cannot have operator\.setNodeTaints/,
  since: '1.14',
  cite: 'templates/cilium-configmap.yaml@v1.14.19 .. @v1.19.1',
  explain: () =>
    'operator.setNodeTaints needs operator.removeNodeTaints: true (the operator must also remove the taint it sets).',
  summary: 'operator.setNodeTaints needs operator.removeNodeTaints.',
  examples: [
    {
      version: '1.16',
      bad: 'operator:\n  setNodeTaints: true\n  removeNodeTaints: false\n',
      good: 'operator:\n  setNodeTaints: true\n  removeNodeTaints: true\n',
    },
  ],
  fix: setTo('operator.removeNodeTaints', 'true', 'the operator must remove the taint it sets'),
});
