import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  id: 'chart-endpoint-slice-needs-endpoint-crd',
  match: /^if Cilium Endpoint Slice is enabled .*requires \.Values\.disableEndpointCRD=false/,
  since: '1.14',
  cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
  explain: () => 'CiliumEndpointSlices are built from CiliumEndpoints: disableEndpointCRD must stay false.',
  summary: 'CiliumEndpointSlices need the CiliumEndpoint CRD (disableEndpointCRD: false).',
  examples: [
    {
      version: '1.16',
      bad: 'ciliumEndpointSlice:\n  enabled: true\ndisableEndpointCRD: true\n',
      good: 'ciliumEndpointSlice:\n  enabled: true\ndisableEndpointCRD: false\n',
    },
  ],
});
