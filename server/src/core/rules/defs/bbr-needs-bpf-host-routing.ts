import { hostnsOnly } from '../../knowledge/agentExits';
import { defineRule, type AgentExitRule } from '../rule';
import { say } from '../wording';

export default defineRule<AgentExitRule>({
  id: 'bbr-needs-bpf-host-routing',
  group: 'agent-exit',
  severity: 'error',
  cite: 'pkg/bandwidth/bandwidth.go@v1.14.19 l.168; pkg/datapath/linux/bandwidth/bandwidth.go@v1.18.7 l.194, @v1.19.1 l.193-196',
  summary: 'BBR congestion control for pods needs BPF host routing.',
  examples: [
    {
      version: '1.16',
      bad: 'bandwidthManager:\n  enabled: true\n  bbr: true\n',
      good: 'bandwidthManager:\n  enabled: true\n  bbr: false\n',
    },
  ],
  check: (s) =>
    s.agent.bandwidthManager.on && s.agent.bbr.on && s.legacy && !hostnsOnly(s)
      ? {
          origins: [s.agent.bbr.origin],
          ...say(
            'BBR for pods ({key:bandwidthManager.bbr}) needs BPF host routing, but host routing here is Legacy: the agent refuses to start.',
          ),
          sourceText: "BPF bandwidth manager's BBR setup requires BPF host routing.",
        }
      : undefined,
});
