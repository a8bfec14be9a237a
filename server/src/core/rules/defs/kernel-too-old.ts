import { kernelAtLeast } from '../../model/state';
import { defineRule, type AgentExitRule } from '../rule';

export default defineRule<AgentExitRule>({
  id: 'kernel-too-old',
  group: 'agent-exit',
  since: '1.18',
  severity: 'error',
  cite: 'commit 9d8563c87e "datapath: require FnRedirectPeer" (first in v1.18.0): bpf_redirect_peer (kernel 5.10) became mandatory',
  summary: "The nodes' kernel is older than the minimum this Cilium version supports.",
  examples: [
    {
      version: '1.18',
      kernel: '5.4',
      goodKernel: '5.10',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
  check: (s) =>
    kernelAtLeast(s.kernel, 5, 10) === false
      ? {
          origins: [],
          message: `Cilium ${s.version} needs kernel 5.10 or newer (it no longer falls back to legacy host routing on older kernels); kernel ${s.kernel!.text} is not supported.`,
        }
      : undefined,
});
