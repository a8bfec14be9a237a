import { nativeRoutingCidrNote } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...nativeRoutingCidrNote('4'),
  summary: 'The chart requires ipv4NativeRoutingCIDR with native routing and IPv4 masquerading.',
  examples: [
    {
      version: '1.18',
      bad: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nenableIPv4Masquerade: true\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nroutingMode: native\nenableIPv4Masquerade: true\nipv4NativeRoutingCIDR: 10.0.0.0/8\n',
    },
  ],
});
