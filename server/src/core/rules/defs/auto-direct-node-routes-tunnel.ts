import { setTo } from '../../fixes/datapathFixers';
import { inRange } from '../../version';
import { defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';
import { spell } from '../headlineText';

export default defineRule<AgentExitRule>({
  id: 'auto-direct-node-routes-tunnel',
  group: 'agent-exit',
  severity: 'error',
  // Up to 1.19 refused with TunnelingEnabled(); from 1.20 with !RequiresNativeRouting(), so hybrid routing (which
  // also tunnels) takes direct node routes.
  cite: 'daemon/cmd/daemon_main.go@v1.12.19 l.1442, @v1.19.1 l.1102, @v1.20.0-pre.4 (7527a668) l.1066-1068, @v1.21.0-pre.0 (e8649862) l.1067-1069',
  summary: 'autoDirectNodeRoutes only makes sense with native routing (or hybrid routing from 1.20).',
  headline: (f) =>
    spell(
      f,
      `{key:autoDirectNodeRoutes} needs native${/hybrid routing/.test(f.message) ? ' or hybrid' : ''} routing: in tunnel mode the agent will not start. Use native routing.`,
    ),
  examples: [
    {
      version: '1.16',
      bad: 'routingMode: tunnel\nautoDirectNodeRoutes: true\n',
      good: 'routingMode: tunnel\nautoDirectNodeRoutes: false\n',
    },
  ],
  check: (s) =>
    s.agent.autoDirectNodeRoutes.on && !s.nativeRouting
      ? {
          origins: [s.agent.autoDirectNodeRoutes.origin, s.agent.routingMode.origin],
          ...say(
            '{key:autoDirectNodeRoutes} installs direct routes between nodes, which only makes sense with native routing{hybrid}; in tunnel mode the agent refuses to start.',
            { hybrid: inRange(s.version, '1.20') ? ' or hybrid routing' : '' },
          ),
          sourceText: inRange(s.version, '1.20')
            ? 'auto-direct-node-routes requires native or hybrid routing mode.'
            : 'auto-direct-node-routes cannot be used with tunneling. Packets must be routed through the tunnel device.',
        }
      : undefined,
  fix: setTo('autoDirectNodeRoutes', 'false', 'direct node routes need native routing', {
    agent: 'auto-direct-node-routes',
    onlyOn: ['autoDirectNodeRoutes', 'auto-direct-node-routes'],
  }),
});
