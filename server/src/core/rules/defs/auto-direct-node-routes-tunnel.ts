import { setTo } from '../../fixes/datapathFixers';
import { defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';
import { spell } from '../headlineText';

export default defineRule<AgentExitRule>({
  id: 'auto-direct-node-routes-tunnel',
  group: 'agent-exit',
  severity: 'error',
  cite: 'daemon/cmd/daemon_main.go@v1.12.19 l.1442, @v1.19.1 l.1102',
  summary: 'autoDirectNodeRoutes only makes sense with native routing.',
  headline: (f) =>
    spell(
      f,
      '{key:autoDirectNodeRoutes} needs native routing: in tunnel mode the agent will not start. Use native routing.',
    ),
  examples: [
    {
      version: '1.16',
      bad: 'routingMode: tunnel\nautoDirectNodeRoutes: true\n',
      good: 'routingMode: tunnel\nautoDirectNodeRoutes: false\n',
    },
  ],
  check: (s) =>
    s.agent.autoDirectNodeRoutes.on && s.tunnel
      ? {
          origins: [s.agent.autoDirectNodeRoutes.origin, s.agent.routingMode.origin],
          ...say(
            '{key:autoDirectNodeRoutes} installs direct routes between nodes, which only makes sense with native routing; in tunnel mode the agent refuses to start.',
          ),
          sourceText:
            'auto-direct-node-routes cannot be used with tunneling. Packets must be routed through the tunnel device.',
        }
      : undefined,
  fix: setTo('autoDirectNodeRoutes', 'false', 'direct node routes need native routing', {
    agent: 'auto-direct-node-routes',
    onlyOn: ['autoDirectNodeRoutes', 'auto-direct-node-routes'],
  }),
});
