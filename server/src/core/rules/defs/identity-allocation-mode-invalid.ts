import { R120, agentExits } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'identity-allocation-mode-invalid',
  severity: 'error',
  stopsAgent: true,
  helm: 'identityAllocationMode',
  configMap: 'identity-allocation-mode',
  what: 'identity allocation mode',
  sets: [
    { until: '1.16', values: ['crd', 'kvstore'] },
    { since: '1.17', values: ['crd', 'kvstore', 'doublewrite-readkvstore', 'doublewrite-readcrd'] },
  ],
  cite: `pkg/option/config.go@v1.12.19 l.3210-3219, @v1.16.19 l.3410-3418, @v1.17.13 l.3273-3281, @v1.19.1 l.2755-2763, ${R120} l.2800-2808`,
  consequence: (_s, raw) => agentExits(`Invalid identity allocation mode "${raw}"`),
  summary: 'The identity allocation mode is not one the agent knows; it refuses to start.',
  examples: [{ version: '1.16', bad: 'identityAllocationMode: crdd\n', good: 'identityAllocationMode: crd\n' }],
});
