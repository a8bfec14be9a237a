import { kernelAtLeast } from '../../model/state';
import { inRange } from '../../version';
import { defineRule, type AgentExitRule } from '../rule';

export default defineRule<AgentExitRule>({
  id: 'bbr-needs-kernel-5.18',
  group: 'agent-exit',
  // Every supported version has it (log.Fatalf in pkg/bandwidth/bandwidth.go@v1.12.19 l.66-76, @v1.13.18 l.65-74,
  // @v1.14.19 l.65-74); up to 1.16 a kernel below 5.1 turns the bandwidth manager off first, so BBR is never
  // checked there (@v1.12.19 l.61-65).
  severity: 'error',
  cite: 'pkg/bandwidth/bandwidth.go@v1.12.19 l.61-76, @v1.13.18 l.60-74, @v1.14.19 l.60-74; pkg/datapath/linux/bandwidth/bandwidth.go@v1.15.19 l.119, @v1.19.1 l.178-185',
  summary: 'BBR congestion control for pods needs Linux 5.18 or newer.',
  examples: [
    {
      version: '1.16',
      kernel: '5.10',
      goodKernel: '5.18',
      bad: 'bandwidthManager:\n  enabled: true\n  bbr: true\n',
      good: 'bandwidthManager:\n  enabled: true\n  bbr: true\n',
    },
  ],
  check: (s) =>
    s.agent.bandwidthManager.on &&
    s.agent.bbr.on &&
    kernelAtLeast(s.kernel, 5, 18) === false &&
    !(inRange(s.version, undefined, '1.16') && kernelAtLeast(s.kernel, 5, 1) === false)
      ? {
          origins: [s.agent.bbr.origin],
          message: `BBR for pods needs kernel 5.18 or newer (kernel ${s.kernel!.text} given): the agent refuses to start.`,
          sourceText: inRange(s.version, undefined, '1.14')
            ? 'Cannot enable --enable-bbr, needs kernel 5.18 or newer.'
            : 'cannot enable --enable-bbr, needs kernel 5.18 or newer',
        }
      : undefined,
});
