import { R120, agentExits } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

// The backends every version has, in the order pkg/ipam/ipam.go lists them; multi-pool came in 1.14 and
// cluster-pool-v2beta left in 1.15.
const HOST_SCOPE = ['cluster-pool', 'kubernetes'];
const CLOUD_AND_CRD = ['crd', 'eni', 'azure', 'alibabacloud', 'delegated-plugin'];

export default valueWordsRule({
  id: 'ipam-mode-invalid',
  severity: 'error',
  stopsAgent: true,
  // IPAMMode() lower-cases "" and NewIPAM's switch has no case for it: "Unknown IPAM backend " (same lines).
  refusesBlank: true,
  helm: 'ipam.mode',
  configMap: 'ipam',
  what: 'IPAM mode',
  sets: [
    { until: '1.13', values: [...HOST_SCOPE, ...CLOUD_AND_CRD, 'cluster-pool-v2beta'] },
    { since: '1.14', until: '1.14', values: [...HOST_SCOPE, 'multi-pool', ...CLOUD_AND_CRD, 'cluster-pool-v2beta'] },
    { since: '1.15', values: [...HOST_SCOPE, 'multi-pool', ...CLOUD_AND_CRD] },
  ],
  cite: `pkg/ipam/ipam.go@v1.12.19 l.116-157, @v1.14.19 l.119-172, @v1.15.19 l.111-153, @v1.19.1 l.120-174, ${R120} l.125-210`,
  consequence: (_s, raw) => agentExits(`Unknown IPAM backend ${raw}`),
  summary: 'The IPAM mode is not one the agent knows; it refuses to start.',
  examples: [{ version: '1.16', bad: 'ipam:\n  mode: kubernets\n', good: 'ipam:\n  mode: kubernetes\n' }],
});
