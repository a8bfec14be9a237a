import { kprOn } from '../../fixes/datapathFixers';
import { kprOffSilently, kprWords } from '../../knowledge/hostRouting';
import { kprFacts } from '../../knowledge/kprModes';
import { defineRule, type HostRoutingRule } from '../rule';
import { say } from '../wording';

const messages = {
  off: 'Kube-proxy replacement is off ({kpr}), so Cilium {version} uses legacy host routing without logging why. BPF host routing needs {set:kubeProxyReplacement={mode}}.',
};

export default defineRule<HostRoutingRule>({
  id: 'host-routing-kpr-off',
  group: 'host-routing',
  severity: 'warning',
  silent: true,
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.415-419 (disableNodePort); @v1.18.7 l.45-47; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.46-64',
  summary: 'Without kube-proxy replacement BPF host routing cannot be used; the agent picks Legacy.',
  messages,
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: false\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      fixed: 'kubeProxyReplacement: true\n',
    },
    {
      version: '1.13',
      bad: 'kubeProxyReplacement: disabled\n',
      good: 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      fixed: 'kubeProxyReplacement: strict\n',
    },
  ],
  check: (s) => {
    if (!kprOffSilently(s)) return undefined;
    const mode = kprFacts(s.version).full[0];
    return { origins: s.nodePortOrigins, ...say(messages.off, { kpr: kprWords(s), version: s.version, mode }) };
  },
  fix: kprOn,
});
