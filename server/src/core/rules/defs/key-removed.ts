import { removedKey } from '../../fixes/keyFixers';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'key-removed',
  group: 'keys',
  severity: 'warning',
  summary: 'A key that was removed or renamed before the target version; the replacement is named.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\nremoteNodeIdentity: false\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
    },
  ],
  fix: removedKey,
});
