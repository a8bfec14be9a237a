import { kernelAtLeast } from '../../model/state';
import { configMap, defineRule, type AgentExitRule } from '../rule';

export default defineRule<AgentExitRule>({
  id: 'netkit-needs-kernel-6.7',
  group: 'agent-exit',
  since: '1.16',
  severity: 'error',
  cite: 'daemon/cmd/daemon_main.go@v1.16.19 l.1375, @v1.19.1 l.1087',
  summary: 'The netkit datapath mode needs Linux 6.7 or newer.',
  examples: [
    {
      version: '1.16',
      kernel: '6.1',
      goodKernel: '6.8',
      bad: configMap('datapath-mode: netkit'),
      good: configMap('datapath-mode: netkit'),
    },
  ],
  check: (s) =>
    s.agent.datapathMode.value.startsWith('netkit') && kernelAtLeast(s.kernel, 6, 7) === false
      ? {
          origins: [s.agent.datapathMode.origin],
          message: `netkit devices need kernel 6.7 or newer (kernel ${s.kernel!.text} given): the agent refuses to start.`,
          sourceText: 'netkit devices need kernel 6.7.0 or newer and CONFIG_NETKIT',
        }
      : undefined,
});
