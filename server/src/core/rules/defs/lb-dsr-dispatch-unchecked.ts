import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'lb-dsr-dispatch-unchecked',
  severity: 'warning',
  helm: 'loadBalancer.dsrDispatch',
  configMap: 'bpf-lb-dsr-dispatch',
  what: 'DSR dispatch method',
  sets: [{ since: '1.18', until: '1.19', values: ['opt', 'ipip', 'geneve'] }],
  since: '1.18',
  until: '1.19',
  cite: 'pkg/loadbalancer/config.go@v1.18.7 l.436-455, @v1.19.1 l.455-474 (check commented out); pkg/datapath/linux/config/config.go@v1.18.7 l.412-418 (only the three words set DSR_ENCAP_MODE)',
  consequence: (s) => {
    const mode = s.agent.lbMode?.value ?? 'snat';
    if (!(s.nodePort && (mode === 'dsr' || mode === 'hybrid'))) return undefined;
    return {
      text: `Cilium ${s.version} does not check this value and gives the datapath no dispatch method for it, so DSR will not work as configured.`,
    };
  },
  summary:
    'In 1.18 and 1.19 the agent does not check the DSR dispatch method, and an unknown one leaves DSR without a dispatch method.',
  examples: [
    {
      version: '1.18',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: optt\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: opt\n',
    },
  ],
});
