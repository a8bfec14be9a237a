import { R120, agentExits } from '../../knowledge/enumValues';
import { inRange } from '../../version';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'datapath-mode-invalid',
  severity: 'error',
  stopsAgent: true,
  // The switch on option.Config.DatapathMode (1.12-1.19) has no case for "", nor ModeByName (1.20+, mode.go l.55-66).
  refusesBlank: true,
  helm: 'bpf.datapathMode',
  configMap: 'datapath-mode',
  what: 'datapath mode',
  sets: [
    { until: '1.15', values: ['veth', 'lb-only'] },
    { since: '1.16', until: '1.17', values: ['veth', 'netkit', 'netkit-l2', 'lb-only'] },
    { since: '1.18', until: '1.19', values: ['veth', 'netkit', 'netkit-l2'] },
    { since: '1.20', values: ['auto', 'veth', 'netkit', 'netkit-l2'] },
  ],
  cite: `daemon/cmd/daemon_main.go@v1.12.19 l.1411, @v1.14.19 l.1382, @v1.15.19 l.1362-1383, @v1.16.19 l.1366-1398, @v1.17.13 l.1315, @v1.18.7 l.1189, @v1.19.1 l.1065-1090; pkg/datapath/connector/config.go${R120} l.186-190`,
  consequence: (s, raw) =>
    agentExits(inRange(s.version, '1.20') ? `invalid datapath mode: ${raw}` : 'Invalid datapath mode'),
  summary: 'The datapath mode (veth, netkit, ...) is not one the agent knows; it refuses to start.',
  examples: [{ version: '1.16', bad: 'bpf:\n  datapathMode: vet\n', good: 'bpf:\n  datapathMode: veth\n' }],
});
