import { endpointRoutesOff } from '../../fixes/datapathFixers';
import { fallsBackWhileOn } from '../../knowledge/hostRouting';
import { defineRule, type HostRoutingRule } from '../rule';
import { say } from '../wording';
import { versionIn } from '../headlineText';

const messages = {
  routes:
    'Per-endpoint routes ({key:endpointRoutes.enabled}) make Cilium {version} fall back to legacy host routing. From 1.14 the two work together.',
};

export default defineRule<HostRoutingRule>({
  id: 'host-routing-endpoint-routes',
  group: 'host-routing',
  severity: 'warning',
  until: '1.13',
  silent: false,
  cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.543-575, @v1.13.18 l.440-470; removed by commit 63583e9132 (first in 1.14)',
  summary:
    'Per-endpoint routes (endpointRoutes.enabled, or what forces it: ENI, Azure, Alibaba Cloud, GKE) forced Legacy host routing up to 1.13; from 1.14 the two work together.',
  messages,
  headline: (f) =>
    `Per-endpoint routes make Host Routing Legacy on Cilium ${versionIn(f.message) ?? 'up to 1.13'}; from 1.14 both work together.`,
  examples: [
    {
      version: '1.13',
      bad: 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nendpointRoutes:\n  enabled: true\n',
      good: 'kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nendpointRoutes:\n  enabled: false\n',
    },
  ],
  check: (s) =>
    fallsBackWhileOn(
      s.agent.endpointRoutes,
      say(messages.routes, { version: s.version }),
      'BPF host routing is currently not supported with enable-endpoint-routes.',
    ),
  fix: endpointRoutesOff,
});
