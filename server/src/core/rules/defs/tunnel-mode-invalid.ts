import { agentExits } from '../../knowledge/enumValues';
import { valueWordsRule } from '../valueWordsRule';

export default valueWordsRule({
  id: 'tunnel-mode-invalid',
  severity: 'error',
  stopsAgent: true,
  helm: 'tunnel',
  configMap: 'tunnel',
  what: 'tunnel mode',
  sets: [{ until: '1.13', values: ['vxlan', 'geneve', 'disabled'] }],
  until: '1.13',
  cite: 'pkg/option/config.go@v1.12.19 l.2653-2662, @v1.13.18 l.2765 (Validate, fatal via daemon/cmd/daemon.go@v1.12.19 l.382-384, @v1.13.18 l.418-420)',
  consequence: (_s, raw) => agentExits(`invalid daemon configuration: invalid tunnel mode '${raw}'`),
  summary: 'Up to 1.13, the tunnel value is not vxlan, geneve or disabled; the agent refuses to start.',
  examples: [{ version: '1.13', bad: 'tunnel: vxlann\n', good: 'tunnel: vxlan\n' }],
});
