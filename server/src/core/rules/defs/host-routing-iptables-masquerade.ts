import { bpfMasquerade } from '../../fixes/datapathFixers';
import { FALLING_BACK } from '../../knowledge/hostRouting';
import { inRange } from '../../version';
import { defineRule, type HostRoutingRule } from '../rule';
import { say } from '../wording';
import { spell } from '../headlineText';

const messages = {
  iptables:
    'Masquerading is on but BPF masquerading is not, so it is done by iptables (Masquerading: IPTables) and BPF host routing falls back to Legacy. Set {set:bpf.masquerade=true} (it needs kube-proxy replacement{upTo}).',
};

export default defineRule<HostRoutingRule>({
  id: 'host-routing-iptables-masquerade',
  group: 'host-routing',
  severity: 'warning',
  silent: false,
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.543-575 .. @v1.18.7 l.269-285; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.45-64',
  summary: 'Masquerading done by iptables (masquerading on, bpf.masquerade off) forces Legacy host routing.',
  messages,
  headline: (f) =>
    spell(
      f,
      'iptables masquerades, so Host Routing is Legacy. Set {set:bpf.masquerade=true} (it needs kube-proxy replacement).',
    ),
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
    },
  ],
  check: (s) =>
    (s.ipv4Masq || s.ipv6Masq) && !s.agent.bpfMasquerade.on
      ? {
          origins: [...s.masqOrigins, s.agent.bpfMasquerade.origin],
          ...say(messages.iptables, { upTo: inRange(s.version, '1.19') ? ' up to 1.18' : '' }),
          sourceText: 'BPF host routing requires enable-bpf-masquerade.' + FALLING_BACK,
        }
      : undefined,
  fix: bpfMasquerade,
});
