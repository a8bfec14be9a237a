import { FALLING_BACK } from '../../knowledge/hostRouting';
import { defineRule, type HostRoutingRule } from '../rule';

export default defineRule<HostRoutingRule>({
  id: 'host-routing-old-kernel',
  group: 'host-routing',
  severity: 'warning',
  until: '1.17',
  silent: false,
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.17.13 l.351-373; removed by commit 9d8563c87e (first in 1.18)',
  summary: "The nodes' kernel lacks the helpers BPF host routing needs (Linux 5.10), so the agent picks Legacy.",
  examples: [
    {
      version: '1.16',
      kernel: '5.4',
      goodKernel: '5.10',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\n',
    },
  ],
  check: (s) =>
    s.kernel && !(s.kernel.major > 5 || (s.kernel.major === 5 && s.kernel.minor >= 10))
      ? {
          origins: [],
          message: `Kernel ${s.kernel.text} lacks the eBPF helpers BPF host routing needs (kernel 5.10 or newer): Host Routing will be Legacy.`,
          sourceText: 'BPF host routing requires kernel 5.10 or newer.' + FALLING_BACK,
        }
      : undefined,
});
