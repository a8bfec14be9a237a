import { isImpliedBy } from '../../knowledge/hostRouting';
import { defineRule, type HostRoutingRule } from '../rule';
import { say } from '../wording';

const messages = {
  chaining:
    'CNI chaining mode: the chart writes enable-host-legacy-routing: "true" itself, so host routing is Legacy. In chaining mode the other CNI owns the pod routes; set {key:bpf.hostLegacyRouting} explicitly only if you know the plugin supports it.',
};

export default defineRule<HostRoutingRule>({
  id: 'host-routing-cni-chaining',
  group: 'host-routing',
  severity: 'warning',
  since: '1.13',
  silent: true,
  cite: 'install/kubernetes/cilium/templates/cilium-configmap.yaml@v1.14.19 l.343-349; @v1.19.1 l.409-415',
  summary: 'In CNI chaining mode the chart itself writes enable-host-legacy-routing, so host routing is Legacy.',
  messages,
  examples: [{ version: '1.16', bad: 'cni:\n  chainingMode: aws-cni\n', good: 'cni:\n  chainingMode: none\n' }],
  check: (s) => {
    const o = s.agent.hostLegacyRouting;
    if (!o.on || o.origin.kind !== 'implied') return undefined;
    if (!isImpliedBy(o.origin, 'cni.chainingMode') && !isImpliedBy(o.origin, 'cni.chainingTarget')) return undefined;
    return { origins: [o.origin], ...say(messages.chaining) };
  },
});
