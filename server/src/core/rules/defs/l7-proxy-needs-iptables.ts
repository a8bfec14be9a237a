import { setTo } from '../../fixes/datapathFixers';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'l7-proxy-needs-iptables',
  group: 'agent-exit',
  severity: 'error',
  cite: 'daemon/cmd/daemon_main.go@v1.12.19 l.1415, @v1.19.1 l.1094',
  summary: "The L7 proxy needs Cilium's iptables rules.",
  examples: [
    {
      version: '1.16',
      bad: configMap('install-iptables-rules: "false"'),
      good: configMap('install-iptables-rules: "true"'),
    },
  ],
  check: (s) =>
    s.agent.l7Proxy.on && !s.agent.installIptablesRules.on
      ? {
          origins: [s.agent.installIptablesRules.origin, s.agent.l7Proxy.origin],
          ...say(
            'The L7 proxy (on by default) needs the iptables rules that {set:installIptablesRules=false} removes: the agent refuses to start. Set {set:l7Proxy=false} too, or keep the rules.',
          ),
          sourceText: 'L7 proxy requires iptables rules (--install-iptables-rules="true")',
        }
      : undefined,
  fix: setTo('installIptablesRules', 'true', 'the L7 proxy needs them', { agent: 'install-iptables-rules' }),
});
