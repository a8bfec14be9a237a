import { goTruthy } from '../../settings';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'encryption-type-invalid',
  severity: 'error',
  helm: 'encryption.type',
  what: 'encryption type',
  sets: [
    { until: '1.18', values: ['ipsec', 'wireguard'] },
    { since: '1.19', values: ['ipsec', 'wireguard', 'ztunnel'] },
  ],
  cite: 'templates/cilium-configmap.yaml@v1.12.19 l.491-511, @v1.16.19 l.598-615, @v1.18.7 l.669-685, @v1.19.1 l.733-754, @v1.20.0-pre.4 l.753-770',
  consequence: (s) => {
    if (!s.helm) return undefined;
    if (goTruthy(s.helm.get('encryption.enabled')?.value)) {
      return {
        text: `The ${s.version} chart writes encryption settings only for the words it knows, so this installs without any complaint and traffic stays unencrypted: worse than a refused install, because nothing tells you.`,
      };
    }
    return {
      severity: 'warning',
      text: 'Encryption is off, so nothing reads it yet; the day encryption.enabled is turned on, the chart will ignore this word and traffic will stay unencrypted without any error.',
    };
  },
  summary:
    'encryption.type is neither of the words the chart knows: the chart writes no encryption at all and installs silently unencrypted.',
  examples: [
    {
      version: '1.16',
      bad: 'encryption:\n  enabled: true\n  type: ipsek\n',
      good: 'encryption:\n  enabled: true\n  type: ipsec\n',
    },
  ],
});
