import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('lb-dsr-dispatch-unchecked'),
  summary:
    'In 1.18 and 1.19 the agent does not check the DSR dispatch method, and an unknown one leaves DSR without a dispatch method.',
  examples: [
    {
      version: '1.18',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: optt\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: opt\n',
    },
  ],
  fix: enumValue,
});
