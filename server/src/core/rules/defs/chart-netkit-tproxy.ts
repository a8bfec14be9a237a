import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-netkit-tproxy',
  match: /^\.Values\.bpf\.tproxy cannot be enabled with \.Values\.bpf\.datapathMode=netkit/,
  since: '1.19',
  cite: 'templates/validate.yaml@v1.19.1',
  explain: () => 'bpf.tproxy cannot be combined with the netkit datapath modes.',
  summary: 'bpf.tproxy cannot be combined with netkit.',
  examples: [
    {
      version: '1.19',
      bad: 'bpf:\n  datapathMode: netkit\n  tproxy: true\n',
      good: 'bpf:\n  datapathMode: netkit\n  tproxy: false\n',
    },
  ],
});
