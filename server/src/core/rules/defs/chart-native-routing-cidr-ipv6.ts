import { nativeRoutingCidrNote } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...nativeRoutingCidrNote('6'),
  summary: 'The chart requires ipv6NativeRoutingCIDR with native routing and IPv6 masquerading.',
  examples: [
    {
      version: '1.18',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nipv6:\n  enabled: true\nenableIPv6Masquerade: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nipv6NativeRoutingCIDR: fd00::/100\nipv6:\n  enabled: true\nenableIPv6Masquerade: true\n',
    },
  ],
});
