import { HUBBLE_METRICS_CITE } from '../../knowledge/hubbleMetrics';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'hubble-metric-option-invalid',
  group: 'values',
  severity: 'error',
  cite: HUBBLE_METRICS_CITE,
  summary:
    'A Hubble metric context option the agent cannot parse (no value, unknown context): from 1.18 the agent refuses to start; before, metrics or Hubble stay off.',
  examples: [
    {
      version: '1.18',
      bad: 'hubble:\n  metrics:\n    enabled:\n      - dns:sourceContext=nonsense\n',
      good: 'hubble:\n  metrics:\n    enabled:\n      - dns:sourceContext=pod\n',
    },
  ],
});
