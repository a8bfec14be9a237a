import { R120, agentExits } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'monitor-aggregation-invalid',
  severity: 'error',
  stopsAgent: true,
  helm: 'bpf.monitorAggregation',
  configMap: 'monitor-aggregation',
  what: 'monitor aggregation level',
  sets: [{ values: ['none', 'disabled', 'lowest', 'low', 'medium', 'max', 'maximum'] }],
  ignoreCase: true,
  alsoAccepts: (raw) => /^[0-4]$/.test(raw),
  cite: `pkg/option/monitor.go@v1.12.19 l.50-105, @v1.19.1 l.50-105 (words, any case, or 0-4); daemon/cmd/daemon_main.go@v1.12.19 l.1368-1370, @v1.19.1 l.1043-1045, ${R120} l.1036`,
  consequence: (_s, raw) =>
    agentExits(`Failed to parse monitor-aggregation: invalid monitor aggregation level "${raw}"`),
  summary: 'The monitor aggregation level is not a level name or 0-4; the agent refuses to start.',
  examples: [
    { version: '1.16', bad: 'bpf:\n  monitorAggregation: mediumm\n', good: 'bpf:\n  monitorAggregation: medium\n' },
  ],
});
