import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('lb-dsr-dispatch-invalid'),
  summary: 'The DSR dispatch method is not one the agent knows; it refuses to start in the versions that check it.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: optt\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: opt\n',
    },
  ],
  fix: enumValue,
});
