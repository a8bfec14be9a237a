import { kprValue } from '../../fixes/valueFixers';
import { kprFacts, kprWordsText } from '../../knowledge/kprModes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-kpr-invalid',
  match: /^kube[pP]roxyReplacement must be explicitly set to a valid value/,
  // Up to 1.13 an unquoted true/false is a bool, and the template's `ne $kubeProxyReplacement "disabled"`
  // stops with Go's comparison error before its own message (templates/cilium-configmap.yaml@v1.13.18 l.59).
  matchError: (d) => /at <(?:eq|ne) \$kubeProxyReplacement /.test(d) && d.includes('incompatible types for comparison'),
  cite: 'templates/cilium-configmap.yaml@v1.12.19, @v1.13.18 l.14-60, @v1.14.19 l.69-71, @v1.16.19 l.70-71, @v1.19.1 l.78-79',
  explain: (v) =>
    `kubeProxyReplacement ends up a value the ${v} chart does not accept (${kprWordsText(v)}${kprFacts(v).chartNote ? `; ${kprFacts(v).chartNote}` : ''}).`,
  summary: 'The chart rejects this kubeProxyReplacement value.',
  examples: [
    {
      version: '1.16',
      bad: 'kubeProxyReplacement: ture\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
      good: 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n',
    },
  ],
  fix: kprValue,
});
