import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-bgp-no-announcements',
  match: /^BGP was enabled, but no announcements were enabled/,
  until: '1.16',
  cite: 'templates/cilium-configmap.yaml@v1.12.19 l.868, @v1.13.18 l.892, @v1.14.19 .. @v1.16.19',
  explain: () =>
    'The MetalLB-based BGP mode is on but announces nothing (bgp.announce.loadbalancerIP or bgp.announce.podCIDR).',
  summary: 'The MetalLB-based BGP mode must announce something.',
  examples: [
    {
      version: '1.16',
      bad: 'bgp:\n  enabled: true\n',
      good: 'bgp:\n  enabled: true\n  announce:\n    loadbalancerIP: true\n',
    },
  ],
});
