import { kprOn } from '../../fixes/datapathFixers';
import { FALLING_BACK, kprOffSilently, kprWords } from '../../knowledge/hostRouting';
import { kprFacts } from '../../knowledge/kprModes';
import { inRange } from '../../version';
import { defineRule, type HostRoutingRule } from '../rule';
import { say } from '../wording';

const messages = {
  partial:
    'BPF host routing needs full kube-proxy replacement ({set:kubeProxyReplacement={wanted}}); it is {kpr}, so Host Routing is Legacy.',
};

export default defineRule<HostRoutingRule>({
  id: 'host-routing-needs-kpr',
  group: 'host-routing',
  severity: 'warning',
  since: '1.13',
  silent: false,
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.440-470; @v1.16.19 l.368-390; pkg/kpr/initializer/kube_proxy_replacement.go@v1.20.0-pre.4 l.45-59, @v1.21.0-pre.0 (e864986222) l.45-59',
  summary: 'BPF host routing needs the full kube-proxy replacement; a partial or probing mode falls back to Legacy.',
  messages,
  headline: () =>
    'Host Routing is Legacy: BPF host routing needs full kube-proxy replacement. Turn kube-proxy replacement on.',
  examples: [
    {
      version: '1.13',
      bad: 'kubeProxyReplacement: partial\nnodePort:\n  enabled: true\n',
      good: 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      fixed: 'kubeProxyReplacement: strict\nnodePort:\n  enabled: true\n',
    },
  ],
  check: (s) => {
    // When KPR is off altogether the silent reason above already covers it, on the same key, with the same fix.
    if (s.kprFull || kprOffSilently(s)) return undefined;
    const wanted = kprFacts(s.version).full[0];
    const text =
      s.version === '1.13'
        ? 'kube-proxy-replacement=strict.'
        : inRange(s.version, '1.19')
          ? 'kube-proxy-replacement.'
          : 'kube-proxy-replacement=true.';
    return {
      origins: [s.agent.kpr.origin],
      ...say(messages.partial, { wanted, kpr: kprWords(s) }),
      sourceText: 'BPF host routing requires ' + text + FALLING_BACK,
    };
  },
  fix: kprOn,
});
