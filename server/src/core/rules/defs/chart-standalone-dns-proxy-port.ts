import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-standalone-dns-proxy-port',
  match: /^standaloneDnsProxy requires dnsProxy\.proxyPort/,
  since: '1.19',
  cite: 'templates/validate.yaml@v1.19.1',
  explain: () => 'The standalone DNS proxy needs dnsProxy.proxyPort set to a port (for example 10094).',
  summary: 'The standalone DNS proxy needs dnsProxy.proxyPort.',
  examples: [
    {
      version: '1.19',
      bad: 'standaloneDnsProxy:\n  enabled: true\n',
      good: 'standaloneDnsProxy:\n  enabled: true\ndnsProxy:\n  proxyPort: 10094\n',
    },
  ],
});
