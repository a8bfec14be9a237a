// What we add to the chart's own `fail`/`required` texts: for the failures users meet often, a rule id (the
// diagnostic's code, which tests, docs/rules.md and users' settings refer to), our explanation in our words,
// and the rule object with that id (rules/defs/<id>.ts) adds its summary, examples and quick-fix. Whether the chart fails is never decided here: the
// chart itself is rendered (chart/helm/render.ts) and a failure is matched to a note by the chart's message.
// A failure no note matches is still reported, as `chart-fail` with the chart's text.
//
// Messages checked in install/kubernetes/cilium/templates/validate.yaml and cilium-configmap.yaml at v1.12.19,
// v1.13.18, v1.14.19, v1.15.19, v1.16.19, v1.17.13, v1.18.7, v1.19.1 and the 1.20/1.21 pre-release charts
// (../shared/cilium-charts/v1.NN/templates, the same texts as the packed chart data).

import type { Severity } from '../types';
import { kprFacts, kprWordsText } from './kprModes';
import { inRange, type CiliumVersion } from '../version';
import { adviceFor } from './keyHistory';

export interface ChartFailureNote {
  id: string;
  /** Matches the chart's message (what `fail`/`required` was given). */
  match: RegExp;
  /** Matches a Go template error the same check meets first for some values (a bool compared with a string). */
  matchError?: (detail: string) => boolean;
  since?: CiliumVersion;
  until?: CiliumVersion;
  cite: string;
  /**
   * The check reads the cluster (lookup, .Capabilities) and `explain` already says how the cluster decides it, so
   * the general sentence about the cluster is left out, and the catalog lists the rule as a warning. Wording and
   * docs only: whether a finding is a warning comes from the render (ChartFailure.cluster) for any check, and a
   * test checks that the notes marked so are exactly the ones the renderer finds reading the cluster.
   */
  readsCluster?: true;
  /** Our explanation, one or two sentences, without the chart's text (the finding quotes it). */
  explain: (version: CiliumVersion) => string;
  /** What to do, said after "the chart refuses to install". */
  advice?: string;
}

/** The id of a chart failure no note explains. */
export const GENERIC_CHART_FAIL_RULE = {
  id: 'chart-fail',
  severity: 'error' as Severity,
  cite: 'every `fail` and `required` in templates/*.yaml of the packed charts 1.12-1.21 (rendered, not re-implemented)',
};

/** The id of a value Helm refuses before rendering (values.schema.json, charts 1.16+). */
export const SCHEMA_RULE = {
  id: 'chart-schema',
  severity: 'error' as Severity,
  since: '1.16' as CiliumVersion,
  cite: 'values.schema.json@v1.16.19 .. @v1.19.1 and the 1.20/1.21 charts (Helm 4 validates the coalesced values before rendering)',
};

/** What to do instead of a removed key (keyHistory's advice when there is one). */
function migration(paths: readonly string[]): string {
  const advice = paths.map((p) => adviceFor(p)).find((a) => a && !/^nothing/i.test(a.replacement));
  return advice ? `Use ${advice.replacement} instead.` : 'Delete it: the feature it configured is gone or always on.';
}

function removed(id: string, paths: string[], since: CiliumVersion, match: RegExp, cite: string): ChartFailureNote {
  return {
    id,
    match,
    since,
    cite,
    explain: () =>
      `${paths.join(' / ')} ${paths.length > 1 ? 'were' : 'was'} removed from the chart and must not be set any more.`,
    advice: migration(paths),
  };
}

export const CHART_FAILURE_NOTES: readonly ChartFailureNote[] = [
  {
    // Helm's coalescing: a null in the user's values deletes the chart's default there (helm/pkg/chart/common/
    // util/coalesce.go), so `bpf:` with nothing below it removes every bpf default and the templates that read
    // .Values.bpf.<x> stop with Go's nil pointer error (templates/cilium-configmap.yaml@v1.16.19 l.63 bpf.ctTcpMax).
    id: 'chart-values-null',
    match: /(?!)/,
    matchError: (d) => d.includes('nil pointer evaluating interface {}.'),
    cite: 'Helm 4 coalesce (a null deletes the default); templates/cilium-configmap.yaml@v1.16.19 l.63, templates/cilium-agent/daemonset.yaml@v1.16.19 l.300',
    explain: () =>
      'An empty key in these values (nothing after the colon is null) deletes every chart default below it, and the chart then fails reading one of them.',
    advice: 'Give the key the settings you want below it, or delete the empty key.',
  },
  {
    id: 'chart-kpr-invalid',
    match: /^kube[pP]roxyReplacement must be explicitly set to a valid value/,
    // Up to 1.13 an unquoted true/false is a bool, and the template's `ne $kubeProxyReplacement "disabled"`
    // stops with Go's comparison error before its own message (templates/cilium-configmap.yaml@v1.13.18 l.59).
    matchError: (d) =>
      /at <(?:eq|ne) \$kubeProxyReplacement /.test(d) && d.includes('incompatible types for comparison'),
    cite: 'templates/cilium-configmap.yaml@v1.12.19, @v1.13.18 l.14-60, @v1.14.19 l.69-71, @v1.16.19 l.70-71, @v1.19.1 l.78-79',
    explain: (v) =>
      `kubeProxyReplacement ends up a value the ${v} chart does not accept (${kprWordsText(v)}${kprFacts(v).chartNote ? `; ${kprFacts(v).chartNote}` : ''}).`,
  },
  {
    id: 'chart-tunnel-removed',
    match: /^tunnel was deprecated in v1\.14 and has been removed/,
    since: '1.15',
    cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
    explain: () => 'tunnel was removed in 1.15.',
    advice:
      'Use routingMode: tunnel with tunnelProtocol: vxlan or geneve for a tunnel, or routingMode: native for tunnel: disabled.',
  },
  ...(['4', '6'] as const).map((f): ChartFailureNote => ({
    id: `chart-native-routing-cidr-ipv${f}`,
    match: new RegExp(`^\\s*ipv${f}NativeRoutingCIDR must be set when routingMode is native`),
    since: '1.18',
    cite: 'templates/cilium-configmap.yaml@v1.18.7 l.532-545 (raw .Values.enableIPv4Masquerade, values.yaml@v1.18.7 l.2177 default ~), @v1.19.1 l.540-553',
    explain: () =>
      `routingMode: native with IPv${f} masquerading needs ipv${f}NativeRoutingCIDR (the range that is routed without masquerading).`,
  })),
  {
    id: 'chart-gke-needs-native',
    match: /^RoutingMode must be set to native when gke\.enabled=true/,
    since: '1.14',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 l.433-446',
    explain: () => 'With gke.enabled the routing mode must be native.',
  },
  {
    id: 'chart-aksbyocni-needs-tunnel',
    match: /^RoutingMode must be set to tunnel when aksbyocni\.enabled=true/,
    since: '1.14',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 l.433-446',
    explain: () => 'With aksbyocni.enabled the routing mode must be tunnel.',
  },
  {
    id: 'chart-hubble-relay-needs-hubble',
    match: /^Hubble Relay requires \.Values\.hubble\.enabled=true/,
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    explain: () => 'Hubble Relay needs Hubble itself (hubble.enabled: true).',
  },
  {
    id: 'chart-hubble-ui-needs-relay',
    match: /^Hubble UI requires \.Values\.hubble\.relay\.enabled=true/,
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    explain: () => 'The Hubble UI needs Hubble Relay (hubble.relay.enabled: true).',
  },
  removed(
    'chart-event-handover-removed',
    ['enableK8sEventHandover'],
    '1.15',
    /^enableK8sEventHandover was deprecated/,
    'templates/validate.yaml@v1.15.19',
  ),
  removed(
    'chart-cnp-status-removed',
    ['enableCnpStatusUpdates'],
    '1.15',
    /^enableCnpStatusUpdates was deprecated/,
    'templates/validate.yaml@v1.15.19',
  ),
  removed(
    'chart-remote-node-identity-removed',
    ['remoteNodeIdentity'],
    '1.16',
    /^remoteNodeIdentity was deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  removed(
    'chart-endpoint-status-removed',
    ['endpointStatus'],
    '1.16',
    /^endpointStatus has been removed/,
    'templates/validate.yaml@v1.16.19',
  ),
  removed(
    'chart-cri-integration-removed',
    ['containerRuntime.integration'],
    '1.16',
    /^containerRuntime\.integration was deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  removed(
    'chart-etcd-managed-removed',
    ['etcd.managed'],
    '1.16',
    /^etcd\.managed was deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  removed(
    'chart-encryption-legacy-keys-removed',
    ['encryption.keyFile', 'encryption.mountPath', 'encryption.secretName', 'encryption.interface'],
    '1.16',
    /^encryption\.\{keyFile,mountPath,secretName,interface\} were deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  removed(
    'chart-proxy-prometheus-removed',
    ['proxy.prometheus.enabled', 'proxy.prometheus.port'],
    '1.16',
    /^proxy\.prometheus\.enabled and proxy\.prometheus\.port were deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  removed(
    'chart-ces-legacy-removed',
    ['enableCiliumEndpointSlice'],
    '1.18',
    /^enableCiliumEndpointSlice was deprecated in v1\.16/,
    'templates/validate.yaml@v1.18.7',
  ),
  removed(
    'chart-endpoint-slice-mode-removed',
    ['ciliumEndpointSlice.sliceMode'],
    '1.18',
    /^ciliumEndpointSlice\.sliceMode has been removed/,
    'templates/validate.yaml@v1.18.7, @v1.19.1',
  ),
  {
    id: 'chart-ingress-needs-kpr',
    match:
      /^Ingress\/Gateway API controller requires \.Values\.kubeProxyReplacement to be set to either 'partial' or 'strict'/,
    until: '1.13',
    cite: 'templates/validate.yaml@v1.12.19, @v1.13.18',
    explain: (v) =>
      `On ${v} the Ingress controller and Gateway API need kubeProxyReplacement written as partial or strict.`,
  },
  {
    id: 'chart-envoy-needs-kpr',
    match: /^Ingress\/Gateway API controller and EnvoyConfig require \.Values\.kubeProxyReplacement/,
    since: '1.14',
    cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
    explain: () =>
      'The Ingress controller, Gateway API and CiliumEnvoyConfig need kubeProxyReplacement set to true or false, not disabled.',
  },
  {
    id: 'chart-l7-proxy-required',
    match: /requires \.Values\.l7Proxy to be set to 'true'/,
    cite: 'templates/validate.yaml@v1.12.19 (ingress only), @v1.13.18 .. @v1.19.1',
    explain: () =>
      'The Ingress controller, Gateway API and the Envoy L7 load balancer need the L7 proxy (l7Proxy: true).',
  },
  {
    id: 'chart-hubble-ui-standalone-tls',
    match: /^Hubble UI in standalone with Hubble Relay server TLS enabled/,
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    explain: () =>
      'A standalone Hubble UI talking to a TLS-enabled Relay needs hubble.ui.standalone.tls.certsVolume with the client certificates.',
  },
  {
    id: 'chart-hubble-certmanager-issuer',
    match: /^Hubble TLS certgen method=certmanager requires/,
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    explain: () => 'Hubble TLS certificates from cert-manager need hubble.tls.auto.certManagerIssuerRef.',
  },
  {
    id: 'chart-clustermesh-certmanager-issuer',
    match: /^ClusterMesh TLS certgen method=certmanager requires/,
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    explain: () =>
      'ClusterMesh TLS certificates from cert-manager need clustermesh.apiserver.tls.auto.certManagerIssuerRef.',
  },
  {
    id: 'chart-hubble-ui-image-too-old',
    match: /^Hubble UI requires hubble\.ui\.(backend|frontend)\.image\.tag to be '>=v0\.9\.0'/,
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    explain: () => 'The Hubble UI images must be v0.9.0 or newer.',
  },
  {
    id: 'chart-servicemonitor-crds',
    match: /^Service Monitor requires monitoring\.coreos\.com\/v1 CRDs/,
    readsCluster: true,
    cite: 'templates/validate.yaml@v1.12.19 l.19-22 (no escape), @v1.13.18 l.19-25, @v1.14.19 l.19-25, @v1.15.19 l.33-39, @v1.16.19 l.63-69, @v1.19.1 l.76-82 (trustCRDsExist)',
    explain: (v) =>
      `A ServiceMonitor is requested: helm install fails on a cluster that does not serve the monitoring.coreos.com/v1 CRDs (and helm template without --api-versions always fails)${inRange(v, '1.13') ? '; set prometheus.serviceMonitor.trustCRDsExist: true if they are there' : ''}.`,
  },
  {
    id: 'chart-bgp-no-announcements',
    match: /^BGP was enabled, but no announcements were enabled/,
    until: '1.16',
    cite: 'templates/cilium-configmap.yaml@v1.12.19 l.868, @v1.13.18 l.892, @v1.14.19 .. @v1.16.19',
    explain: () =>
      'The MetalLB-based BGP mode is on but announces nothing (bgp.announce.loadbalancerIP or bgp.announce.podCIDR).',
  },
  ...(['4', '6'] as const).map((f): ChartFailureNote => ({
    id: `chart-cluster-pool-ipv${f}-cidr-removed`,
    match: new RegExp(`^Value ipam\\.operator\\.clusterPoolIPv${f}PodCIDR removed`),
    since: '1.14',
    until: '1.18',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 l.897-909 .. @v1.18.7',
    explain: () =>
      `ipam.operator.clusterPoolIPv${f}PodCIDR was replaced by ipam.operator.clusterPoolIPv${f}PodCIDRList (a list).`,
  })),
  {
    id: 'chart-node-taints',
    match: /^Cannot have operator\.setNodeTaints/,
    since: '1.14',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 .. @v1.19.1',
    explain: () =>
      'operator.setNodeTaints needs operator.removeNodeTaints: true (the operator must also remove the taint it sets).',
  },
  {
    id: 'chart-clustermesh-ca-removed',
    match: /^clustermesh\.apiserver\.tls\.ca\.cert and clustermesh\.apiserver\.tls\.ca\.key were deprecated/,
    since: '1.15',
    cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
    explain: () =>
      'clustermesh.apiserver.tls.ca.cert and .key were removed in 1.15 (the CA now comes from tls.ca at the top level).',
  },
  {
    id: 'chart-hubble-redact-allow-and-deny',
    match: /^Only one of \.Values\.hubble\.redact\.http\.headers\.allow/,
    since: '1.15',
    cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
    explain: () => 'Hubble header redaction takes an allow list or a deny list, not both.',
  },
  {
    id: 'chart-ingress-external-traffic-policy',
    match: /^Cilium Ingress services of type 'LoadBalancer' or 'NodePort' need an externalTrafficPolicy/,
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    explain: () => 'Ingress services of type LoadBalancer or NodePort need externalTrafficPolicy Cluster or Local.',
  },
  {
    id: 'chart-gateway-api-external-traffic-policy',
    match: /^Cilium GatewayAPI needs an externalTrafficPolicy/,
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    explain: () => 'Gateway API needs gatewayAPI.externalTrafficPolicy Cluster or Local.',
  },
  {
    id: 'chart-spire-needs-authentication',
    match: /^SPIRE integration requires \.Values\.authentication\.enabled=true/,
    since: '1.14',
    cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
    explain: () => 'SPIRE mutual authentication needs authentication.enabled: true.',
  },
  {
    id: 'chart-endpoint-slice-needs-endpoint-crd',
    match: /^if Cilium Endpoint Slice is enabled .*requires \.Values\.disableEndpointCRD=false/,
    since: '1.14',
    cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
    explain: () => 'CiliumEndpointSlices are built from CiliumEndpoints: disableEndpointCRD must stay false.',
  },
  {
    id: 'chart-cluster-name-invalid',
    match: /^The cluster name is invalid/,
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    explain: () =>
      'cluster.name must be 1-32 lower-case letters, digits and dashes, start and end with a letter or digit, and not be "default" when cluster.id is set.',
  },
  {
    id: 'chart-cluster-id-eni-policy-bug',
    match:
      /^Cilium is currently affected by a bug that causes traffic matched by network policies to be incorrectly dropped/,
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    explain: () =>
      'cluster.id 128-255 (and 384-511 with 511 clusters) in ENI, Alibaba Cloud or aws-cni chaining mode hits a policy bug that drops traffic.',
  },
  {
    id: 'chart-max-connected-clusters',
    match: /^max-connected-clusters must be set to 255 or 511/,
    since: '1.15',
    cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
    explain: () => 'clustermesh.maxConnectedClusters takes 255 or 511.',
  },
  {
    id: 'chart-envoy-base-id',
    match: /^envoy\.baseID must be an int/,
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    explain: () => 'envoy.baseID must be an integer from 0 to 4294967295.',
  },
  {
    id: 'chart-k8s-service-host-twice',
    match: /^Both k8sServiceHostRef and k8sServiceHost are set/,
    since: '1.18',
    cite: 'templates/validate.yaml@v1.18.7, @v1.19.1',
    explain: () => 'Set either k8sServiceHost or k8sServiceHostRef, not both.',
  },
  {
    // The chart's lookup of the API server address (k8sServiceHost: auto) fails when the ConfigMap is not found:
    // templates/_helpers.tpl@v1.19.1 l.131-147, @v1.20.0-pre.4 and @v1.21.0-pre.0 l.142 (1.16-1.18 fall back to
    // the literal text instead, _helpers.tpl@v1.18.7 l.131-146). Whether it is found depends on the cluster, and
    // `helm template` (no cluster) never finds it: the renderer marks the stop as depending on the cluster.
    id: 'chart-k8s-service-host-auto-lookup',
    match: /^ConfigMap \S+ not found, please create it or set k8sServiceHost to a valid value/,
    since: '1.19',
    readsCluster: true,
    cite: 'templates/_helpers.tpl@v1.19.1 l.131-147, @v1.20.0-pre.4 l.142, @v1.21.0-pre.0 l.142',
    explain: () =>
      'k8sServiceHost: auto makes the chart read the API server address from a ConfigMap in the cluster at install time (kube-public/cluster-info unless k8sServiceLookupNamespace / k8sServiceLookupConfigMapName say otherwise, as kubeadm creates it). helm install stops with this message where that ConfigMap is missing, and helm template (Argo CD, kustomize helmCharts) cannot read the cluster, so there it always stops; write the address instead in that case.',
  },
  {
    id: 'chart-backoff-env-conflict',
    match: /^k8sClientExponentialBackoff cannot be enabled when extraEnv contains/,
    since: '1.18',
    cite: 'templates/validate.yaml@v1.18.7, @v1.19.1',
    explain: () =>
      'k8sClientExponentialBackoff conflicts with KUBE_CLIENT_BACKOFF_BASE / KUBE_CLIENT_BACKOFF_DURATION in extraEnv.',
  },
  {
    id: 'chart-standalone-dns-proxy-port',
    match: /^standaloneDnsProxy requires dnsProxy\.proxyPort/,
    since: '1.19',
    cite: 'templates/validate.yaml@v1.19.1',
    explain: () => 'The standalone DNS proxy needs dnsProxy.proxyPort set to a port (for example 10094).',
  },
  {
    id: 'chart-netkit-tproxy',
    match: /^\.Values\.bpf\.tproxy cannot be enabled with \.Values\.bpf\.datapathMode=netkit/,
    since: '1.19',
    cite: 'templates/validate.yaml@v1.19.1',
    explain: () => 'bpf.tproxy cannot be combined with the netkit datapath modes.',
  },
];

/** The note that explains a chart failure (a `fail`/`required` message, or a template error's text), if any. */
export function chartFailureNote(message: string, templateError = false): ChartFailureNote | undefined {
  return CHART_FAILURE_NOTES.find((n) => (templateError ? n.matchError?.(message) : n.match.test(message)));
}
