import { R120, agentExits, nodePortOn } from '../../knowledge/enumValues';
import { inRange } from '../../version';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'lb-dsr-dispatch-invalid',
  severity: 'error',
  stopsAgent: true,
  helm: 'loadBalancer.dsrDispatch',
  configMap: 'bpf-lb-dsr-dispatch',
  what: 'DSR dispatch method',
  sets: [
    { until: '1.13', values: ['opt', 'ipip'] },
    { since: '1.14', values: ['opt', 'ipip', 'geneve'] },
  ],
  cite: `daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.118-124, @v1.14.19 l.109-117, @v1.17.13 l.71-89 (with BPF NodePort and DSR or hybrid mode); checks commented out in pkg/loadbalancer/config.go@v1.18.7 l.436-455 and @v1.19.1 l.455-474; checked always in pkg/loadbalancer/config.go${R120} l.458-463`,
  consequence: (s, raw) => {
    const mode = s.agent.lbMode?.value ?? 'snat';
    const text = agentExits(`Invalid value for --bpf-lb-dsr-dispatch: ${raw}`);
    if (inRange(s.version, '1.20')) return text;
    if (inRange(s.version, '1.18')) return undefined; // lb-dsr-dispatch-unchecked speaks for 1.18 and 1.19
    return nodePortOn(s) && (mode === 'dsr' || mode === 'hybrid') ? text : undefined;
  },
  summary: 'The DSR dispatch method is not one the agent knows; it refuses to start in the versions that check it.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: optt\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: opt\n',
    },
  ],
});
