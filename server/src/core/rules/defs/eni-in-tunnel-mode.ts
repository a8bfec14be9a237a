import { setTo } from '../../fixes/datapathFixers';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'eni-in-tunnel-mode',
  group: 'agent-exit',
  since: '1.16',
  severity: 'error',
  cite: 'daemon/cmd/daemon_main.go@v1.16.19 l.1532, @v1.19.1 l.1145',
  summary: 'AWS ENI mode is a native-routing mode; tunnelling with it is refused or ignored depending on the version.',
  examples: [
    // enable-ipv6 written: the agent's own default is on, and native routing with IPv6 also needs an IPv6 CIDR.
    {
      version: '1.16',
      bad: configMap('ipam: eni\nenable-ipv6: "false"\nrouting-mode: tunnel'),
      good: configMap('ipam: eni\nenable-ipv6: "false"\nrouting-mode: native'),
    },
  ],
  check: (s) =>
    s.agent.ipam.value === 'eni' && s.tunnel
      ? {
          origins: [s.agent.routingMode.origin, s.agent.ipam.origin],
          ...say(
            'ENI IPAM gives pods VPC addresses and needs native routing ({set:routingMode=native}); in tunnel mode the agent refuses to start.',
          ),
          sourceText: 'Cannot specify IPAM mode eni in tunnel mode.',
        }
      : undefined,
  fix: setTo('routingMode', 'native', 'ENI IPAM needs native routing', { agent: 'routing-mode' }),
});
