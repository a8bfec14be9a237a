import { kprValue } from '../../fixes/valueFixers';
import { kprAccepted } from '../../knowledge/agentExits';
import { inRange } from '../../version';
import { configMap, defineRule, type AgentExitRule } from '../rule';
import { quoted, spell } from '../headlineText';

export default defineRule<AgentExitRule>({
  id: 'kpr-invalid-value',
  group: 'agent-exit',
  severity: 'error',
  // Up to 1.17 daemon/cmd names the value; 1.18 moved the check to pkg/kpr with a shorter text; from 1.19 the
  // option is a boolean flag, so a word such as "strict" fails when the agent decodes its configuration.
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.45-55, @v1.13.18 l.47-51, @v1.16.19 l.44-47, @v1.17.13 l.45; pkg/kpr/kpr.go@v1.18.7 l.74-76, @v1.19.1 l.19-30',
  summary: 'The kube-proxy replacement mode is not one this version accepts.',
  // The accepted words are the message's own list: strict/partial/disabled/probe up to 1.13, true or false from 1.19.
  headline: (f) =>
    spell(
      f,
      `{key:kubeProxyReplacement} accepts ${/\(([\w, -]+)\)/.exec(f.message)?.[1] ?? 'other values'} here; with "${quoted(f.message) ?? '?'}" the agent will not start.`,
    ),
  examples: [
    {
      version: '1.16',
      bad: configMap('kube-proxy-replacement: "ture"'),
      good: configMap('kube-proxy-replacement: "true"'),
    },
  ],
  check: (s) =>
    s.agent.kpr.mode === 'invalid'
      ? {
          origins: [s.agent.kpr.origin],
          message: inRange(s.version, '1.19')
            ? `kube-proxy-replacement is a boolean flag in Cilium ${s.version} (true or false), and "${s.agent.kpr.raw}" is not a boolean: the agent refuses to start, failing to decode its configuration.`
            : `"${s.agent.kpr.raw}" is not a kube-proxy replacement mode Cilium ${s.version} accepts (${kprAccepted(s)}): the agent refuses to start.`,
          sourceText: inRange(s.version, '1.19')
            ? undefined
            : s.version === '1.18'
              ? 'invalid value for kube-proxy-replacement'
              : `Invalid value for --kube-proxy-replacement: ${s.agent.kpr.raw}`,
        }
      : undefined,
  fix: kprValue,
});
