import { hubbleMetricWord } from '../../fixes/valueFixers';
import { HUBBLE_METRICS_CITE } from '../../knowledge/hubbleMetrics';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'hubble-metric-option-ignored',
  group: 'values',
  severity: 'warning',
  cite: HUBBLE_METRICS_CITE,
  summary: 'A misspelt Hubble metric context option: the agent ignores it silently.',
  examples: [
    {
      version: '1.18',
      bad: 'hubble:\n  metrics:\n    enabled:\n      - dns:sourceContxt=pod\n',
      good: 'hubble:\n  metrics:\n    enabled:\n      - dns:sourceContext=pod\n',
    },
  ],
  fix: hubbleMetricWord,
});
