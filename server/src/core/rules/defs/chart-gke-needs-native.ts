import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-gke-needs-native',
  match: /^RoutingMode must be set to native when gke\.enabled=true/,
  since: '1.14',
  cite: 'templates/cilium-configmap.yaml@v1.14.19 l.433-446',
  explain: () => 'With gke.enabled the routing mode must be native.',
  summary: 'GKE mode needs native routing; the chart refuses other routing modes.',
  examples: [
    {
      version: '1.16',
      bad: 'gke:\n  enabled: true\nroutingMode: tunnel\n',
      good: 'gke:\n  enabled: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\n',
    },
  ],
});
