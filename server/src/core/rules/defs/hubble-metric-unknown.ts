import { hubbleMetricWord } from '../../fixes/valueFixers';
import { HUBBLE_METRICS_CITE } from '../../knowledge/hubbleMetrics';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'hubble-metric-unknown',
  group: 'values',
  severity: 'warning',
  cite: HUBBLE_METRICS_CITE,
  summary:
    'A Hubble metric name this version does not have: up to 1.16 no metric is served, in 1.17 Hubble stays off, from 1.18 it is skipped.',
  examples: [
    {
      version: '1.16',
      bad: 'hubble:\n  metrics:\n    enabled:\n      - dnss\n',
      good: 'hubble:\n  metrics:\n    enabled:\n      - dns\n',
    },
  ],
  fix: hubbleMetricWord,
});
