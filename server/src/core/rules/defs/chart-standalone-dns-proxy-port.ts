import { defineRule, type Rule } from '../rule';
import { chartRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...chartRuleMeta('chart-standalone-dns-proxy-port'),
  summary: 'The standalone DNS proxy needs dnsProxy.proxyPort.',
  examples: [
    {
      version: '1.19',
      bad: 'standaloneDnsProxy:\n  enabled: true\n',
      good: 'standaloneDnsProxy:\n  enabled: true\ndnsProxy:\n  proxyPort: 10094\n',
    },
  ],
});
