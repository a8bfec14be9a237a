import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-clustermesh-certmanager-issuer'),
  summary: 'ClusterMesh certificates from cert-manager need an issuer reference.',
  examples: [
    {
      version: '1.16',
      bad: 'clustermesh:\n  useAPIServer: true\n  apiserver:\n    tls:\n      auto:\n        method: certmanager\n',
      good: 'clustermesh:\n  useAPIServer: true\n  apiserver:\n    tls:\n      auto:\n        method: helm\n',
    },
  ],
});
