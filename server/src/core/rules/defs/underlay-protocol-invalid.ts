import { R120, agentExits } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'underlay-protocol-invalid',
  severity: 'error',
  stopsAgent: true,
  helm: 'underlayProtocol',
  configMap: 'underlay-protocol',
  what: 'tunnel underlay protocol',
  sets: [
    { since: '1.18', until: '1.19', values: ['ipv4', 'ipv6'] },
    { since: '1.20', values: ['ipv4', 'ipv6', 'auto'] },
  ],
  since: '1.18',
  // Checked by the tunnel cell's constructor in every routing mode; the chart writes the key only when the
  // value is not empty (templates/cilium-configmap.yaml@v1.18.7 l.553-555).
  cite: `pkg/datapath/tunnel/tunnel.go@v1.18.7 l.90-94, @v1.19.1 l.90-94, ${R120} l.105-125`,
  consequence: (_s, raw) => agentExits(`invalid IP family for underlay "${raw}"`),
  summary: 'The tunnel underlay protocol is not ipv4 or ipv6 (or auto from 1.20); the agent refuses to start.',
  examples: [{ version: '1.18', bad: 'underlayProtocol: ipv44\n', good: 'underlayProtocol: ipv4\n' }],
});
