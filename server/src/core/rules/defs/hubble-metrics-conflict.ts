import { HUBBLE_METRICS_CITE } from '../../knowledge/hubbleMetrics';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'hubble-metrics-conflict',
  group: 'values',
  severity: 'error',
  since: '1.13',
  cite: `${HUBBLE_METRICS_CITE}; pkg/hubble/metrics/http/plugin.go@v1.13.18 l.29-53`,
  summary: 'The http and httpV2 Hubble metrics cannot be enabled together.',
  examples: [
    {
      version: '1.18',
      bad: 'hubble:\n  metrics:\n    enabled:\n      - http\n      - httpV2\n',
      good: 'hubble:\n  metrics:\n    enabled:\n      - httpV2\n',
    },
  ],
});
