// The chart's `fail` checks: each case fails the install on its version and passes once corrected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doc, finding, noFinding } from '../helpers';

const CASES: { id: string; version: string; bad: string; good: string; not?: string }[] = [
  {
    id: 'chart-kpr-invalid',
    version: '1.13',
    bad: 'kubeProxyReplacement: probe',
    good: 'kubeProxyReplacement: strict',
  },
  {
    id: 'chart-kpr-invalid',
    version: '1.13',
    bad: 'upgradeCompatibility: "1.10"',
    good: 'upgradeCompatibility: "1.12"',
  },
  {
    id: 'chart-ingress-needs-kpr',
    version: '1.13',
    bad: 'ingressController:\n  enabled: true',
    good: 'kubeProxyReplacement: strict\ningressController:\n  enabled: true',
    not: '1.14',
  },
  {
    id: 'chart-envoy-needs-kpr',
    version: '1.15',
    bad: 'kubeProxyReplacement: disabled\ngatewayAPI:\n  enabled: true',
    good: 'kubeProxyReplacement: "true"\ngatewayAPI:\n  enabled: true',
  },
  {
    id: 'chart-l7-proxy-required',
    version: '1.16',
    bad: 'l7Proxy: false\ningressController:\n  enabled: true',
    good: 'ingressController:\n  enabled: true',
  },
  {
    id: 'chart-hubble-relay-needs-hubble',
    version: '1.12',
    bad: 'hubble:\n  enabled: false\n  relay:\n    enabled: true',
    good: 'hubble:\n  enabled: true\n  relay:\n    enabled: true',
  },
  {
    id: 'chart-hubble-ui-needs-relay',
    version: '1.13',
    bad: 'hubble:\n  ui:\n    enabled: true',
    good: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true',
  },
  {
    id: 'chart-hubble-certmanager-issuer',
    version: '1.16',
    bad: 'hubble:\n  tls:\n    auto:\n      method: certmanager',
    good: 'hubble:\n  tls:\n    auto:\n      method: certmanager\n      certManagerIssuerRef:\n        name: ca',
  },
  {
    id: 'chart-hubble-ui-image-too-old',
    version: '1.16',
    bad: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true\n    backend:\n      image:\n        tag: v0.8.5',
    good: 'hubble:\n  relay:\n    enabled: true\n  ui:\n    enabled: true\n    backend:\n      image:\n        tag: v0.13.1',
  },
  {
    id: 'chart-servicemonitor-crds',
    version: '1.16',
    bad: 'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true',
    good: 'prometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n    trustCRDsExist: true',
  },
  {
    id: 'chart-bgp-no-announcements',
    version: '1.14',
    bad: 'bgp:\n  enabled: true',
    good: 'bgp:\n  enabled: true\n  announce:\n    podCIDR: true',
    not: '1.17',
  },
  {
    id: 'chart-cluster-pool-ipv4-cidr-removed',
    version: '1.15',
    bad: 'ipam:\n  operator:\n    clusterPoolIPv4PodCIDR: 10.0.0.0/8',
    good: 'ipam:\n  operator:\n    clusterPoolIPv4PodCIDRList: [10.0.0.0/8]',
  },
  {
    id: 'chart-node-taints',
    version: '1.16',
    bad: 'operator:\n  setNodeTaints: true\n  removeNodeTaints: false',
    good: 'operator:\n  setNodeTaints: true\n  removeNodeTaints: true',
  },
  {
    id: 'chart-clustermesh-ca-removed',
    version: '1.15',
    bad: 'clustermesh:\n  apiserver:\n    tls:\n      ca:\n        cert: abc',
    good: 'tls:\n  ca:\n    cert: abc',
    not: '1.14',
  },
  {
    id: 'chart-hubble-redact-allow-and-deny',
    version: '1.16',
    bad: 'hubble:\n  redact:\n    http:\n      headers:\n        allow: [a]\n        deny: [b]',
    good: 'hubble:\n  redact:\n    http:\n      headers:\n        allow: [a]',
  },
  {
    id: 'chart-ingress-external-traffic-policy',
    version: '1.16',
    bad: 'ingressController:\n  enabled: true\n  service:\n    type: LoadBalancer\n    externalTrafficPolicy: Both',
    good: 'ingressController:\n  enabled: true\n  service:\n    type: LoadBalancer\n    externalTrafficPolicy: Local',
  },
  {
    id: 'chart-gateway-api-external-traffic-policy',
    version: '1.16',
    bad: 'gatewayAPI:\n  enabled: true\n  externalTrafficPolicy: Nope',
    good: 'gatewayAPI:\n  enabled: true\n  externalTrafficPolicy: Cluster',
  },
  {
    id: 'chart-spire-needs-authentication',
    version: '1.16',
    bad: 'authentication:\n  enabled: false\n  mutual:\n    spire:\n      enabled: true',
    good: 'authentication:\n  enabled: true\n  mutual:\n    spire:\n      enabled: true',
  },
  {
    id: 'chart-endpoint-slice-needs-endpoint-crd',
    version: '1.16',
    bad: 'ciliumEndpointSlice:\n  enabled: true\ndisableEndpointCRD: true',
    good: 'ciliumEndpointSlice:\n  enabled: true',
  },
  {
    id: 'chart-cluster-name-invalid',
    version: '1.16',
    bad: 'cluster:\n  name: Prod_Cluster\n  id: 3',
    good: 'cluster:\n  name: prod-eu-1\n  id: 3',
    not: '1.15',
  },
  {
    id: 'chart-cluster-id-eni-policy-bug',
    version: '1.17',
    bad: 'eni:\n  enabled: true\ncluster:\n  name: prod\n  id: 200',
    good: 'eni:\n  enabled: true\ncluster:\n  name: prod\n  id: 20',
  },
  {
    id: 'chart-max-connected-clusters',
    version: '1.16',
    bad: 'clustermesh:\n  maxConnectedClusters: 300',
    good: 'clustermesh:\n  maxConnectedClusters: 511',
  },
  { id: 'chart-envoy-base-id', version: '1.16', bad: 'envoy:\n  baseID: -1', good: 'envoy:\n  baseID: 7' },
  {
    id: 'chart-endpoint-slice-mode-removed',
    version: '1.18',
    bad: 'ciliumEndpointSlice:\n  sliceMode: fcfs',
    good: 'ciliumEndpointSlice:\n  enabled: true',
  },
  {
    id: 'chart-k8s-service-host-twice',
    version: '1.18',
    bad: 'k8sServiceHost: 10.0.0.1\nk8sServiceHostRef:\n  name: cm\n  key: host',
    good: 'k8sServiceHostRef:\n  name: cm\n  key: host',
  },
  {
    id: 'chart-netkit-tproxy',
    version: '1.19',
    bad: 'bpf:\n  tproxy: true\n  datapathMode: netkit',
    good: 'bpf:\n  datapathMode: netkit',
  },
  {
    id: 'chart-standalone-dns-proxy-port',
    version: '1.19',
    bad: 'standaloneDnsProxy:\n  enabled: true\ndnsProxy:\n  proxyPort: 0',
    good: 'standaloneDnsProxy:\n  enabled: true\ndnsProxy:\n  proxyPort: 10094',
  },
];

const values = (v: string, body: string) => `# cilium-version: ${v}\n${body}\n`;

describe('chart validate checks', () => {
  for (const c of CASES) {
    it(`${c.id} on ${c.version}`, () => {
      const bad = doc(values(c.version, c.bad));
      const f = finding(bad, c.id);
      // An error is a certain refusal; a warning (it depends on the cluster) says when helm fails instead.
      if (f.severity === 'error') assert.ok(f.message.includes('chart refuses to install'), f.message);
      else assert.match(f.message, /helm install fails/);
      if (f.severity === 'error') assert.equal(bad.datapath.installSucceeds, false);
      noFinding(doc(values(c.version, c.good)), c.id);
      if (c.not) noFinding(doc(values(c.not, c.bad)), c.id);
    });
  }
});
